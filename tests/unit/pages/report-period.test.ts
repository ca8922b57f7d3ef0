// The report page for a period before 2000 says why, in Chinese, before looking anything up.
import { describe, expect, it, vi } from "vitest";
import type { ReactElement } from "react";

vi.mock("@/lib/auth/session", () => ({ requireUser: async () => ({ id: 1, role: "REPORTER", regionId: 1 }) }));

describe("/reports/<town>/<period>", () => {
  it("answers 1899-12 with the range message", async () => {
    const { default: ReportPage } = await import("@/app/(app)/reports/[town]/[period]/page");
    const page = (await ReportPage({ params: Promise.resolve({ town: "321281100000", period: "1899-12" }) })) as ReactElement<{ title: string; detail: string }>;
    expect(page.props.title).toBe("统计期不正确");
    expect(page.props.detail).toBe("“1899-12”不是有效的统计期：统计期不能早于2000年1月");
  }, 60_000); // importing the page loads its whole server module graph
});
