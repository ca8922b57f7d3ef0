// Issue 14A: the county's place among its city's counties (全市位次) on the county overview, as the
// demo seeds it (兴化市 among the six counties of 泰州市): the sentence the 通报 opens with, and the
// headline indicators' 总量/增幅 位次 with the change from last month. Screenshot to look at.
import { mkdirSync } from "node:fs";
import { DEMO, expect, pageFor, signIn, test } from "./fixtures";

const SHOTS = "test-results/screenshots";
mkdirSync(SHOTS, { recursive: true });

test("the county overview shows 全市位次: the sentence and each headline indicator's place among the city's counties", async ({ page }) => {
  await signIn(page, DEMO.reviewer);
  await page.goto("/overview");
  const panel = page.getByTestId("peers-panel");
  await expect(panel.getByRole("heading", { name: "全市位次" })).toBeVisible();
  await expect(panel).toContainText("在泰州市6个县（市、区）中");
  await expect(panel.getByTestId("peers-sentence").first()).toHaveText(/^我市乡镇工业经济总量在6个县（市、区）中名列第[1-6]位.*占全市的\d+\.\d%/);
  const gross = panel.locator('tr[data-indicator="gross_output"]');
  await expect(gross.getByTestId("peer-rank")).toContainText(/第[1-6]位\/6/);
  await expect(gross.getByTestId("peer-growth-rank")).toContainText(/第[1-6]位\/6/);
  await expect(gross).toContainText(/\d+\.\d%/);
  await expect(panel).not.toContainText(/null|NaN|undefined|Infinity/);
  await panel.scrollIntoViewIfNeeded();
  await panel.screenshot({ path: `${SHOTS}/peers-panel.png` });
  await page.screenshot({ path: `${SHOTS}/peers-overview.png`, fullPage: true });
});

test("a city reviewer types the city table's figure of 兴化市 (which has towns) on the city grid; the county sees it beside its own total", async ({ page, browser, baseURL }) => {
  await signIn(page, { username: "city_reviewer", password: "Review@2026" });
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "全市分县数据" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("泰州市分县（市、区）数据");
  // The grid opens on the month the header's picker shows, as the county's dashboards do.
  const picked = await page.getByRole("combobox", { name: "统计期" }).locator("option:checked").textContent();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(picked!.trim());
  const grid = page.getByTestId("city-grid");
  await expect(grid.locator("tbody tr")).toHaveCount(6);
  // The peers' figures of a closed, approved month are locked; 兴化市 shows its towns' total and takes only the city's figure.
  const peer = grid.locator('tr[data-kind="peer"]').first();
  await expect(peer.getByTestId("county-status")).toHaveText("已审核");
  await expect(peer.getByRole("textbox")).toHaveCount(0);
  await expect(peer).toContainText(/\d{1,3}(,\d{3})+\.\d{2}/);
  const xinghua = grid.locator('tr[data-kind="detailed"]');
  await expect(xinghua).toContainText("兴化市（有乡镇明细）");
  await expect(xinghua).toContainText(/乡镇汇总 \d{1,3}(,\d{3})+\.\d{2}/);
  const input = xinghua.getByRole("textbox", { name: "兴化市工业总产值（市表数）" });
  await input.fill("1.2亿");
  await page.getByRole("button", { name: /^保存（1个县（市、区））$/ }).click();
  await expect(page.getByRole("status")).toHaveText("已保存1个县（市、区）的数据");
  await expect(input).toHaveValue("12000.00");
  // Bad input: said, nothing saved.
  await input.fill("一点二亿");
  await page.getByRole("button", { name: /^保存/ }).click();
  await expect(page.getByRole("status")).toHaveText(/1个未保存/);
  await expect(xinghua.getByRole("alert")).toContainText("兴化市：工业总产值");
  await expect(page.locator("main")).not.toContainText(/NaN|undefined|Infinity|null/);
  await page.screenshot({ path: `${SHOTS}/city-grid.png`, fullPage: true });

  // The county's reviewer sees the city's figure beside the towns' total on its 全市位次 panel.
  const errors: string[] = [];
  const county = await pageFor(browser, baseURL!, DEMO.reviewer, errors);
  await county.goto("/overview");
  await expect(county.getByTestId("city-table-check")).toContainText(/工业总产值：本县乡镇汇总[\d,]+\.\d{2}万元，市表12,000\.00万元/);
  await county.getByTestId("peers-panel").screenshot({ path: `${SHOTS}/peers-panel-city-table.png` });
  expect(errors).toEqual([]);
  await county.context().close();
});

test("the wall's rankings box turns to 全市位次: the sentence and the city's counties, the county's own row lit", async ({ page, browser }) => {
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, DEMO.admin);
  await admin.goto("/admin/kiosk");
  await admin.getByLabel("名称").fill("全市位次大屏");
  await admin.getByRole("button", { name: "创建链接" }).click();
  const link = admin.getByTestId("kiosk-new-link");
  await expect(link).toHaveValue(/\/wall\?k=wall_[\w-]{20,}$/);
  const url = new URL(await link.inputValue());
  await admin.context().close();

  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.clock.install();
  await page.goto(`${url.pathname}${url.search}`);
  const peers = page.getByTestId("wall-peers");
  await expect(page.getByTestId("ranking-total")).toBeVisible();
  await expect(peers).toBeHidden();
  // The box shows 总量, 增幅, then 全市位次, two ticks of 10 s each: run the page's clock until it turns.
  await expect
    .poll(async () => {
      await page.clock.runFor(10_000);
      return peers.isVisible();
    })
    .toBe(true);
  await expect(page.getByRole("region", { name: "泰州市各县（市、区）" })).toBeVisible();
  await expect(peers.getByTestId("wall-peers-sentence")).toHaveText(/^我市乡镇工业经济总量在6个县（市、区）中名列第[1-6]位，增幅名列第[1-6]位$/);
  await expect(peers.locator("li")).toHaveCount(6);
  await expect(peers.locator("li[data-own]")).toContainText("兴化市");
  await expect(peers).not.toContainText(/NaN|Infinity|undefined|null/);
  await page.screenshot({ path: `${SHOTS}/wall-peers.png` });
});
