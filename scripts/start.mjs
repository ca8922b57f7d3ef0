// `npm start`: migrate the database, seed the demo county on first run, build if the sources
// changed, then serve on PORT (default 3000). Works with the embedded PGlite (default) or a
// PostgreSQL server (DATABASE_URL); with a server, demo data is seeded only when SEED_DEMO=1.
import { spawnSync, spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
process.chdir(root);
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const port = env.PORT ?? "3000";
const usesServer = /^postgres(ql)?:\/\//.test(env.DATABASE_URL ?? "");

function run(cmd, args, label) {
  const started = Date.now();
  console.log(`\n▶ ${label}`);
  const r = spawnSync(cmd, args, { stdio: "inherit", env });
  if (r.status !== 0) {
    console.error(`✖ ${label}失败（退出码 ${r.status}）`);
    process.exit(r.status ?? 1);
  }
  console.log(`✔ ${label}（${((Date.now() - started) / 1000).toFixed(1)} 秒）`);
}

/** NEXTAUTH_SECRET: from the environment, else generated once into a git-ignored file. */
function ensureSecret() {
  if (env.NEXTAUTH_SECRET) return;
  const file = path.join(root, ".secrets", "nextauth-secret");
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
    console.log("已生成会话密钥 .secrets/nextauth-secret（勿提交）");
  }
  env.NEXTAUTH_SECRET = readFileSync(file, "utf8").trim();
}

/**
 * A build is reused only when it was made from exactly these sources: the commit, the content of
 * every uncommitted change, and the content of every untracked file (names alone would miss a
 * second edit to a file that was already modified).
 */
function sourceFingerprint() {
  const git = (args) => spawnSync("git", args, { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  const head = git(["rev-parse", "HEAD"]);
  const diff = git(["diff", "HEAD", "--binary"]);
  const untracked = git(["ls-files", "--others", "--exclude-standard", "-z"]);
  if (head.status !== 0 || diff.status !== 0 || untracked.status !== 0) return null;
  const hash = createHash("sha256").update(head.stdout).update(diff.stdout);
  for (const file of untracked.stdout.split("\0").filter(Boolean).sort()) {
    hash.update(file).update("\0");
    try {
      hash.update(readFileSync(path.join(root, file)));
    } catch {
      hash.update("(unreadable)");
    }
  }
  return hash.digest("hex");
}

function buildIfNeeded() {
  const distDir = env.NEXT_DIST_DIR ?? ".next";
  const marker = path.join(root, distDir, "source-fingerprint");
  const fingerprint = sourceFingerprint();
  const fresh = fingerprint && existsSync(path.join(root, distDir, "BUILD_ID")) && existsSync(marker) && readFileSync(marker, "utf8") === fingerprint;
  if (fresh && !process.argv.includes("--rebuild")) {
    console.log("\n✔ 源码未变化，沿用已有构建");
    return;
  }
  // `next build` adds `<distDir>/types` to tsconfig.json's include list when distDir is not .next
  // (the e2e servers build into .next-e2e-<port>); keep the committed file as it is.
  const tsconfig = readFileSync(path.join(root, "tsconfig.json"));
  run(process.execPath, ["node_modules/next/dist/bin/next", "build"], "构建应用");
  writeFileSync(path.join(root, "tsconfig.json"), tsconfig);
  if (fingerprint) writeFileSync(marker, fingerprint);
}

ensureSecret();
env.NEXTAUTH_URL ??= `http://localhost:${port}`;
run(process.execPath, ["scripts/db.mjs", "deploy"], "数据库迁移");
if (!usesServer || env.SEED_DEMO === "1") {
  run(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/seed.ts", "--if-empty"], "演示数据");
} else {
  console.log("\n使用 PostgreSQL 服务器：不写入演示数据（需要时设置 SEED_DEMO=1）");
}
buildIfNeeded();
console.log(`\n乡镇工业统计平台：http://localhost:${port}`);
const server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", port], { stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
