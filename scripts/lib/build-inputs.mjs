// The files that go into `next build`, and one hash of their content: `npm start` reuses a build exactly
// when it was made from these sources. A file outside them (a log, a backup, test output) never triggers a rebuild.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

const BUILD_INPUTS = ["app", "components", "lib", "public", "types", "prisma/schema.prisma", "proxy.ts", "next.config.ts", "tsconfig.json", "postcss.config.mjs", "package.json", "package-lock.json"];
const SKIP_DIRS = new Set(["node_modules", "generated"]);

export function listInputs(root) {
  const git = spawnSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard", "--", ...BUILD_INPUTS], { cwd: root, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (git.status === 0) return git.stdout.split("\0").filter((f) => f && existsSync(path.join(root, f)));
  // Not a git checkout (an unpacked archive): walk the inputs.
  const files = [];
  const walk = (rel) => {
    const abs = path.join(root, rel);
    if (!existsSync(abs)) return;
    if (!statSync(abs).isDirectory()) return void files.push(rel);
    for (const name of readdirSync(abs)) if (!SKIP_DIRS.has(name)) walk(path.join(rel, name));
  };
  BUILD_INPUTS.forEach(walk);
  return files;
}

/** The content of every build input, so a build is reused exactly when it was made from these sources. */
export function sourceFingerprint(root) {
  const hash = createHash("sha256");
  for (const file of listInputs(root).sort()) hash.update(file).update("\0").update(readFileSync(path.join(root, file))).update("\0");
  return hash.digest("hex");
}

