import { test as base, expect, type Page } from "@playwright/test";

export const DEMO = {
  admin: { username: "admin", password: "Admin@2026", role: "管理员" },
  reviewer: { username: "reviewer", password: "Review@2026", role: "县局审核员" },
  leader: { username: "leader", password: "Leader@2026", role: "领导" },
  reporter: { username: "reporter", password: "Report@2026", role: "乡镇填报员" },
} as const;

/** Every test fails on an unexpected console error or page error. */
export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on("console", (msg) => {
        // A wrong password makes next-auth's sign-in request answer 401: expected, not a bug.
        if (msg.type() === "error" && !/401 \(Unauthorized\)/.test(msg.text())) errors.push(msg.text());
      });
      page.on("pageerror", (err) => errors.push(err.message));
      await use(errors);
      expect(errors, "console errors").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

export async function signIn(page: Page, user: { username: string; password: string }) {
  await page.goto("/login");
  await page.getByLabel("用户名").fill(user.username);
  await page.getByLabel("密码").fill(user.password);
  await page.getByRole("button", { name: "登录" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}
