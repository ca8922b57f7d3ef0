// "One figure, one answer" in a real browser: the overview's KPI row and the wall say which zone the
// totals' growth leaves out, and the ranking list reads the same 亿元 figure as the wall.
import { mkdirSync } from "node:fs";
import { DEMO, expect, signIn, test } from "./fixtures";

const SHOTS = "test-results/screenshots";
mkdirSync(SHOTS, { recursive: true });

test("overview and wall: like-for-like growth note and one 亿元 figure per town", async ({ page, browser }) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  await signIn(page, DEMO.reviewer);
  await page.goto("/overview");
  await expect(page.getByTestId("rank-list-total")).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/one-figure-overview.png` });
  const note = page.getByTestId("growth-scope").first();
  await expect(note).toContainText("不含新设（上年同期无数据）的兴化高新区");

  const admin = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
  await signIn(admin, DEMO.admin);
  await admin.goto("/admin/kiosk");
  await admin.getByLabel("名称").fill("口径测试大屏");
  await admin.getByRole("button", { name: "创建链接" }).click();
  const link = new URL(await admin.getByTestId("kiosk-new-link").inputValue());
  const wall = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
  await wall.goto(`${link.pathname}${link.search}`);
  await expect(wall.getByTestId("wall-stamp")).toBeVisible();
  await wall.screenshot({ path: `${SHOTS}/one-figure-wall.png` });
  await expect(wall.getByTestId("wall-growth-scope")).toContainText("兴化高新区");

  // The ranking list's figure for a town is the wall's.
  const data = await (await wall.request.get(`/api/wall/data${link.search}`)).json();
  const top = data.rankings.total[0] as { name: string; value: string };
  await expect(page.getByTestId("rank-list-total").getByRole("listitem").filter({ hasText: top.name })).toContainText(top.value);
});
