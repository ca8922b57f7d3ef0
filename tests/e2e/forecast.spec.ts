// 预计全年 in a real browser: the overview's forecast section (sentence, 预计全年 column, at-risk panel)
// agrees with GET /api/v1/forecast, and the wall shows its forecast panel when the box turns to it.
import type { Page } from "@playwright/test";
import { DEMO, expect, signIn, test } from "./fixtures";

const SHOTS = "/tmp/shots/h7";
const COUNTY = "321281000000";

type RegionForecast = { region: { name: string }; completionPercent: number | null; reason: string | null; value: string | null };
type Forecast = { period: string; total: RegionForecast; children: RegionForecast[]; atRisk: RegionForecast[]; ahead: RegionForecast[] };

/** The percentage in "按历年进度测算，预计全年可完成年计划的96.3%（…）". */
const SENTENCE = /^按历年进度测算，预计全年可完成年计划的(\d+\.\d)%(（区间\d+\.\d(–\d+\.\d)?%）)?$/;

async function apiForecast(page: Page, period?: string): Promise<Forecast> {
  const res = await page.request.get(`/api/v1/forecast?region=${COUNTY}${period ? `&period=${period}` : ""}`);
  expect(res.status()).toBe(200);
  return (await res.json()) as Forecast;
}

test("the overview states the year-end forecast, its 预计全年 column and the at-risk towns as the API computes them", async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  await signIn(page, DEMO.reviewer);
  await page.goto("/overview");
  const widget = page.getByTestId("forecast-widget");
  await expect(widget.getByRole("heading", { name: "工业总产值预计全年" })).toBeVisible();
  const api = await apiForecast(page);

  // The sentence: the county's completion, rounded once, equal to the API's figure.
  const sentence = (await widget.getByTestId("forecast-sentence").innerText()).trim();
  const shown = SENTENCE.exec(sentence);
  expect(shown, sentence).not.toBeNull();
  expect(Math.abs(Number(shown![1]) - api.total.completionPercent!)).toBeLessThanOrEqual(0.05);

  // One row per town plus the total; a range or a reason, never NaN.
  const rows = widget.getByTestId("forecast-row");
  await expect(rows).toHaveCount(api.children.length);
  await expect(widget.getByTestId("forecast-table")).not.toContainText(/NaN|Infinity|undefined/);
  // The zone set up this year has no past: "—" and the reason.
  const zone = rows.filter({ hasText: "兴化高新区" });
  await expect(zone).toContainText("历史数据不足");
  await expect(widget.getByTestId("forecast-total")).toContainText(/\d[\d,]*\.\d{2}–\d[\d,]*\.\d{2}/);

  // The panel lists exactly the API's at-risk towns (worst first), each with its gap and monthly need.
  const risk = widget.getByTestId("forecast-risk");
  if (api.atRisk.length > 0) {
    const items = risk.getByTestId("forecast-at-risk").locator("li");
    await expect(items).toHaveCount(api.atRisk.length);
    for (const [i, f] of api.atRisk.entries()) {
      await expect(items.nth(i)).toContainText(f.region.name);
      await expect(items.nth(i)).toContainText(/缺口[\d,]+\.\d{2}万元；后\d+个月月均需完成[\d,]+\.\d{2}万元/);
    }
  } else {
    await expect(risk).toContainText("预计难以完成年计划（低于95%）无");
  }
  await expect(risk.getByTestId("forecast-ahead").locator("li")).toHaveCount(api.ahead.length);
  await widget.scrollIntoViewIfNeeded();
  await widget.screenshot({ path: `${SHOTS}/overview-forecast.png` });

  // A stock indicator is never forecast.
  await page.goto(`/overview?indicator=employees&period=${api.period}`);
  await expect(page.getByTestId("forecast-widget")).toContainText("存量指标（期末数）不作全年预计");
});

test("the wall turns its parks box to the forecast panel, with the county's sentence and range", async ({ page, browser }) => {
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, DEMO.admin);
  await admin.goto("/admin/kiosk");
  await admin.getByLabel("名称").fill("预计全年大屏");
  await admin.getByRole("button", { name: "创建链接" }).click();
  const link = admin.getByTestId("kiosk-new-link");
  await expect(link).toHaveValue(/\/wall\?k=wall_[\w-]{20,}$/);
  const url = new URL(await link.inputValue());
  const api = await apiForecast(admin);
  await admin.context().close();

  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.clock.install();
  await page.goto(`${url.pathname}${url.search}`);
  await expect(page.getByRole("region", { name: "重点园区" })).toBeVisible();
  const panel = page.getByTestId("wall-forecast");
  await expect(panel).toBeHidden();
  // The box turns every two ticks of 10 s: advance the page's clock a tick at a time (the ticker starts once
  // the page has hydrated) until the forecast shows.
  await expect
    .poll(async () => {
      await page.clock.runFor(10_000);
      return panel.isVisible();
    })
    .toBe(true);
  const sentence = (await panel.getByTestId("wall-forecast-sentence").innerText()).trim();
  expect(Math.abs(Number(SENTENCE.exec(sentence)![1]) - api.total.completionPercent!)).toBeLessThanOrEqual(0.05);
  await expect(page.getByRole("region", { name: "工业总产值预计全年" })).toContainText(/\d+\.\d{2}(–\d+\.\d{2})? 亿元/);
  const risk = panel.getByTestId("wall-forecast-risk").locator("li");
  if (api.atRisk.length > 0) await expect(risk.first()).toContainText(api.atRisk[0].region.name);
  await expect(panel).not.toContainText(/NaN|Infinity|undefined/);
  await page.screenshot({ path: `${SHOTS}/wall-forecast.png` });
});
