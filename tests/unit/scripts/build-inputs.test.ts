// `npm start` rebuilds only when a build input changed: a log file dropped in the folder must not rebuild
// (and so never replace the build under a running server), while any change to the sources must.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { listInputs, sourceFingerprint } from "../../../scripts/lib/build-inputs.mjs";

let root: string;
const write = (file: string, text: string) => {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), text);
};

function project(withGit: boolean) {
  root = mkdtempSync(path.join(tmpdir(), "tis-build-inputs-"));
  write("app/page.tsx", "export default function Page() { return null; }\n");
  write("lib/stats/growth.ts", "export const a = 1;\n");
  write("package.json", "{}\n");
  write(".gitignore", "node_modules/\n.next-builds/\n");
  if (withGit) {
    const git = (...args: string[]) => spawnSync("git", args, { cwd: root, encoding: "utf8" });
    git("init", "-q");
    git("add", ".");
    git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "init");
  }
}

afterEach(() => rmSync(root, { recursive: true, force: true }));

for (const withGit of [true, false]) {
  describe(withGit ? "in a git checkout" : "in an unpacked archive", () => {
    beforeEach(() => project(withGit));

    it("ignores files that do not go into the build", () => {
      const before = sourceFingerprint(root);
      write("server.log", "GET / 200\n");
      write("backups/tis-backup.sql", "-- dump\n");
      write(".next-builds/abc/BUILD_ID", "x");
      expect(sourceFingerprint(root)).toBe(before);
    });

    it("changes when a source changes or a new source appears", () => {
      const before = sourceFingerprint(root);
      write("lib/stats/growth.ts", "export const a = 2;\n");
      const edited = sourceFingerprint(root);
      expect(edited).not.toBe(before);
      write("components/new-widget.tsx", "export {};\n");
      expect(sourceFingerprint(root)).not.toBe(edited);
      expect(listInputs(root)).toContain(path.join("components", "new-widget.tsx"));
    });
  });
}
