// Issue 14A: the county's place among its city's counties (全市位次) on the county overview, as the
// demo seeds it (兴化市 among the six counties of 泰州市): the sentence the 通报 opens with, and the
// headline indicators' 总量/增幅 位次 with the change from last month. Screenshot to look at.
import { mkdirSync } from "node:fs";
import { DEMO, expect, signIn, test } from "./fixtures";

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
