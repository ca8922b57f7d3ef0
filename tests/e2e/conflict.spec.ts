// Two people edit the same report: the second save never overwrites; it shows who saved first,
// their stored values beside the second user's own, and lets them re-apply theirs on the latest.
import { DEMO, expect, signIn, test } from "./fixtures";

const TOWN = "321281101000"; // 张郭镇
const REPORTER2 = { username: "reporter2", password: "Report@2026" };

test("the second save of a stale form shows the conflict panel with the first user's values", async ({ page, browser, consoleErrors }, testInfo) => {
  test.setTimeout(120_000);
  // A: the town's reporter, on the town's open period.
  await signIn(page, REPORTER2);
  await page.goto("/report");
  await page.waitForURL(new RegExp(`/reports/${TOWN}/\\d{4}-\\d{2}$`));
  const url = new URL(page.url()).pathname;

  // B: the county reviewer, on the same report, opened before A saves.
  const context = await browser.newContext({ baseURL: String(testInfo.project.use.baseURL), viewport: { width: 1366, height: 768 }, locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  const other = await context.newPage();
  other.on("console", (m) => m.type() === "error" && consoleErrors.push(m.text()));
  other.on("pageerror", (e) => consoleErrors.push(e.message));
  await signIn(other, DEMO.reviewer);
  await other.goto(url);
  await expect(other.getByTestId("report-status")).toHaveText("未开始");

  const gross = (p: typeof page) => p.getByRole("textbox", { name: "工业总产值（万元）", exact: true });
  const sales = (p: typeof page) => p.getByRole("textbox", { name: "销售收入（营业收入）（万元）", exact: true });

  await gross(page).fill("50000");
  await page.getByRole("button", { name: "保存草稿" }).click();
  await expect(page.getByRole("status").filter({ hasText: "草稿已保存" })).toBeVisible();

  await gross(other).fill("60000");
  await sales(other).fill("5.8亿");
  await other.getByRole("button", { name: "保存草稿" }).click();
  const panel = other.getByTestId("conflict-panel");
  await expect(panel).toBeVisible();
  await expect(panel).toContainText("张郭镇填报员");
  await expect(other.getByTestId("report-status")).toHaveText("草稿");
  await expect(panel.getByTestId("conflict-gross_output")).toContainText("50,000.00");
  await expect(panel.getByTestId("conflict-gross_output")).toContainText("60000");
  await expect(panel.getByTestId("conflict-sales_revenue")).toContainText("5.8亿");
  await other.screenshot({ path: "test-results/screenshots/conflict-panel.png", fullPage: true });

  // Nothing was overwritten.
  const api = `/api/v1/reports/${TOWN}/${url.split("/").pop()}`;
  let stored = await (await page.request.get(api)).json();
  expect(Number(stored.values.gross_output)).toBe(50000);
  expect(stored.values.sales_revenue).toBeUndefined();

  // B loads the latest and re-applies their own figures, then saves deliberately.
  await panel.getByRole("button", { name: "载入最新数据并保留我的修改" }).click();
  await expect(panel).toHaveCount(0);
  await expect(gross(other)).toHaveValue("60000");
  await other.getByRole("button", { name: "保存草稿" }).click();
  await expect(other.getByRole("status").filter({ hasText: "草稿已保存" })).toBeVisible();
  stored = await (await page.request.get(api)).json();
  expect(Number(stored.values.gross_output)).toBe(60000);
  expect(Number(stored.values.sales_revenue)).toBe(58000);
  expect(stored.version).toBe(2);
  await context.close();
});
