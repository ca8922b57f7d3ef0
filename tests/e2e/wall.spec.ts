// The wall screen (大屏) in a real browser: an admin creates a kiosk link, the wall opens without
// an account and shows real demo figures, drawn charts and rank-change arrows; it refreshes in
// place, rides out an unreachable server, and stops at the next refresh once the link is revoked.
import AxeBuilder from "@axe-core/playwright";
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import type { APIRequestContext, Browser, Locator, Page } from "@playwright/test";
import { DEMO, expect, signIn, test } from "./fixtures";

const SHOTS = "test-results/screenshots";
const REFUSED = "大屏链接无效或已撤销，请联系管理员";

test.use({ viewport: { width: 1920, height: 1080 } });
test.describe.configure({ mode: "serial" });

/** Browser noise the tests cause on purpose (aborted requests, the revoked link's 401). */
function dropExpected(errors: string[], pattern: RegExp) {
  for (let i = errors.length - 1; i >= 0; i--) if (pattern.test(errors[i])) errors.splice(i, 1);
}

async function staffPage(browser: Browser, user: { username: string; password: string }): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  await signIn(page, user);
  return page;
}

async function createLink(admin: Page, label: string): Promise<string> {
  await admin.goto("/admin/kiosk");
  await expect(admin.getByRole("heading", { name: "大屏链接", level: 1 })).toBeVisible();
  await admin.getByLabel("名称").fill(label);
  await admin.getByRole("button", { name: "创建链接" }).click();
  const link = admin.getByTestId("kiosk-new-link");
  await expect(link).toHaveValue(/\/wall\?k=wall_[\w-]{20,}$/);
  await expect(admin.getByTestId("kiosk-links").getByRole("row", { name: new RegExp(label) })).toContainText("有效");
  const url = new URL(await link.inputValue());
  return `${url.pathname}${url.search}`;
}

type Ranked = { code: string; name: string; rank: number | null; value: string; change: number | null };

/** The wall's rank-change mark in one town's row: ▲n, ▼n, or — for no change. */
async function expectRankChange(list: Locator, town: string, change: number) {
  const row = list.locator("li").filter({ hasText: town });
  if (change === 0) await expect(row.getByTestId("rank-same")).toBeVisible({ timeout: 15_000 });
  else await expect(row.getByTestId(change > 0 ? "rank-up" : "rank-down")).toHaveText(new RegExp(`^${change > 0 ? "▲" : "▼"}${Math.abs(change)}(?!\\d)`), { timeout: 15_000 });
}

/**
 * A reviewer corrects one town's 工业总产值 so that it just overtakes its closest neighbour: returns
 * or reopens the report, saves, explains any verification warning, submits and approves, through the API.
 * Returns both towns with the rank change the wall should then show (last month's rank − new rank).
 */
async function overtakeNeighbour(request: APIRequestContext, wallPath: string, origin: string) {
  // A cookie-authenticated write must say it comes from the app's own origin, as a browser's fetch does.
  const headers = { origin };
  const wall = await (await request.get(`/api/wall/data?${wallPath.split("?")[1]}`)).json();
  const period: string = wall.period.key;
  const ranked = (wall.rankings.total as Ranked[]).filter((r) => r.rank !== null);
  // The adjacent pair with the smallest gap, so the correction is a small one.
  const amount = (r: Ranked) => Number(r.value.replace(/,/g, ""));
  const pairs = ranked.slice(1).map((lower, i) => ({ upper: ranked[i], lower, gap: amount(ranked[i]) / amount(lower) }));
  const { upper, lower } = pairs.sort((a, b) => a.gap - b.gap)[0];
  const report = async (code: string) => (await request.get(`/api/v1/reports/${code}/${period}`)).json();
  const upperValue = Number((await report(upper.code)).values.gross_output);
  let current = await report(lower.code);
  const base = `/api/v1/reports/${lower.code}/${period}`;
  if (current.status === "SUBMITTED") current = await (await request.post(`${base}/return`, { headers, data: { comment: "大屏测试：请更正工业总产值", version: current.version } })).json();
  if (current.status === "APPROVED") current = await (await request.post(`${base}/reopen`, { headers, data: { reason: "大屏测试：更正工业总产值", version: current.version } })).json();
  const put = async (body: object) => {
    const r = await request.put(base, { headers, data: { version: current.version, ...body } });
    expect(r.status(), await r.text()).toBe(200);
    current = await r.json();
  };
  await put({ values: { gross_output: (upperValue + 100).toFixed(4) } });
  let submitted = await request.post(`${base}/submit`, { headers, data: { version: current.version } });
  if (submitted.status() === 422) {
    const missing: { indicator: string }[] = (await submitted.json()).error.details.missingExplanations;
    await put({ values: {}, explanations: Object.fromEntries(missing.map((w) => [w.indicator, "大屏测试：更正后的数据"])) });
    submitted = await request.post(`${base}/submit`, { headers, data: { version: current.version } });
  }
  expect(submitted.status(), await submitted.text()).toBe(200);
  // The wall counts approved figures only.
  const approved = await request.post(`${base}/approve`, { headers, data: { version: (await submitted.json()).version } });
  expect(approved.status(), await approved.text()).toBe(200);
  return { up: { name: lower.name, change: (lower.change ?? 0) + 1 }, down: { name: upper.name, change: (upper.change ?? 0) - 1 } };
}

/**
 * A second app server of our own, so the test can really stop and start one: it serves the build the
 * e2e server made, from a copy of that server's database (PGlite is one process per folder), on a
 * free port. Playwright's own server is never touched.
 */
class RestartableServer {
  private child: ChildProcess | null = null;
  private constructor(
    readonly url: string,
    private readonly env: NodeJS.ProcessEnv,
    private readonly dataDir: string,
  ) {}

  static async create(): Promise<RestartableServer> {
    const port = Number(process.env.E2E_PORT ?? 3100);
    const source = path.resolve(`.data/e2e-pglite-${port}`);
    const dataDir = mkdtempSync(path.join(tmpdir(), "wall-restart-"));
    cpSync(source, dataDir, { recursive: true });
    rmSync(path.join(dataDir, "postmaster.pid"), { force: true });
    const free = await freePort();
    const secretFile = path.resolve(".secrets/nextauth-secret");
    const env = {
      ...process.env,
      PORT: String(free),
      PGLITE_DIR: dataDir,
      DATABASE_URL: "",
      NEXT_DIST_DIR: port === 3100 ? ".next" : `.next-e2e-${port}`,
      NEXT_TELEMETRY_DISABLED: "1",
      NEXTAUTH_URL: `http://127.0.0.1:${free}`,
      NEXTAUTH_SECRET: existsSync(secretFile) ? readFileSync(secretFile, "utf8").trim() : "wall-restart-test-secret",
    };
    return new RestartableServer(`http://127.0.0.1:${free}`, env, dataDir);
  }

  async start() {
    const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-H", "127.0.0.1", "-p", this.env.PORT!], { env: this.env, stdio: "ignore" });
    this.child = child;
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
      const ok = await fetch(`${this.url}/api/health`).then((r) => r.ok, () => false);
      if (ok) return;
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error("the restarted server did not answer within 60 s");
  }

  async stop() {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null) return;
    const exited = once(child, "exit");
    child.kill("SIGTERM");
    // Next waits for open connections to close, and the wall's keep-alive polling never lets them:
    // after a moment, stop it the hard way (as a crash would).
    const timer = setTimeout(() => child.kill("SIGKILL"), 3_000);
    await exited;
    clearTimeout(timer);
  }

  async dispose() {
    await this.stop();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

let wallPath = "";
let admin: Page;

test.beforeAll(async ({ browser }) => {
  admin = await staffPage(browser, DEMO.admin);
  wallPath = await createLink(admin, "三楼会议室大屏");
});

test.afterAll(async () => {
  await admin?.context().close();
});

test("the wall shows real figures, drawn charts and rank-change arrows, and refreshes in place", async ({ page, browser }) => {
  await page.goto(`${wallPath}&refresh=2`);
  await expect(page.getByRole("heading", { name: "兴化市乡镇工业运行监测" })).toBeVisible();
  await expect(page.getByTestId("wall-stamp")).toHaveText(/^数据截至 \d{4}年1(–\d{1,2})?月 · 更新于 \d{2}:\d{2}$/);
  const hero = page.getByTestId("kpi-gross_output");
  await expect(hero).toContainText("工业总产值");
  await expect(hero).toContainText(/\d[\d,]*\.\d{2}亿元/);
  await expect(hero).toContainText(/同比(增长|下降)\d+\.\d%|同比持平/);
  await expect(hero).toContainText(/完成年计划 \d+\.\d% · 时序进度 \d+\.\d%/);
  await expect(hero).toContainText(/(超|落后)时序进度\d+\.\d个百分点|与时序进度持平/);
  for (const label of ["规上工业总产值", "利税总额", "乡镇工业总产值排名", "工业总产值月度走势", "重点园区"]) await expect(page.getByText(label).first()).toBeVisible();
  await expect(page.getByRole("region", { name: /亿元以上项目/ }).locator("li").first()).toContainText(/总投资 [\d,]+\.\d{2} 亿元/);
  await expect(page.getByTestId("ranking-total").locator("li")).toHaveCount(14);

  // The demo county's latest month already moves towns, by total and by growth: arrows both ways.
  for (const list of ["ranking-total", "ranking-growth"]) {
    await expect(page.getByTestId(list).getByTestId("rank-up").first()).toBeAttached();
    await expect(page.getByTestId(list).getByTestId("rank-down").first()).toBeAttached();
  }

  // The chart is drawn: an SVG with this year's and last year's bars (当月), then, after the rotation, two lines (累计).
  await expect(page.getByTestId("wall-trend-svg")).toBeVisible();
  expect(await page.locator(".wall-bar[data-series=current]").count()).toBeGreaterThan(0);
  expect(await page.locator(".wall-bar[data-series=last-year]").count()).toBe(12);
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/wall-1920x1080.png` });
  await expect(page.locator(".wall-line")).toHaveCount(2, { timeout: 15_000 });
  await expect(page.locator(".wall-line[data-series=current]")).toHaveAttribute("d", /^M[\d.]+,[\d.]+(L[\d.]+,[\d.]+)+$/);

  // A town overtakes its neighbour: the running wall shows the arrows at its next refresh, no reload.
  await page.evaluate(() => ((window as unknown as { __wallMarker: string }).__wallMarker = "still-here"));
  const reviewer = await staffPage(browser, DEMO.reviewer);
  const moved = await overtakeNeighbour(reviewer.request, wallPath, new URL(reviewer.url()).origin);
  await reviewer.context().close();
  const total = page.getByTestId("ranking-total");
  await expectRankChange(total, moved.up.name, moved.up.change);
  await expectRankChange(total, moved.down.name, moved.down.change);
  expect(await page.evaluate(() => (window as unknown as { __wallMarker?: string }).__wallMarker)).toBe("still-here");

  const text = await page.locator("body").innerText();
  expect(text).not.toMatch(/NaN|undefined|Infinity|null/);
  const axe = await new AxeBuilder({ page }).analyze();
  console.log(`axe wall: ${axe.violations.length} violations, ${axe.passes.length} rules passed`);
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);

  await page.screenshot({ path: `${SHOTS}/wall-after-refresh.png` });
  // Any screen size: the stage scales to fit, without scrollbars.
  await page.setViewportSize({ width: 1366, height: 768 });
  const measure = () =>
    page.evaluate(() => {
      const stage = document.querySelector("[data-testid=wall-stage]")!.getBoundingClientRect();
      const root = document.documentElement;
      return { scrollX: root.scrollWidth > root.clientWidth, scrollY: root.scrollHeight > root.clientHeight, width: stage.width, height: stage.height, left: stage.left, top: stage.top };
    });
  // The stage rescales on the resize event: wait until it fits the new viewport.
  await expect.poll(async () => {
    const m = await measure();
    return m.width <= 1366.5 && m.height <= 768.5 && !m.scrollX && !m.scrollY;
  }).toBe(true);
  const fit = await measure();
  expect(fit).toMatchObject({ scrollX: false, scrollY: false });
  expect(fit.width).toBeLessThanOrEqual(1366.5);
  expect(fit.height).toBeLessThanOrEqual(768.5);
  expect(fit.left).toBeGreaterThanOrEqual(-0.5);
  expect(fit.top).toBeGreaterThanOrEqual(-0.5);
  await page.screenshot({ path: `${SHOTS}/wall-1366x768.png` });
});

test("the wall survives an unreachable server without a reload and recovers by itself", async ({ page, consoleErrors }) => {
  await page.goto(`${wallPath}&refresh=2`);
  const hero = page.getByTestId("kpi-gross_output");
  await expect(hero).toContainText(/\d\.\d{2}亿元/);
  const figures = (await hero.textContent()) ?? "";
  await page.evaluate(() => ((window as unknown as { __wallMarker: number }).__wallMarker = 42));

  await page.route("**/api/wall/data**", (route) => route.abort());
  const notice = page.getByTestId("wall-offline");
  await expect(notice).toHaveText(/^连接中断，显示的是 \d{2}:\d{2} 的数据$/, { timeout: 10_000 });
  await expect(hero).toHaveText(figures);
  await expect(page.getByTestId("wall-trend-svg")).toBeVisible();
  const stale = await page.getByTestId("wall-stamp").getAttribute("data-generated-at");

  await page.unroute("**/api/wall/data**");
  await expect(notice).toBeHidden({ timeout: 10_000 });
  await expect(page.getByTestId("wall-stamp")).not.toHaveAttribute("data-generated-at", stale!);
  await expect(hero).toHaveText(figures);
  expect(await page.evaluate(() => (window as unknown as { __wallMarker?: number }).__wallMarker)).toBe(42);
  dropExpected(consoleErrors, /net::ERR_FAILED/);
});

test("the wall survives a real server restart without a reload", async ({ page, consoleErrors }) => {
  test.setTimeout(150_000);
  const server = await RestartableServer.create();
  try {
    await server.start();
    await page.goto(`${server.url}${wallPath}&refresh=2`);
    const hero = page.getByTestId("kpi-gross_output");
    await expect(hero).toContainText(/\d\.\d{2}亿元/);
    await expect(page.getByTestId("wall-trend-svg")).toBeVisible();
    const figures = (await hero.textContent()) ?? "";
    await page.evaluate(() => ((window as unknown as { __wallMarker: string }).__wallMarker = "before-restart"));

    // The server process goes away: the wall keeps its figures and says so, quietly.
    await server.stop();
    const notice = page.getByTestId("wall-offline");
    await expect(notice).toHaveText(/^连接中断，显示的是 \d{2}:\d{2} 的数据$/, { timeout: 15_000 });
    await expect(hero).toHaveText(figures);
    await expect(page.getByTestId("ranking-total").locator("li")).toHaveCount(14);
    await expect(page.getByTestId("wall-trend-svg")).toBeVisible();
    const stale = await page.getByTestId("wall-stamp").getAttribute("data-generated-at");
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: `${SHOTS}/wall-offline.png` });

    // A new process on the same port and data: the next poll picks it up, the page was never reloaded.
    await server.start();
    await expect(notice).toBeHidden({ timeout: 15_000 });
    await expect(page.getByTestId("wall-stamp")).not.toHaveAttribute("data-generated-at", stale!);
    await expect(hero).toHaveText(figures);
    expect(await page.evaluate(() => (window as unknown as { __wallMarker?: string }).__wallMarker)).toBe("before-restart");
  } finally {
    await server.dispose();
  }
  dropExpected(consoleErrors, /ERR_CONNECTION_REFUSED|ERR_CONNECTION_RESET|ERR_EMPTY_RESPONSE/);
});

test("a revoked link is refused at the wall's next refresh, and on every later visit", async ({ page, consoleErrors }) => {
  await page.goto(`${wallPath}&refresh=2`);
  await expect(page.getByTestId("kpi-gross_output")).toBeVisible();
  await page.evaluate(() => ((window as unknown as { __wallMarker: number }).__wallMarker = 7));

  const row = admin.getByTestId("kiosk-links").getByRole("row", { name: /三楼会议室大屏/ });
  await admin.reload();
  await row.getByRole("button", { name: /撤销/ }).click();
  await row.getByRole("button", { name: "确认撤销" }).click();
  await expect(row).toContainText("已撤销");

  await expect(page.getByText(REFUSED)).toBeVisible({ timeout: 10_000 });
  await expect(page.getByTestId("kpi-gross_output")).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __wallMarker?: number }).__wallMarker)).toBe(7);

  const api = await page.request.get(`/api/wall/data?${wallPath.split("?")[1]}`);
  expect(api.status()).toBe(401);
  expect((await api.json()).error.message).toBe(REFUSED);
  await page.goto(wallPath);
  await expect(page.getByText(REFUSED)).toBeVisible();
  await page.goto("/wall?k=wall_unknown-token");
  await expect(page.getByText(REFUSED)).toBeVisible();
  dropExpected(consoleErrors, /401 \(Unauthorized\)/);
});
