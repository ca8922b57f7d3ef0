// The API's description: public as JSON, and readable on /api-docs for a signed-in user.
import { DEMO, expect, signIn, test } from "./fixtures";

test("the OpenAPI document is public and /api-docs lists every operation with its error answers", async ({ page, request }) => {
  const res = await request.get("/api/v1/openapi.json");
  expect(res.status()).toBe(200);
  const doc = (await res.json()) as { openapi: string; paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
  expect(doc.openapi).toBe("3.1.0");
  expect(Object.keys(doc.paths["/api/v1/reports/{town}/{period}"]).sort()).toEqual(["get", "put"]);
  expect(doc.paths["/api/v1/reports/{town}/{period}"].put.responses).toHaveProperty("409");
  expect(doc.paths["/api/v1/import/jobs/{id}/commit"].post.responses).toHaveProperty("422");

  await signIn(page, DEMO.leader);
  await page.goto("/api-docs");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("乡镇工业统计平台 API");
  const put = page.locator("section").filter({ has: page.getByRole("heading", { name: /^PUT\s*\/api\/v1\/reports\/\{town\}\/\{period\}$/ }) });
  await expect(put).toContainText("保存月报草稿");
  await expect(put).toContainText("409");
  await expect(put.getByRole("row", { name: /town 路径 是/ })).toBeVisible();
  const operations = Object.values(doc.paths).reduce((n, item) => n + Object.keys(item).length, 0);
  await expect(page.locator("section h2.font-mono")).toHaveCount(operations);
  await page.screenshot({ path: "/tmp/shots/h1/api-docs.png", fullPage: true });
  await put.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "/tmp/shots/h1/api-docs-put.png" });
  const errors = page.locator("section").filter({ has: page.getByRole("heading", { name: "错误格式" }) });
  await expect(errors).toContainText("409 版本冲突");
  await expect(errors).toContainText("Retry-After");
  await errors.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "/tmp/shots/h1/api-docs-errors.png" });
});
