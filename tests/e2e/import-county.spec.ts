// A county's own multi-sheet workbook through the import page: the preview lists each sheet with the
// period and rows it found and the unit it applied per column; a sheet whose period is ambiguous is
// answered in the preview and the file previewed again; then committed. Screenshots in /tmp/shots/h6-import.
import { mkdirSync, writeFileSync } from "node:fs";
import { countyXlsx, headerMerges, type CountySheet } from "../fixtures/county-workbooks";
import { DEMO, expect, signIn, test } from "./fixtures";

const SHOTS = "/tmp/shots/h6-import";
mkdirSync(SHOTS, { recursive: true });

function month(name: string, title: string, rows: (string | null)[][]): CountySheet {
  return {
    name,
    above: [[title], [null, null, null, null, "单位：亿元"]],
    header: [["乡镇", "工业总产值", "工业总产值", "销售收入", "销售收入"], ["乡镇", "本年累计", "同比±%", "本年累计", "同比±%"]],
    rows,
    merges: [[1, 1, 1, 4], ...headerMerges(3, 2, [{ row: 0, from: 2, to: 3 }, { row: 0, from: 4, to: 5 }])],
  };
}

test("a reviewer imports a county's monthly workbook: periods and units per sheet, an ambiguous period answered in the preview", async ({ page }) => {
  test.setTimeout(180_000);
  const sheets = [1, 2, 3].map((m) =>
    month(`${m}月`, `2001年1-${m}月各乡镇工业主要经济指标完成情况表`, [
      ["合计", (2 * m).toFixed(1), null, (1.8 * m).toFixed(1), null],
      ["戴南镇", (1.2 * m).toFixed(1), null, (1.1 * m).toFixed(1), null],
      ["张郭", (0.8 * m).toFixed(1), null, (0.7 * m).toFixed(1), null],
    ]),
  );
  sheets.push(month("4月", "2001年1-5月各乡镇工业主要经济指标完成情况表", [["戴南镇", "4.8", null, "4.4", null], ["张郭镇", "3.2", null, "2.8", null]]));
  writeFileSync("test-results/e2e-county.xlsx", await countyXlsx(sheets, { notes: true }));

  await signIn(page, DEMO.reviewer);
  await page.goto("/import");
  await page.getByLabel("数据类型").selectOption("town_values");
  await page.locator('input[type="file"]').setInputFiles("test-results/e2e-county.xlsx");
  await page.getByRole("button", { name: "上传并预览" }).click();
  const list = page.getByTestId("import-sheets");
  await expect(list).toContainText("4 个数据表，1 个跳过或拒绝");
  await expect(list).toContainText("说明或图表页，不是数据表");
  await expect(list).toContainText("统计期不明确");
  await expect(page.getByLabel("1月 统计期")).toHaveValue("2001-01");
  await expect(page.getByLabel("3月 统计期")).toHaveValue("2001-03");
  await expect(page.getByTestId("sheet-columns-1月")).toContainText("亿元（单位说明行）");
  await expect(page.getByTestId("import-problems")).toContainText("“张郭”按“张郭镇”匹配，请确认");
  await expect(page.getByRole("button", { name: "确认导入" })).toBeDisabled();
  await page.screenshot({ path: `${SHOTS}/preview-multi-sheet.png`, fullPage: true });

  await page.getByLabel("4月 统计期").fill("2001-04");
  await page.getByRole("button", { name: "按所选统计期和单位重新预览" }).click();
  await expect(page.getByLabel("4月 统计期")).toHaveValue("2001-04");
  await expect(page.getByTestId("import-sheets")).not.toContainText("统计期不明确");
  await expect(page.getByTestId("import-actions")).toContainText("戴南镇 2001年1–4月");
  await expect(page.getByTestId("import-actions")).toContainText("工业总产值：（空） → 48,000");
  await page.screenshot({ path: `${SHOTS}/preview-answered.png`, fullPage: true });
  await page.getByRole("button", { name: "确认导入" }).click();
  await expect(page.getByTestId("import-result")).toContainText("新增 8 条");
});
