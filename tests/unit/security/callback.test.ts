// Where the sign-in page sends the user afterwards: only paths on this site, whatever a browser
// would make of the raw text (it drops tabs and newlines, and reads `\` as `/`).
import { describe, expect, it } from "vitest";
import { safeCallbackPath, safeRedirectUrl } from "@/lib/auth/callback";

const HOSTILE = [
  "/\\127.0.0.1:9999/phish.html", // what /%5C… decodes to
  "/\t/127.0.0.1:9999/phish.html", // /%09/…
  "/\n/evil.example",
  "/\r\n/evil.example",
  "//evil.example/x",
  "///evil.example",
  "/\\/evil.example",
  "\\\\evil.example",
  "https://evil.example/",
  "http:evil.example",
  "javascript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  " /overview",
  "evil.example",
  "",
  "/" + "a".repeat(3000),
];

describe("safeCallbackPath", () => {
  it.each(HOSTILE)("sends %j home instead of off the site", (raw) => {
    expect(safeCallbackPath(raw)).toBe("/");
  });

  it("keeps the site's own paths, with their query and fragment", () => {
    expect(safeCallbackPath("/overview")).toBe("/overview");
    expect(safeCallbackPath("/reports/321281100000/2024-08?tab=checks#gross_output")).toBe("/reports/321281100000/2024-08?tab=checks#gross_output");
    expect(safeCallbackPath("/towns/321281100000")).toBe("/towns/321281100000");
  });

  it("normalises dot segments without leaving the site", () => {
    expect(safeCallbackPath("/a/../../overview")).toBe("/overview");
    // Still encoded, a backslash is a character of the path, not a separator.
    expect(safeCallbackPath("/%5C127.0.0.1:9999/phish.html")).toBe("/%5C127.0.0.1:9999/phish.html");
  });

  it("ignores anything that is not one string (a repeated query parameter)", () => {
    expect(safeCallbackPath(["/overview", "//evil.example"])).toBe("/");
    expect(safeCallbackPath(undefined)).toBe("/");
    expect(safeCallbackPath(null)).toBe("/");
  });
});

describe("safeRedirectUrl (next-auth's redirect callback)", () => {
  const base = "http://127.0.0.1:3000";
  it("keeps our own absolute URLs and paths", () => {
    expect(safeRedirectUrl(`${base}/overview?period=2024-08`, base)).toBe(`${base}/overview?period=2024-08`);
    expect(safeRedirectUrl("/login", base)).toBe(`${base}/login`);
  });
  it("sends other hosts and tricks home", () => {
    expect(safeRedirectUrl("https://evil.example/", base)).toBe(`${base}/`);
    expect(safeRedirectUrl("/\\evil.example", base)).toBe(`${base}/`);
    expect(safeRedirectUrl(`${base}.evil.example/x`, base)).toBe(`${base}/`);
    expect(safeRedirectUrl(`${base}//evil.example`, base)).toBe(`${base}/`);
  });
});
