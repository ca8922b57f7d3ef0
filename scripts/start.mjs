// `npm start`: migrate the database, seed the demo county on first run, build if the sources
// changed, then serve on PORT (default 3000). Works with the embedded PGlite (default) or a
// PostgreSQL server (DATABASE_URL); with a server, demo data is seeded only when SEED_DEMO=1.
import { spawnSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { sourceFingerprint } from "./lib/build-inputs.mjs";

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

const isBuilt = (dir, fingerprint) => {
  const marker = path.join(root, dir, "source-fingerprint");
  return existsSync(path.join(root, dir, "BUILD_ID")) && existsSync(marker) && readFileSync(marker, "utf8") === fingerprint;
};

function nextBuild(distDir) {
  // `next build` adds `<distDir>/types` to tsconfig.json's include list when distDir is not .next; keep the committed file.
  const tsconfig = readFileSync(path.join(root, "tsconfig.json"));
  env.NEXT_DIST_DIR = distDir;
  run(process.execPath, ["node_modules/next/dist/bin/next", "build"], "构建应用");
  writeFileSync(path.join(root, "tsconfig.json"), tsconfig);
}

/**
 * Picks the build to serve, building when needed. Without NEXT_DIST_DIR every source state builds into
 * its own folder, .next-builds/<fingerprint>, and the fingerprint marker is written last: a server
 * already running from another build is never touched, a half-finished build is never served, and a
 * second start from the same sources (another port) reuses the build. The newest few builds are kept.
 */
function buildIfNeeded() {
  const fingerprint = sourceFingerprint(root);
  const rebuild = process.argv.includes("--rebuild");
  const distDir = env.NEXT_DIST_DIR ?? path.join(".next-builds", fingerprint.slice(0, 16));
  if (!rebuild && isBuilt(distDir, fingerprint)) {
    console.log(`\n✔ 源码未变化，沿用已有构建（${distDir}）`);
    env.NEXT_DIST_DIR = distDir;
    return;
  }
  rmSync(path.join(root, distDir), { recursive: true, force: true });
  nextBuild(distDir);
  writeFileSync(path.join(root, distDir, "source-fingerprint"), fingerprint);
  if (!process.env.NEXT_DIST_DIR) pruneBuilds(distDir);
}

function pruneBuilds(current, keep = 3) {
  const dir = path.join(root, ".next-builds");
  const builds = readdirSync(dir)
    .map((name) => ({ name, at: statSync(path.join(dir, name)).mtimeMs }))
    .sort((a, b) => b.at - a.at);
  for (const old of builds.slice(keep)) {
    if (path.join(".next-builds", old.name) !== current) rmSync(path.join(dir, old.name), { recursive: true, force: true });
  }
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
