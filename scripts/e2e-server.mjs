// The server Playwright runs against: a fresh embedded database seeded with the demo county.
import { rmSync } from "node:fs";
import path from "node:path";

const dir = path.resolve(import.meta.dirname, "..", process.env.PGLITE_DIR ?? ".data/e2e-pglite");
if (!dir.includes(`${path.sep}.data${path.sep}`)) throw new Error(`refusing to delete ${dir}`);
rmSync(dir, { recursive: true, force: true });
await import("./start.mjs");
