// Enterprise entry end to end in Chromium: the town's reporter opens the 规上企业 grid of the open
// period, types 1.2亿 for an enterprise, saves and sees 12,000万元 stored; on the town form the
// 按企业合计预填 panel shows the enterprises' sum beside the form's figure and the difference, and
// copies the sum into the form. Two people saving the same park: the second sees a conflict.
import type { Browser, Page } from "@playwright/test";
import { DEMO, expect, signIn, test } from "./fixtures";

const TOWN = "321281100000"; // 戴南镇
const SHOTS = "test-results/screenshots";

/**
 * Signs the reporter in on the town's open period. The month-end spec may have submitted or approved
 * that period already (its figures are then locked): the reviewer returns or reopens it, as the bureau
 * would for a correction.
 */
async function openPeriodAsReporter(page: Page, browser: Browser, baseURL: string, errors: string[]): Promise<string> {
  await signIn(page, DEMO.reporter);
  await page.goto("/report");
  await page.waitForURL(new RegExp(`/reports/${TOWN}/\\d{4}-\\d{2}$`));
  const reportPath = new URL(page.url()).pathname;
  const api = `/api/v1${reportPath}`;
  const current = await (await page.request.get(api)).json();
  if (current.status === "APPROVED" || current.status === "SUBMITTED") {
    const context = await browser.newContext({ baseURL, locale: "zh-CN", timezoneId: "Asia/Shanghai" });
    const reviewer = await context.newPage();
    reviewer.on("pageerror", (e) => errors.push(e.message));
    await signIn(reviewer, DEMO.reviewer);
    const res = current.status === "APPROVED"
      ? await reviewer.request.post(`${api}/reopen`, { headers: { origin: new URL(baseURL).origin }, data: { version: current.version, reason: "补录企业数据" } })
      : await reviewer.request.post(`${api}/return`, { headers: { origin: new URL(baseURL).origin }, data: { version: current.version, comment: "补录企业数据" } });
    expect(res.status()).toBe(200);
    await context.close();
    await page.reload();
  }
  return reportPath;
}

test("a reporter enters 1.2亿 for an enterprise, saves it, and the town form shows the enterprise sum and difference", async ({ page, browser, consoleErrors }, testInfo) => {
  test.setTimeout(180_000);
  const reportPath = await openPeriodAsReporter(page, browser, String(testInfo.project.use.baseURL), consoleErrors);

  // — The 规上企业 grid, from the report page's tabs.
  await page.getByRole("navigation", { name: "本期填报内容" }).getByRole("link", { name: "规上企业" }).click();
  await page.waitForURL(`**${reportPath}/enterprises`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("规上企业主要指标");
  const rows = await page.locator("tr[data-enterprise]").evaluateAll((els) =>
    els.map((el) => ({ id: el.getAttribute("data-enterprise")!, prev: Number(el.getAttribute("data-prev-gross_output") || "0") })),
  );
  expect(rows.length).toBeGreaterThan(3);
  // The first enterprise (near the top of the grid) whose last-month YTD is below 12,000万元, so 1.2亿 passes the YTD check.
  const target = rows.find((r) => r.prev < 12000)!;
  expect(target, "an enterprise below 12,000万元 last month").toBeDefined();

  const gross = page.locator(`input[data-cell="${target.id}.gross_output"]`);
  await gross.fill("1.2亿");
  await expect(page.locator(`[id="${target.id}.gross_output-hint"]`)).toContainText("即 12,000.00万元");
  await expect(page.getByText("已修改 1 家企业，尚未保存")).toBeVisible();

  // A typo is caught before saving and blocks the save.
  const tax = page.locator(`input[data-cell="${target.id}.tax"]`);
  await tax.fill("12元5");
  await expect(page.locator(`[id="${target.id}.tax-hint"]`)).toContainText("请输入数字");
  await expect(page.getByRole("button", { name: "保存", exact: true })).toBeDisabled();
  await tax.fill("");

  await page.setViewportSize({ width: 1366, height: 768 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${SHOTS}/enterprise-grid.png` });
  await page.getByRole("button", { name: "保存", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "已保存 1 家企业的数据" })).toBeVisible();
  await expect(gross).toHaveValue("12000.00");

  // Stored: still there after a reload.
  await page.reload();
  await expect(page.locator(`input[data-cell="${target.id}.gross_output"]`)).toHaveValue("12000.00");
  await expect(page.getByTestId(`status-${target.id}`)).not.toContainText("未填报");

  // — The park and project grids of the same period render, editable, beside last month's figures.
  const tabs = page.getByRole("navigation", { name: "本期填报内容" });
  await tabs.getByRole("link", { name: "园区" }).click();
  await page.waitForURL(`**${reportPath}/parks`);
  await expect(page.locator("tr[data-park]")).not.toHaveCount(0);
  await expect(page.getByRole("textbox", { name: /戴南不锈钢产业园 已开发面积/ })).toBeEditable();
  await page.screenshot({ path: `${SHOTS}/park-grid.png`, fullPage: true });
  await tabs.getByRole("link", { name: "项目进度" }).click();
  await page.waitForURL(`**${reportPath}/projects`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("项目推进情况");
  const stage = page.getByRole("combobox", { name: /项目阶段$/ }).first();
  if ((await stage.count()) > 0) {
    // Choosing another stage asks for its date (not saved here).
    const options = await stage.locator("option").evaluateAll((els) => els.map((o) => (o as HTMLOptionElement).value));
    const current = await stage.inputValue();
    await stage.selectOption(options.find((o) => o !== current)!);
    await expect(page.getByLabel(/阶段变更日期$/).first()).toBeVisible();
  }
  await page.screenshot({ path: `${SHOTS}/project-grid.png`, fullPage: true });

  // — The town form: the prefill panel compares the enterprises' sum with the form's figure.
  // The stage chosen above is an unsaved edit: leaving the grid asks first (accepted here).
  page.once("dialog", (d) => void d.accept());
  await page.getByRole("navigation", { name: "本期填报内容" }).getByRole("link", { name: "月报" }).click();
  await page.waitForURL(`**${reportPath}`);
  const panel = page.getByTestId("prefill-panel");
  await panel.getByText("按企业合计预填").click();
  const sum = panel.getByTestId("prefill-sum-above_scale_output");
  const sumText = (await sum.textContent())!;
  expect(Number(sumText.replace(/,/g, ""))).toBeGreaterThanOrEqual(12000);
  const sumValue = Number(sumText.replace(/,/g, ""));

  const aboveScale = page.getByRole("textbox", { name: "规上工业总产值（万元）", exact: true });
  await aboveScale.fill(String(sumValue + 3000));
  await expect(panel.getByTestId("prefill-diff-above_scale_output")).toHaveText("+3,000.00");

  await panel.getByRole("button", { name: "将勾选的合计填入表单" }).click();
  await expect(aboveScale).toHaveValue(sumValue.toFixed(2));
  await expect(panel.getByTestId("prefill-diff-above_scale_output")).toHaveText("0.00");
  await expect(panel.getByRole("status")).toContainText("已填入");
  await page.screenshot({ path: `${SHOTS}/prefill-panel.png`, fullPage: true });
  await expect(page.locator("body")).not.toContainText(/NaN|undefined|Infinity/);
});

test("two people save the same park: the second sees a conflict panel and nothing is overwritten", async ({ page, browser, consoleErrors }, testInfo) => {
  test.setTimeout(180_000);
  const parksPath = `${await openPeriodAsReporter(page, browser, String(testInfo.project.use.baseURL), consoleErrors)}/parks`;

  const context = await browser.newContext({ baseURL: String(testInfo.project.use.baseURL), viewport: { width: 1366, height: 768 }, locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  const other = await context.newPage();
  other.on("console", (m) => m.type() === "error" && consoleErrors.push(m.text()));
  other.on("pageerror", (e) => consoleErrors.push(e.message));
  await signIn(other, DEMO.reviewer);

  await page.goto(parksPath);
  await other.goto(parksPath);
  const row = page.locator("tr[data-park]").first();
  const id = await row.getAttribute("data-park");
  const prev = async (code: string) => Number((await row.getAttribute(`data-prev-${code}`)) || "0");
  const figures = {
    developedArea: (await prev("developedArea")) + 20,
    infrastructureInvestment: (await prev("infrastructureInvestment")) + 500,
    enterpriseCount: (await prev("enterpriseCount")) + 1,
    salesRevenue: (await prev("salesRevenue")) + 90000,
    profitTax: (await prev("profitTax")) + 5000,
  };
  const fill = async (p: typeof page, bump: number) => {
    for (const [code, v] of Object.entries(figures)) await p.locator(`input[data-cell="${id}.${code}"]`).fill((code === "enterpriseCount" ? v + bump : v + bump * 10).toFixed(code === "enterpriseCount" ? 0 : 2));
  };
  await fill(page, 0);
  await fill(other, 1);
  await page.getByRole("button", { name: "保存", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "已保存 1 个园区的数据" })).toBeVisible();

  await other.getByRole("button", { name: "保存", exact: true }).click();
  const panel = other.getByTestId("conflict-panel");
  await expect(panel).toBeVisible();
  await expect(panel).toContainText("戴南镇填报员");
  await expect(panel).toContainText("您的修改尚未保存");
  await other.screenshot({ path: `${SHOTS}/entry-conflict.png`, fullPage: true });

  // The first save stands.
  await page.reload();
  await expect(page.locator(`input[data-cell="${id}.enterpriseCount"]`)).toHaveValue(String(figures.enterpriseCount));

  // The second person takes the latest, keeps their own figures and saves deliberately.
  await panel.getByRole("button", { name: "载入最新数据并保留我的修改" }).click();
  await expect(panel).toHaveCount(0);
  await other.getByRole("button", { name: "保存", exact: true }).click();
  await expect(other.getByRole("status").filter({ hasText: "已保存 1 个园区的数据" })).toBeVisible();
  await page.reload();
  await expect(page.locator(`input[data-cell="${id}.enterpriseCount"]`)).toHaveValue(String(figures.enterpriseCount + 1));
  await context.close();
});
