// Month end without lost edits, end to end in Chromium: a reload mid-edit shows what is stored and
// the next save is no conflict with oneself; an edit left by a link is there after Back; edits that
// could not be saved come back from the browser's draft with a notice; a dirty grid asks before a
// tab or the menu leaves it; signing in before the scripts have loaded never puts the password in a
// URL. Works on 张郭镇 (reporter2), whose open period no later spec depends on.
import type { Page } from "@playwright/test";
import { DEMO, expect, signIn, test } from "./fixtures";

const TOWN = "321281101000"; // 张郭镇
const REPORTER2 = { username: "reporter2", password: "Report@2026" };
const SHOTS = "test-results/screenshots";

const field = (page: Page, name: string) => page.getByRole("textbox", { name: `${name}（万元）`, exact: true });

/** The stored report, read by the page's own fetch (its cookie; a fresh request, never a cached one). */
async function storedReport(page: Page, api: string): Promise<{ version: number; status: string | null; values: Record<string, string> }> {
  return page.evaluate(async (url) => (await fetch(url, { cache: "no-store" })).json(), api);
}

/** The reporter on the town's open period, with the report's stored version (whatever earlier specs left). */
async function openForm(page: Page): Promise<{ path: string; api: string; version: number }> {
  await signIn(page, REPORTER2);
  await page.goto("/report");
  await page.waitForURL(new RegExp(`/reports/${TOWN}/\\d{4}-\\d{2}$`));
  const path = new URL(page.url()).pathname;
  const api = `/api/v1${path}`;
  const stored = await storedReport(page, api);
  expect(["DRAFT", "RETURNED", null]).toContain(stored.status);
  await expect(page.getByText(`版本 ${stored.version}`, { exact: true })).toBeVisible();
  return { path, api, version: stored.version };
}


test("a reload mid-edit shows the stored figure and version, and the next save is no conflict with oneself", async ({ page }) => {
  test.setTimeout(120_000);
  const { api, version } = await openForm(page);
  const gross = field(page, "工业总产值");
  await gross.fill("51234.5");
  await expect(page.getByText("有未保存的修改（离开页面时自动保存草稿）")).toBeVisible();

  // F5: leaving saves the draft in the background while the new page is already on its way.
  await page.reload();
  await expect(page.getByText(`版本 ${version + 1}`, { exact: true })).toBeVisible();
  await expect(gross).toHaveValue("51234.50");
  await expect(page.getByTestId("conflict-panel")).toHaveCount(0);
  await expect(page.getByTestId("draft-notice")).toHaveCount(0);
  let stored = await storedReport(page, api);
  expect(stored.version).toBe(version + 1);
  expect(Number(stored.values.gross_output)).toBe(51234.5);

  // The next save goes on from the version the page shows: no "已先行保存" about oneself.
  await field(page, "销售收入（营业收入）").fill("48000");
  await page.getByRole("button", { name: "保存草稿" }).click();
  await expect(page.getByRole("status").filter({ hasText: "草稿已保存" })).toBeVisible();
  await expect(page.getByTestId("conflict-panel")).toHaveCount(0);
  await expect(page.getByText(`版本 ${version + 2}`, { exact: true })).toBeVisible();
  stored = await storedReport(page, api);
  expect(Number(stored.values.sales_revenue)).toBe(48000);
  expect(Number(stored.values.gross_output)).toBe(51234.5);
});

test("an edit left by a link is there after Back; one that could not be saved comes back from the draft with a notice", async ({ page }) => {
  test.setTimeout(120_000);
  const { path, api, version } = await openForm(page);
  const tabs = page.getByRole("navigation", { name: "本期填报内容" });
  const gross = field(page, "工业总产值");

  // A savable edit: saved as the form unmounts; after Back the page knows the new version.
  await gross.fill("52345.6");
  await tabs.getByRole("link", { name: "规上企业" }).click();
  await page.waitForURL(`**${path}/enterprises`);
  await page.goBack();
  await page.waitForURL(`**${path}`);
  await expect(gross).toHaveValue(/^52345\.60?$/);
  await expect(page.getByText(`版本 ${version + 1}`, { exact: true })).toBeVisible();
  expect(Number((await storedReport(page, api)).values.gross_output)).toBe(52345.6);

  // An edit that cannot be saved (not a figure): kept in the browser, restored with a notice after Back.
  const tax = field(page, "入库税金");
  const taxBefore = await tax.inputValue();
  await tax.fill("12元5");
  await expect(page.locator("#fig-tax-hint")).toContainText("请输入数字");
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "全县概览" }).click();
  await page.waitForURL("**/overview");
  await page.goBack();
  await page.waitForURL(`**${path}`);
  const notice = page.getByTestId("draft-notice");
  await expect(notice).toContainText(/已恢复未保存的修改（(\d+月\d+日)?\d+时\d{2}分）/);
  await expect(tax).toHaveValue("12元5");
  await expect(gross).toHaveValue(/^52345\.60?$/);
  await page.screenshot({ path: `${SHOTS}/restored-draft.png`, fullPage: true });
  // Nothing of it reached the server.
  expect((await storedReport(page, api)).version).toBe(version + 1);

  // 放弃: the stored figure again, no notice, and nothing left to restore on the next visit.
  await notice.getByRole("button", { name: "放弃" }).click();
  await expect(notice).toHaveCount(0);
  await expect(tax).toHaveValue(taxBefore);
  await page.reload();
  await expect(page.getByText(`版本 ${version + 1}`, { exact: true })).toBeVisible();
  await expect(page.getByTestId("draft-notice")).toHaveCount(0);
});

test("a grid with unsaved edits asks before a menu link or a tab leaves it", async ({ page }) => {
  test.setTimeout(120_000);
  const { path } = await openForm(page);
  await page.goto(`${path}/enterprises`);
  const cell = page.locator("input[data-cell]:not([disabled])").first();
  await cell.fill("4321.5");
  await expect(page.getByText(/已修改 1 家企业，尚未保存/)).toBeVisible();

  // The menu: dismissed, the grid and its edit stay.
  const asked: string[] = [];
  page.once("dialog", (d) => {
    asked.push(d.message());
    void d.dismiss();
  });
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "全县概览" }).click();
  await expect.poll(() => asked).toEqual(["有未保存的修改，确定离开？"]);
  expect(new URL(page.url()).pathname).toBe(`${path}/enterprises`);
  await expect(cell).toHaveValue("4321.5");
  await page.screenshot({ path: `${SHOTS}/grid-unsaved-stays.png` });

  // A tab of the entry pages: accepted, it leaves.
  page.once("dialog", (d) => {
    asked.push(d.message());
    void d.accept();
  });
  await page.getByRole("navigation", { name: "本期填报内容" }).getByRole("link", { name: "园区" }).click();
  await page.waitForURL(`**${path}/parks`);
  expect(asked).toEqual(["有未保存的修改，确定离开？", "有未保存的修改，确定离开？"]);
});

test("signing in before the page's scripts have loaded never puts the password in a URL", async ({ page }) => {
  const urls: string[] = [];
  page.on("request", (r) => urls.push(r.url()));
  // The scripts are held back until the early attempts are made (as on a slow line).
  let release!: () => void;
  const scriptsHeld = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/_next\/static\/.*\.js(\?.*)?$/, async (route) => {
    await scriptsHeld;
    await route.continue();
  });
  await page.goto("/login", { waitUntil: "commit" });
  const loading = page.getByRole("button", { name: "正在加载…" });
  await expect(loading).toBeDisabled();
  await page.getByLabel("用户名").fill(DEMO.reporter.username);
  await page.getByLabel("密码").fill(DEMO.reporter.password);
  await page.screenshot({ path: `${SHOTS}/login-loading.png` });
  // Enter in the password box and a click on the button: neither submits a form that is not ready.
  await page.getByLabel("密码").press("Enter");
  await loading.click({ force: true });
  expect(new URL(page.url()).pathname).toBe("/login");
  expect(urls.filter((u) => /password|Report%40|Report@/i.test(u))).toEqual([]);

  release();
  const ready = page.getByRole("button", { name: "登录", exact: true });
  await expect(ready).toBeEnabled();
  // What was typed while loading is still there: one click signs in.
  await expect(page.getByLabel("密码")).toHaveValue(DEMO.reporter.password);
  await ready.click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  await expect(page.getByTestId("current-user")).toContainText("乡镇填报员");
  expect(urls.filter((u) => /password|Report%40|Report@/i.test(u))).toEqual([]);
});

test("locked figures, the leader's board, the skip link and the overview's wide table", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, DEMO.leader);
  // The leader reads the board: no 审核 link (they cannot review).
  await page.goto("/review");
  await expect(page.getByTestId("submission-board")).toBeVisible();
  await expect(page.getByTestId("submission-board").getByRole("link", { name: "审核", exact: true })).toHaveCount(0);

  // The first Tab reaches the skip link, which leads past the header.
  await page.goto("/overview");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "跳到主要内容" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab");
  await expect(page.locator("main#main :focus")).toHaveCount(1);
  await expect(page.getByRole("navigation", { name: "主导航" }).locator(":focus")).toHaveCount(0);

  // At 1366 px the towns' table is wider than its box: it says so and shows an edge.
  await page.setViewportSize({ width: 1366, height: 768 });
  const hint = page.getByTestId("scroll-hint").first();
  await expect(hint).toBeVisible();
  await expect(hint).toContainText("左右滚动");
  await page.screenshot({ path: `${SHOTS}/overview-1366.png`, fullPage: true });
  await page.getByTestId("overview-matrix").scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/overview-1366-table.png` });

  // A locked (read-only) figure reads with separators: the leader sees a town's form read-only.
  await page.goto(`/reports/321281100000/2024-07`);
  const gross = field(page, "工业总产值");
  await expect(gross).toBeDisabled();
  await expect(gross).toHaveValue(/^\d{1,3}(,\d{3})+\.\d{2}$/);
});
