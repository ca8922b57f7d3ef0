// Dashboards in a real browser: charts drawn, rank arrows, drill-down with region/period in the URL,
// the 当月/累计 toggle, an .xlsx exported through the UI, axe scans, and screenshots to look at.
import AxeBuilder from "@axe-core/playwright";
import ExcelJS from "exceljs";
import { mkdirSync, readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { DEMO, drawAllCharts, expect, noBadNumbers, signIn, test } from "./fixtures";

const SHOTS = "test-results/screenshots";
mkdirSync(SHOTS, { recursive: true });

test.use({ viewport: { width: 1366, height: 768 } });

async function axeClean(page: Page, name: string) {
  const result = await new AxeBuilder({ page }).analyze();
  const bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  console.log(`axe ${name}: ${result.violations.length} violations (${bad.length} serious/critical), ${result.passes.length} rules passed`);
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`)).toEqual([]);
}



test("overview draws its charts, rank arrows and tables, and passes axe", async ({ page }) => {
  await signIn(page, DEMO.reviewer);
  await page.goto("/overview");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("兴化市乡镇工业主要指标");
  await expect(page.getByTestId("ranking-widget").locator(".recharts-bar-rectangle").first()).toBeVisible();
  await expect(page.getByTestId("rank-list-total").getByTestId("rank-change")).toHaveCount(14);
  await expect(page.getByTestId("rank-list-growth").locator("[aria-label]").first()).toHaveAttribute("aria-label", /上升|下降|排名不变|无上月排名/);
  // The demo's latest month moves towns: arrows both ways in the ranking lists.
  await expect(page.getByTestId("rank-list-total").getByText(/▲\d/).first()).toBeVisible();
  await expect(page.getByTestId("rank-list-total").getByText(/▼\d/).first()).toBeVisible();
  await expect(page.getByTestId("rank-list-growth").getByText(/[▲▼]\d/).first()).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/overview-1366x768.png` });

  // Charts below the first screen are drawn as they come near it, one after another.
  await drawAllCharts(page);
  await expect(page.getByTestId("trend-widget").locator(".recharts-line-curve")).toHaveCount(2);
  await expect(page.getByTestId("plan-widget").locator(".recharts-reference-line")).toHaveCount(1);
  await expect(page.getByTestId("composition-sector").locator(".recharts-pie-sector").first()).toBeVisible();
  await expect(page.getByTestId("composition-park").locator(".recharts-pie-sector")).toHaveCount(4);
  await expect(page.getByTestId("composition-park")).toContainText("戴南不锈钢产业园");
  expect(await page.locator(".recharts-surface").count()).toBeGreaterThanOrEqual(5);
  await noBadNumbers(page);
  await page.screenshot({ path: `${SHOTS}/overview-full.png`, fullPage: true });
  await axeClean(page, "overview");
});

test("rank changes show arrows on an indicator where towns moved", async ({ page }) => {
  await signIn(page, DEMO.leader);
  let arrows = 0;
  for (const code of ["profit", "attracted_investment", "funds_arrived", "new_private_capital"]) {
    await page.goto(`/overview?indicator=${code}`);
    arrows += await page.getByTestId("indicator-table").getByText(/[▲▼]\d/).count();
  }
  expect(arrows).toBeGreaterThan(0);
});

test("the 当月/累计 toggle redraws the trend chart", async ({ page }) => {
  await signIn(page, DEMO.reviewer);
  await page.goto("/overview");
  await page.getByTestId("trend-widget").scrollIntoViewIfNeeded();
  const trend = page.getByTestId("trend-chart");
  const line = trend.locator(".recharts-line-curve").first();
  await expect(line).toBeVisible();
  const ytd = await line.getAttribute("d");
  await trend.getByRole("button", { name: "当月" }).click();
  await expect(trend).toHaveAttribute("data-mode", "monthly");
  await expect(trend.getByRole("button", { name: "当月" })).toHaveAttribute("aria-pressed", "true");
  await expect.poll(() => line.getAttribute("d")).not.toBe(ytd);
  await trend.getByRole("button", { name: "累计" }).click();
  await expect.poll(() => line.getAttribute("d")).toBe(ytd);
});

test("drill down overview → town → enterprise through links, region and period in the URL", async ({ page }) => {
  await signIn(page, DEMO.leader);
  await page.goto("/overview");
  const period = await page.getByLabel("统计期").inputValue();
  await page.getByTestId("overview-matrix").getByRole("link", { name: "戴南镇" }).click();
  await expect(page).toHaveURL(new RegExp(`/towns/321281100000\\?period=${period}$`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText("戴南镇工业主要指标");
  await expect(page.getByTestId("town-indicators")).toContainText("工业总产值");
  await drawAllCharts(page);
  await expect(page.getByTestId("trend-widget").locator(".recharts-line-curve")).toHaveCount(2);
  await expect(page.getByTestId("tier-widget")).toContainText("产值超亿元");
  await noBadNumbers(page);
  await page.screenshot({ path: `${SHOTS}/town-page.png`, fullPage: true });
  await axeClean(page, "town");

  const first = page.getByTestId("tier-widget").getByRole("link").first();
  const name = (await first.textContent())!;
  await first.click();
  await expect(page).toHaveURL(new RegExp(`/enterprises/\\d+\\?period=${period}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await expect(page.getByTestId("enterprise-monthly").getByRole("row")).toHaveCount(2 + Number(period.slice(5)));
  await expect(page.locator(".recharts-line-curve")).toHaveCount(2);
  await noBadNumbers(page);
});

test("enterprise list filters, paginates, exports .xlsx with the same numbers, and passes axe", async ({ page }) => {
  await signIn(page, DEMO.reviewer);
  await page.goto("/enterprises");
  await page.getByLabel("产值档次").selectOption("over100m");
  await page.getByRole("button", { name: "筛选" }).click();
  await expect(page).toHaveURL(/tier=over100m/);
  const total = Number(await page.getByTestId("total-count").textContent());
  expect(total).toBeGreaterThan(20);
  await expect(page.getByTestId("enterprise-table").locator("tbody tr")).toHaveCount(20);
  await noBadNumbers(page);
  await page.screenshot({ path: `${SHOTS}/enterprises.png`, fullPage: true });
  await axeClean(page, "enterprises");

  const shown = await page.getByTestId("enterprise-table").locator("tbody tr").first().locator("td").nth(5).textContent();
  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("link", { name: "导出 Excel" }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const wb = new ExcelJS.Workbook();
  const file = readFileSync((await download.path())!);
  await wb.xlsx.load(file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer);
  const ws = wb.worksheets[0];
  expect(String(ws.getCell(1, 1).value)).toContain("企业名录");
  expect(ws.rowCount).toBe(3 + total);
  const cell = ws.getCell(4, 7).value;
  expect(typeof cell).toBe("number");
  expect((cell as number).toFixed(2)).toBe(shown!.replace(/,/g, ""));

  await page.getByRole("link", { name: "下一页" }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page.getByTestId("enterprise-table").locator("tbody tr").first()).not.toContainText(shown!);
});

test("projects, parks and attraction lists render with their filters", async ({ page }) => {
  await signIn(page, DEMO.reviewer);
  await page.goto("/projects?bucket=ge1b");
  await expect(page.getByTestId("project-table").locator("tbody tr").first()).toContainText("10亿元以上");
  await page.goto("/parks");
  await expect(page.getByTestId("park-table")).toContainText("戴南不锈钢产业园");
  await page.goto("/attraction?currency=USD");
  await expect(page.getByTestId("usd-original").first()).toContainText("万美元");
  await page.getByRole("link", { name: "民营经济" }).click();
  await expect(page.getByTestId("private-economy-table")).toContainText("新发展私营企业");
  await noBadNumbers(page);
});
