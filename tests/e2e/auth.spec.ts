import { DEMO, expect, signIn, test } from "./fixtures";

test("a wrong password shows the Chinese error and stays on the sign-in page", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("用户名").fill("reviewer");
  await page.getByLabel("密码").fill("wrong-password");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "用户名或密码错误" })).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
});

test("an unknown page redirects a visitor who is not signed in to the sign-in page", async ({ page }) => {
  await page.goto("/overview");
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole("heading", { name: "乡镇工业统计平台" })).toBeVisible();
});

for (const [key, user] of Object.entries(DEMO)) {
  test(`${key} signs in, sees the county overview with real figures, and signs out`, async ({ page }) => {
    await signIn(page, user);
    await expect(page).toHaveURL(/\/overview/);
    await expect(page.getByTestId("current-user")).toContainText(user.role);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("兴化市乡镇工业主要指标");
    const matrix = page.getByTestId("overview-matrix");
    await expect(matrix.getByRole("rowheader", { name: "戴南镇" })).toBeVisible();
    // The county total row carries a real number (digits with a decimal point), not a placeholder.
    await expect(matrix.getByRole("row").filter({ hasText: "全县合计" })).toContainText(/\d{1,3}(,\d{3})+\.\d{2}/);
    await expect(page.locator("body")).not.toContainText(/NaN|undefined|Infinity/);
    await page.getByRole("button", { name: "退出登录" }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto("/overview");
    await expect(page).toHaveURL(/\/login/);
  });
}
