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

test("a reviewer backfills two years as approved history, then reopens and overwrites one approved month through the preview's choice; a reporter never sees it", async ({ page, browser }) => {
  test.setTimeout(240_000);
  // 2002–2003, one sheet per quarter-end month, two towns; 亿元 with one decimal.
  const months = [3, 6, 9, 12];
  const workbook = (bump: number) =>
    countyXlsx([2002, 2003].flatMap((y) =>
      months.map((m) => {
        const g = (t: number) => ((t + 1) * 0.4 * m * (y === 2003 ? 1.1 : 1) + (y === 2003 && m === 6 && t === 0 ? bump : 0)).toFixed(2);
        return month(`${y}年1-${m}月`, `${y}年1-${m}月各乡镇工业主要经济指标完成情况表`, [
          ["戴南镇", g(0), null, null, null],
          ["张郭镇", g(1), null, null, null],
        ]);
      }),
    ));
  writeFileSync("test-results/e2e-history.xlsx", await workbook(0));
  writeFileSync("test-results/e2e-history-fixed.xlsx", await workbook(0.01));

  await signIn(page, DEMO.reviewer);
  await page.goto("/import");
  await page.getByLabel("数据类型").selectOption("town_values");
  await page.getByLabel("作为已审核历史数据导入").check();
  await page.locator('input[type="file"]').setInputFiles("test-results/e2e-history.xlsx");
  await page.getByRole("button", { name: "上传并预览" }).click();
  await expect(page.getByTestId("history-note")).toContainText("写入后各月报为“已审核”并锁定");
  await expect(page.getByTestId("import-actions")).toContainText("戴南镇 2003年1–6月");
  await page.getByRole("button", { name: "确认导入" }).click();
  await expect(page.getByTestId("import-result")).toContainText("新增 16 条");
  await expect(page.getByTestId("import-result")).toContainText("已作为已审核历史数据导入并锁定");

  // The county's corrected file: one approved month differs. Refused until the reopen choice is ticked.
  await page.locator('input[type="file"]').setInputFiles("test-results/e2e-history-fixed.xlsx");
  await page.getByRole("button", { name: "上传并预览" }).click();
  const choice = page.getByTestId("reopen-choice");
  await expect(choice).toContainText("文件会修改1个已审核并锁定的月份");
  await expect(choice.getByRole("list", { name: "已审核的月份" })).toHaveText("戴南镇2003年1–6月");
  await expect(page.getByTestId("import-problems")).toContainText("戴南镇2003年1–6月月报已审核通过并锁定，不能通过导入修改");
  await expect(page.getByRole("button", { name: "确认导入" })).toBeDisabled();
  await choice.getByLabel("重新打开并覆盖已审核的1个月份").check();
  await choice.getByLabel("原因（记入审计日志）").fill("按县统计局核定数更正");
  await page.screenshot({ path: `${SHOTS}/preview-reopen-choice.png`, fullPage: true });
  await choice.getByRole("button", { name: "按此重新预览" }).click();
  await expect(page.getByTestId("reopen-choice")).toContainText("已选择重新打开并覆盖");
  await expect(page.getByTestId("import-actions")).toContainText("状态：已审核 → 已审核（重新打开并覆盖）");
  await expect(page.getByTestId("import-actions")).toContainText("工业总产值：26,400 → 26,500");
  await page.screenshot({ path: `${SHOTS}/preview-reopen-chosen.png`, fullPage: true });
  await page.getByRole("button", { name: "确认导入" }).click();
  await expect(page.getByTestId("import-result")).toContainText("更新 1 条");

  // The overwritten month reads the corrected figure, still approved.
  const report = await page.request.get("/api/v1/reports/321281100000/2003-06");
  expect(await report.json()).toMatchObject({ status: "APPROVED", values: { gross_output: "26500" } });

  // A reporter's import page has no history choice (and the server refuses it: tests/integration/import-history.test.ts).
  const reporter = await browser.newPage();
  await signIn(reporter, DEMO.reporter);
  await reporter.goto("/import");
  await expect(reporter.getByRole("button", { name: "上传并预览" })).toBeVisible();
  await expect(reporter.getByText("作为已审核历史数据导入")).toHaveCount(0);
  await reporter.close();
});
