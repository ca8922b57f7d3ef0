// Seeds the demo county into an empty database: `npm run db:seed` (or by `npm start` on first run).
//   --if-empty   do nothing when the database already has regions (used by npm start)
import { closeDatabase, currentDatabaseKind, getPrisma } from "../lib/db/client";
import { DEMO_USERS, defaultThrough, seedDemoCounty } from "../lib/demo/seed";

async function main() {
  const ifEmpty = process.argv.includes("--if-empty");
  const db = getPrisma();
  const regions = await db.region.count();
  if (regions > 0) {
    console.log(ifEmpty ? "数据库已有数据，跳过演示数据。" : "数据库不为空，未写入演示数据（先运行 npm run db:reset）。");
    if (!ifEmpty) process.exitCode = 1;
    return;
  }
  const through = process.env.DEMO_THROUGH ? parseThrough(process.env.DEMO_THROUGH) : defaultThrough();
  const started = Date.now();
  console.log(`写入演示数据（${currentDatabaseKind()}，截至 ${through.throughYear}年${through.throughMonth}月）…`);
  // The demo reporters' towns leave the through month (the newest closed one) to be filled in.
  const openTowns = DEMO_USERS.flatMap((u) => (u.role === "REPORTER" && u.town ? [u.town] : []));
  const result = await seedDemoCounty(db, { ...through, openTowns, log: (m) => console.log(`  ${m}`) });
  console.log(`完成：${result.towns.size} 个乡镇、${result.enterprises} 家企业、${result.periods} 个统计期，用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒。`);
}

function parseThrough(s: string) {
  const m = /^(\d{4})-(\d{2})$/.exec(s);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) throw new Error(`DEMO_THROUGH 应为 YYYY-MM，收到 ${s}`);
  return { throughYear: Number(m[1]), throughMonth: Number(m[2]) };
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => closeDatabase());
