// Import through the UI (preview with a row error, then a fixed file committed) and the
// bulletin with its print view. Screenshots go to test-results/screenshots/ for a human to look at.
import { mkdirSync, writeFileSync } from "node:fs";
import { messyWorkbook } from "../fixtures/import-workbooks";
import { DEMO, expect, signIn, test } from "./fixtures";

const SHOTS = "test-results/screenshots";
mkdirSync(SHOTS, { recursive: true });

test("a reviewer imports town figures: preview with a row error, then the fixed file", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, DEMO.reviewer);
  await page.goto("/import");
  await expect(page.getByRole("heading", { name: "数据导入" })).toBeVisible();
  const headers = ["乡镇（街道）", "统计期", "工业总产值（万元）", "新增私营企业"];
  // A town that does not exist and a fractional count: two row errors.
  const bad = await messyWorkbook({ title: "各乡镇工业主要指标（2000年1月）", headers, rows: [["戴南镇", "2000-01", "1.2亿", "12"], ["黑龙镇", "2000-01", "3500万", "3"], ["张郭镇", "2000-01", "8,800.5", "2.5"]] });
  const good = await messyWorkbook({ title: "各乡镇工业主要指标（2000年1月）", headers, rows: [["戴南镇", "2000-01", "1.2亿", "12"], ["张郭镇", "2000-01", "8,800.5", "2"]] });
  writeFileSync("test-results/e2e-bad.xlsx", bad);
  writeFileSync("test-results/e2e-good.xlsx", good);

  await page.getByLabel("数据类型").selectOption("town_values");
  await page.locator('input[type="file"]').setInputFiles("test-results/e2e-bad.xlsx");
  await page.getByRole("button", { name: "上传并预览" }).click();
  const problems = page.getByTestId("import-problems");
  await expect(problems).toContainText("未知乡镇“黑龙镇”");
  await expect(problems).toContainText("应为整数");
  await expect(page.getByRole("button", { name: "确认导入" })).toBeDisabled();
  await page.screenshot({ path: `${SHOTS}/import-preview.png`, fullPage: true });

  await page.locator('input[type="file"]').setInputFiles("test-results/e2e-good.xlsx");
  await page.getByRole("button", { name: "上传并预览" }).click();
  await expect(page.getByTestId("import-actions")).toContainText("戴南镇 2000年1月");
  await expect(page.getByTestId("import-actions")).toContainText("工业总产值：（空） → 12000");
  await page.getByRole("button", { name: "确认导入" }).click();
  await expect(page.getByTestId("import-result")).toContainText("新增 2 条");
  await page.screenshot({ path: `${SHOTS}/import-committed.png`, fullPage: true });
});

test("the bulletin, its print view and the Word download", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, DEMO.reviewer);
  await page.goto("/bulletin");
  const doc = page.getByTestId("bulletin-document");
  await expect(doc).toContainText("乡镇工业经济运行情况通报");
  await expect(doc).toContainText("总量列前三位的是");
  await expect(doc).not.toContainText("NaN");
  await expect(doc).not.toContainText("undefined");
  await expect(page.getByRole("img", { name: "图1 各乡镇工业总产值（亿元）" })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/bulletin.png`, fullPage: true });

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "下载 Word" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.docx$/);

  await page.getByRole("link", { name: "打印版" }).click();
  await expect(page).toHaveURL(/\/bulletin\/print\?/);
  await page.emulateMedia({ media: "print" });
  await expect(page.locator("body > header")).toBeHidden();
  await page.screenshot({ path: `${SHOTS}/bulletin-print.png`, fullPage: true });
  await page.pdf({ path: `${SHOTS}/bulletin-print.pdf`, format: "A4", printBackground: true });
});
