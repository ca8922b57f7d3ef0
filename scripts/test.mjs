// `npm test`: every test — unit, integration (real database), end-to-end (real Chromium).
// Integration tests use TEST_DATABASE_URL (a PostgreSQL server) when set, else an in-memory PGlite.
// Ends with one "N passed, N failed" line summing all suites.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { ensureBrowser } from "./lib/browser.mjs";

const root = path.resolve(import.meta.dirname, "..");
process.chdir(root);
const out = path.join(root, "test-results");
rmSync(path.join(out, "summary"), { recursive: true, force: true });
mkdirSync(path.join(out, "summary"), { recursive: true });
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const only = process.argv.slice(2); // e.g. `npm test -- unit integration`

const suites = [
  { name: "unit", cmd: ["node_modules/vitest/vitest.mjs", "run", "--project", "unit", "--reporter=default", "--reporter=json", `--outputFile.json=${out}/summary/unit.json`] },
  { name: "integration", cmd: ["node_modules/vitest/vitest.mjs", "run", "--project", "integration", "--reporter=default", "--reporter=json", `--outputFile.json=${out}/summary/integration.json`] },
  { name: "e2e", cmd: ["node_modules/@playwright/test/cli.js", "test", "--reporter=list,json"], extraEnv: { PLAYWRIGHT_JSON_OUTPUT_NAME: `${out}/summary/e2e.json` } },
];

const selected = suites.filter((s) => only.length === 0 || only.includes(s.name));
if (selected.some((s) => s.name === "e2e")) {
  // Before anything runs: the browser tests need a Chromium and CJK fonts; find them, install them, or stop here.
  const browser = ensureBrowser();
  if (!browser.ok) {
    console.error(browser.message);
    process.exit(2);
  }
  env.CHROME_PATH = browser.path;
}

let passed = 0;
let failed = 0;
let broken = false;
for (const suite of selected) {
  const started = Date.now();
  console.log(`\n━━ ${suite.name} ━━`);
  const r = spawnSync(process.execPath, suite.cmd, { stdio: "inherit", env: { ...env, ...suite.extraEnv } });
  const counts = readCounts(suite.name);
  passed += counts.passed;
  failed += counts.failed;
  if (r.status !== 0) broken = true;
  console.log(`━━ ${suite.name}: ${counts.passed} passed, ${counts.failed} failed (${((Date.now() - started) / 1000).toFixed(0)} s)`);
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(broken || failed > 0 ? 1 : 0);

function readCounts(name) {
  const file = path.join(out, "summary", `${name}.json`);
  if (!existsSync(file)) return { passed: 0, failed: 1 };
  const report = JSON.parse(readFileSync(file, "utf8"));
  if (report.stats && "expected" in report.stats) {
    // Playwright
    return { passed: report.stats.expected + (report.stats.flaky ?? 0), failed: report.stats.unexpected };
  }
  return { passed: report.numPassedTests ?? 0, failed: (report.numFailedTests ?? 0) + (report.numFailedTestSuites ?? 0) };
}
