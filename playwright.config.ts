import { defineConfig } from "@playwright/test";
import { e2eDistDir, e2ePort } from "./tests/e2e/build";

const port = e2ePort();

export default defineConfig({
  testDir: "tests/e2e",
  // Two app servers on one PostgreSQL database need a server: only with TEST_DATABASE_URL (CI sets it).
  testIgnore: process.env.TEST_DATABASE_URL ? [] : [/two-instances\.spec\.ts$/],
  outputDir: "test-results/e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    trace: "off",
    launchOptions: {
      // Debian's Chromium; Playwright's own browser download cannot work offline.
      executablePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium", viewport: { width: 1366, height: 768 } } }],
  webServer: {
    // A fresh embedded database with the demo county, on its own port.
    command: "node scripts/e2e-server.mjs",
    url: `http://127.0.0.1:${port}/api/health`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      PORT: String(port),
      PGLITE_DIR: `.data/e2e-pglite-${port}`,
      NEXT_DIST_DIR: e2eDistDir(port),
      DATABASE_URL: "",
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    },
  },
});
