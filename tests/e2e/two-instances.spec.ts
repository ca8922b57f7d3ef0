// Two app servers on one PostgreSQL database, as behind a load balancer: the README says instances are
// stateless, and this proves it. A session made on one is honoured by the other; saves of one report
// raced across both have exactly one winner (the rest 409 with the winner's version); wrong passwords
// alternating between them lock the account after the same count as on one server, visibly on both.
// Needs a PostgreSQL server: runs only with TEST_DATABASE_URL (playwright.config.ts ignores it without).
// The servers are `next start` from the build this run's webServer made; the database is a fresh one
// created beside TEST_DATABASE_URL's, migrated and seeded with the demo county, dropped afterwards.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import pg from "pg";
import type { APIRequestContext, APIResponse, Page } from "@playwright/test";
import { e2eDistDir } from "./build";
import { expect, test } from "./fixtures";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const TOWN = "321281101000"; // 张郭镇, the demo reporter2's town; its open period is left unstarted by the seed
const REPORTER2 = { username: "reporter2", password: "Report@2026" };
const LEADER = { username: "leader", password: "Leader@2026" };
/** THROTTLE.maxFailuresPerAccount (lib/auth/throttle.ts, server-only): the 5th wrong password locks. */
const MAX_FAILURES = 5;
const INVALID = "用户名或密码错误";
const LOCKED = "登录失败次数过多，账号已锁定15分钟";

type Instance = { name: "A" | "B"; url: string; process: ChildProcess; output: string[] };

const base = new URL(process.env.TEST_DATABASE_URL ?? "postgresql://localhost/unset");
const dbName = `${base.pathname.slice(1) || "postgres"}_two_instances`.slice(0, 63);
const dbUrl = (() => {
  const u = new URL(base);
  u.pathname = `/${dbName}`;
  return u.toString();
})();
const instances: Instance[] = [];

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: base.toString() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function runScript(args: string[], label: string) {
  const r = spawnSync(process.execPath, args, { cwd: ROOT, env: { ...process.env, DATABASE_URL: dbUrl, NEXT_TELEMETRY_DISABLED: "1" }, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`${label} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function startInstance(name: Instance["name"], port: number, secret: string): Instance {
  const url = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    NEXT_DIST_DIR: e2eDistDir(),
    DATABASE_URL: dbUrl,
    // The same secret on both, as every instance behind one load balancer must have.
    NEXTAUTH_SECRET: secret,
    NEXTAUTH_URL: url,
    DATABASE_POOL_SIZE: "5",
  };
  delete env.PGLITE_DIR;
  delete env.TRUST_PROXY;
  // Its own process group (detached), so afterAll ends next start and anything it spawned.
  const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"], { cwd: ROOT, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  const output: string[] = [];
  child.stdout?.on("data", (d: Buffer) => output.push(d.toString()));
  child.stderr?.on("data", (d: Buffer) => output.push(d.toString()));
  return { name, url, process: child, output };
}

/** Polls /api/health until it answers ok, the process dies, or the deadline passes. */
async function waitHealthy(instance: Instance, request: APIRequestContext, deadlineMs = 120_000) {
  const until = Date.now() + deadlineMs;
  while (Date.now() < until) {
    if (instance.process.exitCode !== null) throw new Error(`instance ${instance.name} exited (${instance.process.exitCode}):\n${instance.output.join("")}`);
    const res = await request.get(`${instance.url}/api/health`, { timeout: 5_000, failOnStatusCode: false }).catch(() => null);
    if (res?.ok() && (await res.json()).ok === true) return;
    await new Promise((r) => setTimeout(r, 250)); // polling interval, bounded by the deadline
  }
  throw new Error(`instance ${instance.name} not healthy within ${deadlineMs / 1000} s:\n${instance.output.join("")}`);
}

async function stopInstance(instance: Instance) {
  const child = instance.process;
  if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch {
    return; // already gone
  }
  const killed = await Promise.race([exited.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 10_000).unref())]);
  if (!killed) {
    try {
      process.kill(-child.pid, "SIGKILL");
    } catch {
      /* gone meanwhile */
    }
    await exited;
  }
}

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ playwright }, testInfo) => {
  testInfo.setTimeout(300_000);
  await admin(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
  await admin(`CREATE DATABASE "${dbName}"`);
  runScript(["scripts/db.mjs", "deploy"], "migrate");
  runScript(["node_modules/tsx/dist/cli.mjs", "scripts/seed.ts"], "seed");
  const secret = randomBytes(32).toString("base64url");
  const [portA, portB] = [await freePort(), await freePort()];
  instances.push(startInstance("A", portA, secret), startInstance("B", portB, secret));
  const request = await playwright.request.newContext();
  try {
    await Promise.all(instances.map((i) => waitHealthy(i, request)));
  } finally {
    await request.dispose();
  }
});

test.afterAll(async () => {
  await Promise.all(instances.map(stopInstance));
  if (process.env.TEST_DATABASE_URL) await admin(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
});

const [A, B] = [0, 1].map((i) => () => instances[i]);

async function signInAt(page: Page, url: string, user: { username: string; password: string }) {
  await page.goto(`${url}/login`);
  await page.getByLabel("用户名").fill(user.username);
  await page.getByLabel("密码").fill(user.password);
  await page.getByRole("button", { name: "登录" }).click();
}

/** The report's path on the reporter's open period, as /report redirects to it. */
async function openReportPath(page: Page, url: string): Promise<string> {
  await page.goto(`${url}/report`);
  await page.waitForURL(new RegExp(`/reports/${TOWN}/\\d{4}-\\d{2}$`));
  return new URL(page.url()).pathname;
}

test("a session signed in on instance A is honoured by instance B", async ({ page }) => {
  await signInAt(page, A().url, REPORTER2);
  await page.waitForURL((u) => !u.pathname.startsWith("/login"));
  // Browsers send 127.0.0.1's cookie to either port: B reads it with the shared secret, no shared memory.
  const path = await openReportPath(page, B().url);
  expect(new URL(page.url()).origin).toBe(B().url);
  await expect(page.getByTestId("report-status")).toHaveText("未开始");
  await page.screenshot({ path: "test-results/screenshots/two-instances-session-on-b.png", fullPage: true });
  const res = await page.request.get(`${B().url}/api/v1${path}`);
  expect(res.status()).toBe(200);
  expect((await res.json()).town.code).toBe(TOWN);
  // Signed out nowhere: A still knows the same session too.
  expect((await page.request.get(`${A().url}/api/v1${path}`)).status()).toBe(200);
});

test("saves of one report raced across both instances: one winner, the rest 409 with its version", async ({ page }) => {
  test.setTimeout(120_000);
  await signInAt(page, A().url, REPORTER2);
  await page.waitForURL((u) => !u.pathname.startsWith("/login"));
  const path = await openReportPath(page, A().url);
  const api = (i: number) => `${instances[i % 2].url}/api/v1${path}`;
  const put = (i: number, version: number) =>
    page.request.put(api(i), {
      // The app's own fetch sends its page's Origin; the API refuses a cookie write without it.
      headers: { origin: instances[i % 2].url, "content-type": "application/json" },
      data: { version, values: { gross_output: String(50_000 + i), value_added: String(9_000 + i) } },
      failOnStatusCode: false,
    });
  const N = 8;
  // Round 1 races the report's creation (version 0), round 2 an update of it (version 1).
  for (const baseVersion of [0, 1]) {
    const responses: APIResponse[] = await Promise.all(Array.from({ length: N }, (_, i) => put(i, baseVersion)));
    const results = await Promise.all(responses.map(async (r) => ({ status: r.status(), body: await r.json() })));
    expect(results.map((r) => r.status).sort()).toEqual([200, ...Array(N - 1).fill(409)]);
    const winner = results.find((r) => r.status === 200)!.body;
    expect(winner.version).toBe(baseVersion + 1);
    for (const lost of results.filter((r) => r.status === 409)) {
      expect(lost.body.error.message).toContain("您的修改未保存");
      expect(lost.body.error.details.version).toBe(winner.version);
      expect(Number(lost.body.error.details.values.gross_output)).toBe(Number(winner.values.gross_output));
    }
    // Both instances read the winner's figures and version from the database.
    for (const instance of instances) {
      const stored = await (await page.request.get(`${instance.url}/api/v1${path}`)).json();
      expect(stored.version).toBe(winner.version);
      expect(Number(stored.values.gross_output)).toBe(Number(winner.values.gross_output));
      expect(Number(stored.values.value_added)).toBe(Number(winner.values.value_added));
    }
  }
});

/** One sign-in through next-auth's credentials endpoint on `url`; the error text the sign-in form would show, or null. */
async function credentialsSignIn(request: APIRequestContext, url: string, password: string): Promise<string | null> {
  // The CSRF cookie comes from whichever instance answered first; the other accepts it (same secret).
  const csrf = await (await request.get(`${A().url}/api/auth/csrf`)).json();
  const res = await request.post(`${url}/api/auth/callback/credentials`, {
    form: { csrfToken: csrf.csrfToken, username: LEADER.username, password, json: "true" },
    failOnStatusCode: false,
  });
  const { url: next } = await res.json();
  const error = new URL(next).searchParams.get("error");
  if (error) expect(res.status()).toBe(401);
  return error;
}

test("wrong passwords alternating between the instances lock the account on both", async ({ page, playwright }) => {
  const request = await playwright.request.newContext();
  try {
    const answers: string[] = [];
    for (let i = 0; i < MAX_FAILURES; i++) answers.push((await credentialsSignIn(request, instances[i % 2].url, `wrong-${i}`)) ?? "signed in");
    // The same count as on one server: four plain refusals, and the fifth locks.
    expect(answers).toEqual([...Array(MAX_FAILURES - 1).fill(INVALID), LOCKED]);
    // The right password is now refused by both.
    expect(await credentialsSignIn(request, A().url, LEADER.password)).toBe(LOCKED);
    expect(await credentialsSignIn(request, B().url, LEADER.password)).toBe(LOCKED);
  } finally {
    await request.dispose();
  }
  // And a person at the sign-in page of either instance sees it.
  for (const instance of instances) {
    await signInAt(page, instance.url, LEADER);
    await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveText(LOCKED);
    expect(new URL(page.url()).pathname).toBe("/login");
  }
  await page.screenshot({ path: "test-results/screenshots/two-instances-locked-on-b.png", fullPage: true });
});
