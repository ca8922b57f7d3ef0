import { test as base, expect, type Browser, type Page } from "@playwright/test";

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
        // The resource's address goes with the message: "Failed to load resource: … 404" alone names nothing.
        if (msg.type() === "error" && !/401 \(Unauthorized\)/.test(msg.text())) errors.push(`${msg.text()} ${msg.location().url}`.trim());
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

/** A second signed-in browser context with the project's settings; its console errors go to `errors`. */
export async function pageFor(browser: Browser, baseURL: string, user: { username: string; password: string }, errors: string[], height = 768) {
  const context = await browser.newContext({ baseURL, viewport: { width: 1366, height }, locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  const page = await context.newPage();
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("pageerror", (e) => errors.push(e.message));
  await signIn(page, user);
  return page;
}

/**
 * Plausible figures from what the report form shows: last month's YTD run forward one month (the same
 * factor for every flow keeps 增加值 ≤ 总产值, 利税 ≥ 利润 …); stocks stay as last month.
 * January has no last month: last year's January plus 5%.
 */
export async function plausibleFigures(page: Page, month: number): Promise<Record<string, string>> {
  const rows = await page.locator("tr[data-code]").evaluateAll((els) =>
    els.map((el) => ({ code: el.getAttribute("data-code")!, kind: el.getAttribute("data-kind"), prev: el.getAttribute("data-prev-ytd") ?? "", lastYear: el.getAttribute("data-last-year") ?? "" })),
  );
  const out: Record<string, string> = {};
  for (const r of rows) {
    const base = r.prev !== "" ? Number(r.prev) : r.lastYear !== "" ? Number(r.lastYear) : null;
    if (base === null) continue;
    const factor = r.kind === "STOCK" ? 1 : r.prev !== "" && month > 1 ? month / (month - 1) : 1.05;
    const integer = Number.isInteger(base) && !r.prev.includes(".");
    const v = base * factor;
    out[r.code] = integer ? String(v >= 0 ? Math.ceil(v) : Math.floor(v)) : (Math.ceil(v * 100) / 100).toFixed(2);
  }
  return out;
}

/**
 * Brings each deferred chart (components/charts/deferred.tsx) near the screen in turn and waits until it
 * is drawn (its box says data-chart="drawn"), then scrolls back to the top.
 */
export async function drawAllCharts(page: Page) {
  const boxes = page.locator("[data-chart]");
  const n = await boxes.count();
  for (let i = 0; i < n; i++) {
    await boxes.nth(i).scrollIntoViewIfNeeded();
    await expect(boxes.nth(i)).toHaveAttribute("data-chart", "drawn");
  }
  await page.evaluate(() => window.scrollTo(0, 0));
}

/** No figure on the page reads NaN, undefined, Infinity or null. */
export async function noBadNumbers(page: Page) {
  await expect(page.locator("main")).not.toContainText(/NaN|undefined|Infinity|null/);
}
