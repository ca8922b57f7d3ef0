// A city leader (the demo's city_leader at 泰州市) opens the city overview — the city's counties
// ranked, 全市合计 — and drills city → county → town → enterprise, each step by clicking what a
// leader would click, with the crumbs leading back up. Screenshots of every step to look at.
import { mkdirSync } from "node:fs";
import { drawAllCharts, expect, noBadNumbers, signIn, test } from "./fixtures";

const SHOTS = "test-results/screenshots";
mkdirSync(SHOTS, { recursive: true });

const CITY_LEADER = { username: "city_leader", password: "Leader@2026" };

test.use({ viewport: { width: 1366, height: 768 } });



test("a city leader drills from the city to a county, a town and an enterprise", async ({ page }) => {
  await signIn(page, CITY_LEADER);
  const nav = page.getByRole("navigation", { name: "主导航" });
  await expect(nav.getByRole("link", { name: "全市概览" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "全县概览" })).toHaveCount(0);
  await expect(nav.getByRole("link", { name: "本镇填报" })).toHaveCount(0);

  // 1. The city: its counties in the matrix, ranked, with the city's total.
  await nav.getByRole("link", { name: "全市概览" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("泰州市乡镇工业主要指标");
  const matrix = page.getByTestId("overview-matrix");
  await expect(matrix.getByRole("row").filter({ hasText: "全市合计" })).toContainText(/\d{1,3}(,\d{3})+\.\d{2}/);
  for (const county of ["兴化市", "海陵区", "靖江市", "泰兴市"]) await expect(matrix.getByRole("link", { name: county })).toBeVisible();
  await expect(page.getByText(/已报送 \d+\/\d+ 个县（市、区）/)).toBeVisible();
  await expect(page.getByTestId("indicator-table").getByRole("columnheader", { name: /占全市/ })).toBeVisible();
  await expect(page.getByTestId("ranking-widget")).toContainText("工业总产值分县（市、区）排名");
  await drawAllCharts(page);
  await expect(page.getByTestId("ranking-widget").locator(".recharts-bar-rectangle").first()).toBeVisible();
  await noBadNumbers(page);
  await page.screenshot({ path: `${SHOTS}/city-1-overview.png`, fullPage: true });

  // 2. A county with town detail: its towns, as the county's own users see them, under the city's crumb.
  await matrix.getByRole("link", { name: "兴化市" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("兴化市乡镇工业主要指标");
  const crumbs = page.getByRole("navigation", { name: "位置" });
  await expect(crumbs.getByRole("link", { name: "全市概览" })).toBeVisible();
  await expect(page.getByTestId("overview-matrix").getByRole("row").filter({ hasText: "全县合计" })).toBeVisible();
  await expect(page.getByTestId("overview-matrix").getByRole("link", { name: "戴南镇" })).toBeVisible();
  await drawAllCharts(page);
  await noBadNumbers(page);
  await page.screenshot({ path: `${SHOTS}/city-2-county.png`, fullPage: true });

  // 3. A town: 全市概览 › 兴化市 › 戴南镇.
  await page.getByTestId("overview-matrix").getByRole("link", { name: "戴南镇" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("戴南镇工业主要指标");
  const townCrumbs = page.getByRole("navigation", { name: "位置" });
  await expect(townCrumbs.getByRole("link", { name: "全市概览" })).toBeVisible();
  await expect(townCrumbs.getByRole("link", { name: "兴化市" })).toBeVisible();
  await drawAllCharts(page);
  await noBadNumbers(page);
  await page.screenshot({ path: `${SHOTS}/city-3-town.png`, fullPage: true });

  // 4. One of the town's enterprises (the city reads enterprise-level figures of the whole city).
  const firm = page.locator('main a[href^="/enterprises/"]').filter({ hasText: /公司|厂/ }).first();
  const firmName = (await firm.innerText()).trim();
  await firm.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(firmName);
  const firmCrumbs = page.getByRole("navigation", { name: "位置" });
  await expect(firmCrumbs.getByRole("link", { name: "全市概览" })).toBeVisible();
  await expect(firmCrumbs.getByRole("link", { name: "兴化市" })).toBeVisible();
  await expect(firmCrumbs.getByRole("link", { name: "戴南镇" })).toBeVisible();
  await noBadNumbers(page);
  await page.screenshot({ path: `${SHOTS}/city-4-enterprise.png`, fullPage: true });

  // And back up by the crumbs: the county's overview, then the city's.
  await firmCrumbs.getByRole("link", { name: "兴化市" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("兴化市乡镇工业主要指标");
  await page.getByRole("navigation", { name: "位置" }).getByRole("link", { name: "全市概览" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("泰州市乡镇工业主要指标");
});

test("a county's reviewer gets the not-found page for the city and another county, never their figures", async ({ page }) => {
  await signIn(page, { username: "reviewer", password: "Review@2026" });
  for (const code of ["321200000000", "321282000000"]) {
    await page.goto(`/overview?region=${code}`);
    await expect(page.getByText("未找到该地区")).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toHaveCount(0);
    await expect(page.getByTestId("overview-matrix")).toHaveCount(0);
  }
  await page.screenshot({ path: `${SHOTS}/city-5-county-refused.png` });
});

test("the city reviewer's 报送审核: the counties without towns report to the city, the others open their own boards", async ({ page }) => {
  await signIn(page, { username: "city_reviewer", password: "Review@2026" });
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: /报送审核/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("泰州市");
  const board = page.getByTestId("submission-board");
  await expect(board.getByRole("columnheader", { name: "县（市、区）" })).toBeVisible();
  for (const county of ["海陵区", "靖江市", "泰兴市"]) await expect(board.getByRole("rowheader", { name: county })).toBeVisible();
  await expect(board.getByRole("rowheader", { name: "兴化市" })).toHaveCount(0);
  await noBadNumbers(page);
  await page.screenshot({ path: `${SHOTS}/city-6-review.png`, fullPage: true });
  // 海陵区's own report: the city reopens it (with a reason); no enterprise/park/project tabs for a county.
  await board.getByRole("link", { name: "查看海陵区月报" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("海陵区");
  await expect(page.getByRole("navigation", { name: "本期填报内容" })).toHaveCount(0);
  const panel = page.getByRole("region", { name: "审核操作" });
  await expect(panel).toContainText("重新打开已审核的月报");
  await panel.getByRole("textbox").fill("市表更正");
  await panel.getByRole("button", { name: "重新打开" }).click();
  await expect(page.getByRole("dialog")).toContainText("县（市、区）可修改后重新报送");
  await page.getByRole("button", { name: "确认重新打开" }).click();
  await expect(page.getByRole("region", { name: "审核操作" })).toHaveCount(0);
  await expect(page.locator("main")).toContainText("已退回");
  await noBadNumbers(page);
  await page.screenshot({ path: `${SHOTS}/city-6b-county-report.png`, fullPage: true });
  // The city puts the corrected table back through the same workflow: 报送, then 审核通过 — 海陵区 counts
  // again (the peers' spec reads six counted counties from this database).
  await page.getByRole("button", { name: "报送", exact: true }).click();
  const submit = page.getByRole("dialog", { name: "确认报送" });
  await expect(submit).toContainText("等待市级审核");
  await submit.getByRole("button", { name: "确认报送" }).click();
  await expect(page.getByTestId("report-status")).toHaveText("已报送");
  const review = page.getByRole("region", { name: "审核操作" });
  await review.getByRole("button", { name: "审核通过" }).click();
  await page.getByRole("dialog", { name: "确认审核通过" }).getByRole("button", { name: "确认通过" }).click();
  await expect(page.getByTestId("status-banner")).toContainText("已审核");
  await expect(page.getByRole("region", { name: "审核操作" })).toContainText("重新打开已审核的月报");
  await page.getByRole("link", { name: "返回报送情况" }).click();
  // A county with town detail: its own board of towns, read-only for the city (查看, never 审核).
  await page.getByRole("navigation", { name: "各县（市、区）报送情况" }).getByRole("link", { name: "兴化市" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("兴化市");
  await expect(page.getByTestId("submission-board").getByRole("rowheader", { name: "戴南镇" })).toBeVisible();
  await expect(page.getByTestId("submission-board").locator("a", { hasText: /^审核$/ })).toHaveCount(0);
  await expect(page.getByTestId("submission-board").locator("a", { hasText: /^查看$/ }).first()).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/city-7-county-board.png`, fullPage: true });
});
