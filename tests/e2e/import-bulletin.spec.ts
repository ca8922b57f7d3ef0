// Import through the UI (preview with a row error, then a fixed file committed) and the
// bulletin with its print view. Screenshots go to test-results/screenshots/ for a human to look at.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import * as XLSX from "@e965/xlsx";
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

  // The problems as a workbook: sheet, row, column, the cell's content, the problem and what to do.
  const listed = page.waitForEvent("download");
  await page.getByRole("link", { name: "下载问题清单（.xlsx）" }).click();
  const list = await listed;
  expect(list.suggestedFilename()).toBe("e2e-bad-问题清单.xlsx");
  const wb = XLSX.read(readFileSync((await list.path())!), { type: "buffer" });
  const rows = XLSX.utils.sheet_to_json<(string | number)[]>(wb.Sheets["问题清单"], { header: 1, defval: "" });
  expect(rows[0]).toEqual(["级别", "工作表", "行号", "列", "单元格内容", "问题", "处理建议"]);
  const unknown = rows.find((r) => String(r[5]).includes("未知乡镇“黑龙镇”"));
  expect(unknown?.slice(0, 5)).toEqual(["错误", "Sheet1", expect.any(Number), "乡镇（街道）", "黑龙镇"]);
  expect(rows.find((r) => String(r[5]).includes("应为整数"))?.[4]).toBe("2.5");

  await page.locator('input[type="file"]').setInputFiles("test-results/e2e-good.xlsx");
  await page.getByRole("button", { name: "上传并预览" }).click();
  await expect(page.getByTestId("import-actions")).toContainText("戴南镇 2000年1月");
  await expect(page.getByTestId("import-actions")).toContainText("工业总产值：（空） → 12,000");
  await page.getByRole("button", { name: "确认导入" }).click();
  await expect(page.getByTestId("import-result")).toContainText("新增 2 条");
  await page.screenshot({ path: `${SHOTS}/import-committed.png`, fullPage: true });
});

test("the bulletin: text, two charts, four tables, print view, Word download, edit and publish with kept versions", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, DEMO.reviewer);
  await page.goto("/bulletin");
  const doc = page.getByTestId("bulletin-document");
  await expect(doc).toContainText("乡镇工业经济运行情况通报");
  for (const heading of ["一、总体情况", "二、乡镇排名", "三、园区建设", "四、项目建设", "五、招商引资", "六、民营经济", "七、重点企业"]) {
    await expect(doc.getByRole("heading", { name: heading })).toBeVisible();
  }
  await expect(doc).toContainText("总量列前三位的是");
  for (const bad of ["NaN", "undefined", "Infinity", "xx"]) await expect(doc).not.toContainText(bad);
  await expect(page.getByRole("img", { name: "图1 各乡镇工业总产值（亿元）" })).toBeVisible();
  await expect(page.getByRole("img", { name: "图2 各乡镇工业总产值完成年计划（%）" })).toBeVisible();
  // The towns' figures, the projects, the year-end forecast by town, and the city's counties (issue 14).
  await expect(doc.getByRole("table")).toHaveCount(4);
  await expect(doc.getByRole("table").nth(2)).toContainText("预计全年");
  await expect(doc.getByRole("heading", { name: /^表4 全市各县（市、区）工业总产值完成情况/ })).toBeVisible();
  await expect(doc.getByRole("table").nth(3)).toContainText("泰州市合计");
  await expect(doc).toContainText(/我市乡镇工业经济总量在6个县（市、区）中名列第[1-6]位/);
  await page.screenshot({ path: `${SHOTS}/bulletin.png`, fullPage: true });

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "下载 Word" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.docx$/);
  expect(readFileSync((await file.path())!).subarray(0, 2).toString()).toBe("PK");

  await page.getByRole("link", { name: "打印版" }).click();
  await expect(page).toHaveURL(/\/bulletin\/print\?/);
  await page.emulateMedia({ media: "print" });
  await expect(page.locator("body > header")).toBeHidden();
  // Roughly one A4 page at 96 dpi, for a person to look at; the PDF has the real pages.
  await page.setViewportSize({ width: 794, height: 1123 });
  await page.screenshot({ path: `${SHOTS}/bulletin-print.png` });
  await page.pdf({ path: `${SHOTS}/bulletin-print.pdf`, format: "A4", printBackground: true });
  await page.emulateMedia({ media: "screen" });
  await page.setViewportSize({ width: 1366, height: 768 });

  // Edit, save a draft, publish twice: both published versions are kept and each can be opened.
  await page.goto("/bulletin");
  const editor = page.getByTestId("bulletin-editor");
  const body = editor.getByLabel("正文");
  const generated = await body.inputValue();
  await body.fill(generated.replace("一、总体情况\n", "一、总体情况\n审核员补充：本月数据已经审核。\n"));
  await editor.getByRole("button", { name: "保存草稿" }).click();
  await expect(editor.getByRole("status")).toHaveText("草稿已保存");
  await editor.getByRole("button", { name: "发布" }).click();
  await expect(editor.getByRole("status")).toHaveText("已发布第1版");
  await expect(doc).toContainText("审核员补充：本月数据已经审核。");
  await body.fill((await body.inputValue()).replace("审核员补充：本月数据已经审核。", "审核员补充：第二版。"));
  await editor.getByRole("button", { name: "发布" }).click();
  await expect(editor.getByRole("status")).toHaveText("已发布第2版");
  const revisions = page.getByTestId("bulletin-revisions");
  await expect(revisions.getByRole("listitem")).toHaveCount(2);
  await revisions.getByRole("link", { name: "第1版" }).click();
  await expect(page.getByText("正在查看第1版（历史版本）")).toBeVisible();
  await expect(doc).toContainText("审核员补充：本月数据已经审核。");
  await expect(doc).not.toContainText("审核员补充：第二版。");
  await expect(page.getByRole("link", { name: "下载 Word" })).toHaveAttribute("href", /revision=1/);
});
