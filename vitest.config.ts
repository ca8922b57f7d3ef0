import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL("./", import.meta.url));
const alias = { "@": root, "server-only": fileURLToPath(new URL("./tests/support/server-only.ts", import.meta.url)) };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      { resolve: { alias }, test: { name: "unit", include: ["tests/unit/**/*.test.{ts,tsx}"], environment: "node" } },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          // Races and outages that need a PostgreSQL server, and a PGlite backup restored into a server,
          // run only with TEST_DATABASE_URL (CI runs both).
          exclude: process.env.TEST_DATABASE_URL ? [] : ["tests/integration/faults-pg.test.ts", "tests/integration/backup-to-server-pg.test.ts"],
          environment: "node",
          // One database, tests reset it: run files one at a time.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
          globalSetup: ["tests/support/global-setup.ts"],
          setupFiles: ["tests/support/integration-setup.ts"],
        },
      },
    ],
  },
});
