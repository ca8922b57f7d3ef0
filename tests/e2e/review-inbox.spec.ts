// Issue 12, items 4, 5, 7 in Chromium: an empty report cannot be submitted (the form names the
// missing 必填指标, no green pass; the API refuses it too); 报送, 退回 ask first with a summary; the
// reviewer's nav count and 待审核 inbox show a new submission of any period; the reporter sees the
// returned report with the comment on arrival; the audit log is read through pickers.
import { mkdirSync } from "node:fs";
import type { Page } from "@playwright/test";
import { DEMO, expect, pageFor, plausibleFigures, signIn, test } from "./fixtures";

const TOWN = "321281100000"; // 戴南镇, the demo reporter's town
const SHOTS = "/tmp/shots/h4";
const REQUIRED = "工业总产值、规上工业总产值、销售收入（营业收入）、利润总额、入库税金";
const COMMENT = "入库税金与开票销售不匹配，请核实后重新报送";

/** The nav's 待审核 count (no badge: none). */
async function navCount(page: Page): Promise<number> {
  const badge = page.getByRole("navigation", { name: "主导航" }).getByTestId("pending-count");
  return (await badge.count()) === 0 ? 0 : Number(await badge.textContent());
}

test("empty report refused, confirmations, the reviewer's inbox and count, the returned notice, audit pickers", async ({ page, browser, consoleErrors }, testInfo) => {
  test.setTimeout(240_000);
  mkdirSync(SHOTS, { recursive: true });
  const baseURL = String(testInfo.project.use.baseURL);
  const origin = new URL(baseURL).origin;

  // — The reporter opens the town's open period (fresh demo data: not started).
  await signIn(page, DEMO.reporter);
  await page.goto("/report");
  await page.waitForURL(new RegExp(`/reports/${TOWN}/\\d{4}-\\d{2}$`));
  const period = page.url().split("/").pop()!;
  const month = Number(period.slice(5));
  const api = `/api/v1/reports/${TOWN}/${period}`;
  const reviewer = await pageFor(browser, baseURL, DEMO.reviewer, consoleErrors, 900);
  // The month-end spec (or an earlier run) may have used this period: take it back to an empty report.
  let current = await (await page.request.get(api)).json();
  if (current.status === "SUBMITTED") current = await (await reviewer.request.post(`${api}/return`, { headers: { origin }, data: { comment: "e2e：清空重填", version: current.version } })).json();
  if (current.status === "APPROVED") current = await (await reviewer.request.post(`${api}/reopen`, { headers: { origin }, data: { reason: "e2e：清空重填", version: current.version } })).json();

  // The server refuses an empty report whatever the browser does: 422 naming the missing figures.
  const cleared = Object.fromEntries(Object.keys(current.values ?? {}).map((code) => [code, null]));
  const saved = await page.request.put(api, { headers: { origin }, data: { version: current.version ?? 0, values: cleared } });
  expect(saved.status(), await saved.text()).toBe(200);
  const refused = await page.request.post(`${api}/submit`, { headers: { origin }, data: { version: (await saved.json()).version } });
  expect(refused.status()).toBe(422);
  expect((await refused.json()).error.message).toContain(`尚未填写必填指标：${REQUIRED}`);
  await page.reload();
  const openStatus = current.status === "RETURNED" || current.status === "APPROVED" ? "已退回" : "草稿";
  await expect(page.getByTestId("report-status")).toHaveText(openStatus);

  // The form says what is missing, never a green pass, and 报送 waits.
  const checks = page.getByRole("region", { name: "审核结果" });
  await expect(page.getByTestId("required-missing")).toContainText(`尚未填写：${REQUIRED}`);
  await expect(checks).not.toContainText("审核通过");
  await expect(page.getByRole("button", { name: "报送", exact: true })).toBeDisabled();
  await expect(page.getByTestId("submit-blocked")).toContainText("尚未填写：工业总产值");
  await page.screenshot({ path: `${SHOTS}/empty-form.png`, fullPage: true });
  // Each missing name takes the user to its field.
  await page.getByTestId("required-missing").getByRole("link", { name: "销售收入（营业收入）" }).click();
  await expect(page.locator('[data-figure-input="sales_revenue"]')).toBeFocused();

  // — The reviewer's count before the submission.
  await reviewer.goto("/review");
  const before = await navCount(reviewer);
  await expect(reviewer.getByTestId("inbox-count")).toHaveText(String(before));
  await expect(reviewer.locator(`[data-testid="pending-inbox"] tr[data-pending-town="${TOWN}"][data-period="${period}"]`)).toHaveCount(0);
  // Every submission names who submitted it (the demo's towns' own 填报员, an importer): no 报送人 reads "—".
  const submitters = reviewer.locator('[data-testid="pending-inbox"] tbody tr td:nth-of-type(3)');
  expect(await submitters.count()).toBeGreaterThan(0);
  for (const text of await submitters.allTextContents()) expect(text.trim()).not.toMatch(/^(—|)$/);
  expect((await submitters.allTextContents()).some((t) => t.endsWith("填报员"))).toBe(true);

  // — The reporter fills the figures; 报送 asks first, with a summary; 取消 changes nothing.
  const figures = await plausibleFigures(page, month);
  for (const [code, value] of Object.entries(figures)) await page.locator(`[data-figure-input="${code}"]`).fill(value);
  await expect(page.getByTestId("required-missing")).toHaveCount(0);
  const explanations = page.getByRole("textbox", { name: /说明$/ });
  for (let i = 0; i < (await explanations.count()); i++) await explanations.nth(i).fill("本月新投产企业两家，产销增加");
  await page.getByRole("button", { name: "报送", exact: true }).click();
  const confirm = page.getByRole("dialog", { name: "确认报送" });
  await expect(confirm).toBeVisible();
  const summary = confirm.getByTestId("confirm-summary");
  await expect(summary).toContainText("戴南镇");
  await expect(summary).toContainText(`${Object.keys(figures).length} / 20 项`);
  await expect(summary).toContainText("必填未填无");
  await expect(summary).toContainText("亿元");
  await page.screenshot({ path: `${SHOTS}/confirm-submit.png` });
  await confirm.getByRole("button", { name: "取消" }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByTestId("report-status")).toHaveText(openStatus);
  await page.getByRole("button", { name: "报送", exact: true }).click();
  await confirm.getByRole("button", { name: "确认报送" }).click();
  await expect(page.getByTestId("report-status")).toHaveText("已报送");

  // — The reviewer's nav count went up by one and the inbox lists it, whatever period the board shows.
  await reviewer.reload();
  await expect.poll(() => navCount(reviewer)).toBe(before + 1);
  const row = reviewer.locator(`[data-testid="pending-inbox"] tr[data-pending-town="${TOWN}"][data-period="${period}"]`);
  await expect(row).toContainText("戴南镇");
  await expect(row).toContainText("戴南镇填报员");
  await reviewer.screenshot({ path: `${SHOTS}/inbox.png`, fullPage: true });

  // — The reviewer returns it with a comment; the dialog shows the comment before it goes.
  await row.getByRole("link", { name: /^审核戴南镇/ }).click();
  await reviewer.waitForURL(new RegExp(`/reports/${TOWN}/${period}$`));
  await reviewer.getByLabel("退回意见（退回时必填）").fill(COMMENT);
  await reviewer.getByRole("button", { name: "退回", exact: true }).click();
  const returnDialog = reviewer.getByRole("dialog", { name: "确认退回" });
  await expect(returnDialog).toContainText(COMMENT);
  await expect(returnDialog.getByTestId("confirm-summary")).toContainText("戴南镇");
  await reviewer.screenshot({ path: `${SHOTS}/confirm-return.png` });
  await returnDialog.getByRole("button", { name: "确认退回" }).click();
  await expect(reviewer.getByTestId("report-status")).toHaveText("已退回");
  await expect.poll(async () => { await reviewer.reload(); return navCount(reviewer); }).toBe(before);

  // — The reporter sees it on arrival, with the comment and a link to fix it.
  await page.goto("/");
  const notice = page.getByTestId("returned-notice");
  await expect(notice).toContainText(COMMENT);
  await page.screenshot({ path: `${SHOTS}/returned-notice.png` });
  await notice.getByRole("link", { name: "去修改并重新报送" }).first().click();
  await expect(page).toHaveURL(new RegExp(`/reports/${TOWN}/\\d{4}-\\d{2}$`));

  // — 审计日志 from the menu: latest entries in scope, narrowed with pickers (no address editing).
  await reviewer.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "审计日志" }).click();
  await reviewer.waitForURL(/\/audit$/);
  await expect(reviewer.getByTestId("audit-table")).toBeVisible();
  const filters = reviewer.getByRole("form", { name: "筛选审计日志" });
  // A label's name includes its select's chosen option ("操作 全部"): pick the selects by name.
  await filters.locator('select[name="town"]').selectOption({ label: "戴南镇" });
  await filters.locator('select[name="period"]').selectOption(period);
  await filters.locator('select[name="action"]').selectOption({ label: "退回" });
  await filters.getByRole("button", { name: "筛选" }).click();
  await reviewer.waitForURL(/action=return/);
  const table = reviewer.getByTestId("audit-table");
  await expect(table).toContainText(COMMENT);
  await expect(reviewer.getByRole("heading", { level: 1 })).toHaveText("戴南镇 审计日志");
  await reviewer.screenshot({ path: `${SHOTS}/audit-pickers.png`, fullPage: true });
});
