// The 通报 as an official document: the page shows the 版头 (发文机关, 文号, 成文日期 at the end; kept with
// a saved draft) and
// the drafted 存在问题 and 下步工作; the reviewer edits the 文号 and a problem, and the Word file
// downloaded from the page carries exactly that; the print view (1366 px, print media) is set in the
// official-document fonts. Screenshots go to test-results/screenshots/ for a human to look at.
import { mkdirSync, readFileSync } from "node:fs";
import JSZip from "jszip";
import { DEMO, expect, signIn, test } from "./fixtures";

const SHOTS = "test-results/screenshots";
mkdirSync(SHOTS, { recursive: true });

test("the reviewer edits the 文号 and 存在问题 on the page, and the Word file has them", async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1366, height: 900 });
  await signIn(page, DEMO.reviewer);
  await page.goto("/bulletin");
  const doc = page.getByTestId("bulletin-document");
  await expect(doc.getByTestId("bulletin-issuer")).toHaveText("兴化市经济发展局");
  await expect(doc.getByTestId("bulletin-doc-number")).toHaveText(/^兴经发〔\d{4}〕\d{1,2}号$/);
  await expect(doc.getByRole("heading", { name: /、存在问题$/ })).toBeVisible();
  await expect(doc.getByRole("heading", { name: /、下步工作$/ })).toBeVisible();
  await expect(doc).toContainText("（一）对照目标抓进度。");
  await expect(doc).not.toContainText("系统根据数据生成");
  await expect(doc).not.toContainText("）（");
  await expect(doc.getByTestId("bulletin-signature")).toContainText(/\d{4}年\d{1,2}月\d{1,2}日/);
  await page.screenshot({ path: `${SHOTS}/bulletin-official.png`, fullPage: true });

  const editor = page.getByTestId("bulletin-editor");
  await editor.getByLabel("文号").fill("兴经发[2026]12号");
  await editor.getByLabel("成文日期").fill("2026-12-04");
  const body = editor.getByLabel("正文");
  const text = await body.inputValue();
  expect(text).toMatch(/、存在问题\n/);
  await body.fill(text.replace(/(、存在问题\n)/, "$1（一）审核员补充的问题。个别企业用电量与产值背离，需核实。\n"));

  const download = page.waitForEvent("download");
  await editor.getByRole("button", { name: "导出 Word（当前编辑内容）" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^兴化市通报-\d{4}-\d{2}\.docx$/);
  const xml = await (await JSZip.loadAsync(readFileSync((await file.path())!))).file("word/document.xml")!.async("string");
  const words = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");
  expect(words).toContain("兴经发〔2026〕12号");
  expect(words).toContain("2026年12月4日");
  expect(words).toContain("（一）审核员补充的问题。个别企业用电量与产值背离，需核实。");
  expect(xml).toContain('w:eastAsia="方正小标宋简体"');
  expect(xml).toContain('w:eastAsia="楷体_GB2312"');

  // A date that does not exist: a clear message, no file.
  await editor.getByLabel("成文日期").fill("");
  await editor.getByRole("button", { name: "导出 Word（当前编辑内容）" }).click();
  await expect(editor.getByTestId("bulletin-export-error")).toHaveText("成文日期格式应为 YYYY-MM-DD");

  // The print view with this head, as printed (print media, 1366 px wide).
  await editor.getByLabel("成文日期").fill("2026-12-04");
  await editor.getByRole("link", { name: "按此版头打印预览" }).click();
  await expect(page).toHaveURL(/\/bulletin\/print\?.*docNumber=/);
  const printed = page.getByTestId("bulletin-document");
  await expect(printed.getByTestId("bulletin-doc-number")).toHaveText("兴经发〔2026〕12号");
  await expect(printed.getByTestId("bulletin-signature")).toContainText("2026年12月4日");
  const fonts = await printed.evaluate((el) => ({
    title: getComputedStyle(el.querySelector("h1")!).fontFamily,
    body: getComputedStyle(el.querySelector("[data-testid=bulletin-text] p")!).fontFamily,
    heading: getComputedStyle(el.querySelector("[data-testid=bulletin-text] h2")!).fontFamily,
  }));
  expect(fonts.title).toMatch(/^"?FZXiaoBiaoSong-B05S"?, "?方正小标宋简体"?.*serif$/);
  expect(fonts.body).toMatch(/^"?仿宋_GB2312"?, "?FangSong"?.*serif$/);
  expect(fonts.heading).toMatch(/^"?黑体"?, "?SimHei"?/);
  await page.emulateMedia({ media: "print" });
  await expect(page.locator("body > header")).toBeHidden();
  await page.screenshot({ path: `${SHOTS}/bulletin-official-print.png`, fullPage: true });
  await page.pdf({ path: `${SHOTS}/bulletin-official-print.pdf`, format: "A4", printBackground: true });
});

test("the 版头 is kept with a saved draft: reopened, printed and exported with it", async ({ page }) => {
  test.setTimeout(120_000);
  // Last year's June: a month no other spec writes a bulletin for.
  const period = `${new Date().getFullYear() - 1}-06`;
  await signIn(page, DEMO.reviewer);
  await page.goto(`/bulletin?period=${period}`);
  const editor = page.getByTestId("bulletin-editor");
  await editor.getByLabel("发文机关").fill("兴化市工业和信息化局");
  await editor.getByLabel("文号").fill("兴工信[2026]6号");
  await editor.getByLabel("成文日期").fill("2026-07-08");
  await editor.getByRole("button", { name: "保存草稿" }).click();
  await expect(editor.getByRole("status")).toHaveText("草稿已保存");

  // Reopened from the database: the editor and the document carry the saved head.
  await page.goto(`/bulletin?period=${period}`);
  await expect(editor.getByLabel("发文机关")).toHaveValue("兴化市工业和信息化局");
  await expect(editor.getByLabel("文号")).toHaveValue("兴工信〔2026〕6号");
  await expect(editor.getByLabel("成文日期")).toHaveValue("2026-07-08");
  const doc = page.getByTestId("bulletin-document");
  await expect(doc.getByTestId("bulletin-doc-number")).toHaveText("兴工信〔2026〕6号");
  await expect(doc.getByTestId("bulletin-signature")).toContainText("2026年7月8日");

  // The print view and the kept version's Word file without any head in the address.
  await page.goto(`/bulletin/print?period=${period}`);
  await expect(page.getByTestId("bulletin-document").getByTestId("bulletin-doc-number")).toHaveText("兴工信〔2026〕6号");
  const res = await page.request.get(`/api/v1/bulletin/docx?period=${period}`);
  expect(res.status()).toBe(200);
  const xml = await (await JSZip.loadAsync(await res.body())).file("word/document.xml")!.async("string");
  const words = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");
  expect(words).toContain("兴工信〔2026〕6号");
  expect(words).toContain("2026年7月8日");
  expect(words).toContain("兴化市工业和信息化局");
});
