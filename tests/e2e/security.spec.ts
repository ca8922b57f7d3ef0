// Web-facing hardening in a real browser against the built app: security headers on pages and API
// answers, a signed-in page refused inside a frame, a forged form from a same-site page refused
// while the app's own calls work, sign-in never redirecting off the site, and the overview and wall
// running under the nonce-based CSP without a single console error.
import type { Browser, Page } from "@playwright/test";
import { DEMO, expect, signIn, test } from "./fixtures";

// Same site as the app (127.0.0.1; ports do not count), another origin: its pages get the app's
// SameSite=Lax cookie sent along. Playwright serves it; nothing listens there.
const EVIL = "http://127.0.0.1:9999";
const COUNTY = "321281000000";

test.describe.configure({ mode: "serial" });

function dropExpected(errors: string[], pattern: RegExp) {
  for (let i = errors.length - 1; i >= 0; i--) if (pattern.test(errors[i])) errors.splice(i, 1);
}

async function serveEvil(page: Page, html: string) {
  await page.route(`${EVIL}/**`, (route) => route.fulfill({ contentType: "text/html; charset=utf-8", body: html }));
}

test("pages and API answers carry the security headers; every page view gets a fresh nonce", async ({ request }) => {
  const first = await request.get("/login");
  const second = await request.get("/login");
  const nonceOf = (csp: string) => /'nonce-([^']+)'/.exec(csp)?.[1];
  for (const res of [first, second]) {
    const h = res.headers();
    expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(h["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'(;|$)/);
    expect(h["content-security-policy"]).toContain("object-src 'none'");
    expect(h["x-content-type-options"]).toBe("nosniff");
    expect(h["x-frame-options"]).toBe("DENY");
    expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  }
  expect(nonceOf(first.headers()["content-security-policy"])).not.toBe(nonceOf(second.headers()["content-security-policy"]));
  // The page's scripts carry that nonce.
  const nonce = nonceOf(first.headers()["content-security-policy"])!;
  expect(await first.text()).toContain(`nonce="${nonce}"`);

  for (const path of ["/api/health", "/api/v1/regions"]) {
    const h = (await request.get(path)).headers();
    expect(h["content-security-policy"], path).toBe("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
    expect(h["x-content-type-options"], path).toBe("nosniff");
    expect(h["x-frame-options"], path).toBe("DENY");
  }
});

test("a signed-in page will not render inside a frame, not even on the same site", async ({ page, consoleErrors, baseURL }) => {
  await signIn(page, DEMO.reviewer);
  await serveEvil(page, `<!doctype html><title>框架</title><iframe id="app" src="${baseURL}/overview" width="800" height="600"></iframe>`);
  await page.goto(`${EVIL}/frame.html`);
  const frame = page.frameLocator("#app");
  // Chromium replaces a refused frame with its own error page.
  await expect.poll(() => page.frames().find((f) => f !== page.mainFrame())?.url()).toMatch(/^chrome-error:/);
  await expect(frame.getByRole("heading", { level: 1 })).toHaveCount(0);
  dropExpected(consoleErrors, /frame-ancestors|X-Frame-Options|Refused to (frame|display)/);
});

test("a forged text/plain form from a same-site page is refused; the app's own calls still work", async ({ page, consoleErrors, baseURL }) => {
  await signIn(page, DEMO.reviewer);
  // A town whose report for the demo's newest month (last month) waits for review; the demo has several.
  const now = new Date();
  const last = new Date(now.getFullYear(), now.getMonth() - 1, 1);
  const period = `${last.getFullYear()}-${String(last.getMonth() + 1).padStart(2, "0")}`;
  const board = await (await page.request.get(`/api/v1/submissions?region=${COUNTY}&period=${period}`)).json();
  const town = (board.towns as { code: string; state: string }[]).find((t) => t.state === "SUBMITTED")!.code;
  const reportUrl = `/api/v1/reports/${town}/${period}`;
  const status = async () => (await (await page.request.get(reportUrl)).json()).status as string;
  expect(await status()).toBe("SUBMITTED");

  // The field's name and value make the text/plain body a JSON object: {"comment":"已阅","x":"="}
  await serveEvil(
    page,
    `<!doctype html><title>抽奖</title><form method="post" enctype="text/plain" action="${baseURL}${reportUrl}/return">` +
      `<input type="hidden" name='{"comment":"已阅","x":"' value='"}'><button>领取奖品</button></form>`,
  );
  await page.goto(`${EVIL}/prize.html`);
  const [forged] = await Promise.all([page.waitForResponse((r) => r.url().endsWith(`${reportUrl}/return`)), page.getByRole("button", { name: "领取奖品" }).click()]);
  expect(forged.status()).toBe(403);
  expect((await forged.json()).error.message).toMatch(/跨站请求伪造/);
  expect(await status()).toBe("SUBMITTED");

  // From the app's own page, fetch sends Origin and Sec-Fetch-Site: same-origin.
  await page.goto("/review");
  const own = await page.evaluate(async (url) => {
    const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ comment: "请核实用电量" }) });
    return { status: res.status, body: await res.json() };
  }, `${reportUrl}/return`);
  expect(own.status).toBe(200);
  expect(own.body.status).toBe("RETURNED");
  // The import's commit button posts without a body: past the guard (the job does not exist).
  const commit = await page.evaluate(async () => {
    const res = await fetch("/api/v1/import/jobs/999999/commit", { method: "POST" });
    return { status: res.status, message: (await res.json()).error?.message as string };
  });
  expect(commit.status).not.toBe(415);
  expect(commit.message).not.toMatch(/跨站/);
  dropExpected(consoleErrors, /status of (403|404)/);
});

async function signInFrom(browser: Browser, callbackUrl: string): Promise<{ url: string; errors: string[] }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  await serveEvil(page, "<!doctype html><title>钓鱼</title><h1>phished</h1>");
  await page.goto(`/login?callbackUrl=${callbackUrl}`);
  await page.getByLabel("用户名").fill(DEMO.reviewer.username);
  await page.getByLabel("密码").fill(DEMO.reviewer.password);
  await page.getByRole("button", { name: "登录" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  await page.waitForLoadState("load");
  const url = page.url();
  await context.close();
  return { url, errors };
}

test("signing in never leaves the site, whatever the callbackUrl says", async ({ browser, baseURL }) => {
  for (const hostile of ["/%5C127.0.0.1:9999/phish.html", "/%09/127.0.0.1:9999/phish.html", "//127.0.0.1:9999/phish.html", "https%3A%2F%2F127.0.0.1%3A9999%2Fphish.html"]) {
    const { url, errors } = await signInFrom(browser, hostile);
    expect(new URL(url).origin, hostile).toBe(new URL(baseURL!).origin);
    expect(errors, hostile).toEqual([]);
  }
  // A path on the site is kept.
  const { url } = await signInFrom(browser, "%2Freview");
  expect(new URL(url).pathname).toBe("/review");
});

test("the overview and the wall run under the policy without console errors; the wall's inline script runs", async ({ page }) => {
  await signIn(page, DEMO.admin);
  await page.goto("/admin/kiosk");
  await page.getByLabel("名称").fill("安全测试大屏");
  await page.getByRole("button", { name: "创建链接" }).click();
  const link = new URL(await page.getByTestId("kiosk-new-link").inputValue());

  await page.goto("/overview");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("兴化市乡镇工业主要指标");
  await expect(page.getByTestId("ranking-widget").locator(".recharts-bar-rectangle").first()).toBeVisible();

  const wall = await page.goto(`${link.pathname}${link.search}`);
  expect(wall!.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  await expect(page.getByTestId("wall-stage")).toBeVisible();
  // Set only by the wall's nonce-carrying inline script (components/wall/wall-stage.tsx).
  await expect(page.locator("style#wall-scale")).toHaveCount(1);
  // The fixture fails the test on any console error, CSP refusals included.
});
