// Finds the Chromium and the CJK fonts the browser tests need, installing Debian's packages when it can.
// Order: CHROME_PATH, Debian's /usr/bin/chromium, a Playwright-managed Chromium already on disk; then, as root
// with apt-get, `apt-get install chromium fonts-noto-cjk`; otherwise one line that says what to install.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { homedir } from "node:os";
import path from "node:path";

const DEBIAN = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/lib/chromium/chromium"];

function playwrightChromium() {
  const cache = process.env.PLAYWRIGHT_BROWSERS_PATH || path.join(homedir(), ".cache", "ms-playwright");
  if (!existsSync(cache)) return null;
  for (const dir of readdirSync(cache).filter((d) => d.startsWith("chromium")).sort().reverse()) {
    for (const bin of ["chrome-linux/chrome", "chrome-linux64/chrome"]) {
      const file = path.join(cache, dir, bin);
      if (existsSync(file)) return file;
    }
  }
  return null;
}

export function findChromium() {
  if (process.env.CHROME_PATH) return existsSync(process.env.CHROME_PATH) ? process.env.CHROME_PATH : null;
  return DEBIAN.find((file) => existsSync(file)) ?? playwrightChromium();
}

export function hasCjkFont() {
  const r = spawnSync("fc-list", [":lang=zh"], { encoding: "utf8" });
  return r.status === 0 && /Noto Sans CJK|Noto Serif CJK|WenQuanYi|Source Han/i.test(r.stdout);
}

function canApt() {
  return process.getuid?.() === 0 && spawnSync("sh", ["-c", "command -v apt-get"], { stdio: "ignore" }).status === 0;
}

function aptInstall(packages) {
  console.log(`::: 安装浏览器测试所需的软件包 / installing ${packages.join(" ")} (apt-get)`);
  const opts = { encoding: "utf8", maxBuffer: 64 * 1024 * 1024, env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } };
  for (const args of [["update", "-qq"], ["install", "-y", "-qq", ...packages]]) {
    const r = spawnSync("apt-get", args, opts);
    if (r.status !== 0) {
      console.error(`${r.stdout ?? ""}${r.stderr ?? ""}`.split("\n").slice(-15).join("\n"));
      return false;
    }
  }
  return true;
}

/** { ok, path } when the browser tests can run, else { ok: false, message } with one line to show. */
export function ensureBrowser() {
  let chromium = findChromium();
  if (process.env.CHROME_PATH && !chromium) {
    return { ok: false, message: `✖ CHROME_PATH=${process.env.CHROME_PATH} 不存在 / CHROME_PATH points to no file: unset it or fix the path` };
  }
  const missing = [...(chromium ? [] : ["chromium"]), ...(hasCjkFont() ? [] : ["fonts-noto-cjk"])];
  if (missing.length > 0 && canApt() && aptInstall(missing)) chromium = findChromium();
  const still = [...(chromium ? [] : ["chromium"]), ...(hasCjkFont() ? [] : ["fonts-noto-cjk"])];
  if (still.length > 0) {
    return {
      ok: false,
      message: `✖ 浏览器测试缺少 ${still.join("、")}：请以 root 运行 apt-get install -y ${still.join(" ")}（或设置 CHROME_PATH） / missing ${still.join(" and ")}: run \`sudo apt-get install -y ${still.join(" ")}\` (or set CHROME_PATH), then npm test again`,
    };
  }
  return { ok: true, path: chromium };
}
