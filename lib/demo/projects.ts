// Demo projects: ≈60 across stages and investment buckets, with this year's plan, monthly
// 当年累计完成投资 and a stage history.
import type { Db } from "@/lib/db/client";
import type { ProjectStage } from "@/lib/generated/prisma/client";
import { between, intBetween, makeRng, pick, wan } from "./random";

const STAGES: ProjectStage[] = ["NEGOTIATING", "SIGNED", "STARTED", "UNDER_CONSTRUCTION", "COMPLETED", "IN_PRODUCTION"];
// (min, max) total investment in 万元 and how many projects fall in each bucket.
const BUCKETS: [number, number, number][] = [
  [100000, 350000, 5],
  [10000, 99000, 16],
  [5000, 9900, 14],
  [1000, 4900, 15],
  [200, 950, 10],
];
const KINDS = ["年产5万吨精密不锈钢管", "新能源汽车零部件", "智能装备制造", "高端食品加工", "光伏支架及储能", "特种合金材料", "数字化车间技改", "电子元器件", "绿色建材", "医疗器械配件"];

/** parkTownIds[i] is the town of parkIds[i]; enterpriseTownIds[i] the town of enterpriseIds[i]. */
type Ctx = { towns: Map<string, number>; parkIds: number[]; parkTownIds: number[]; enterpriseIds: number[]; enterpriseTownIds: number[]; years: number[]; Y: number; M: number };

const date = (y: number, m: number, d = 15) => new Date(Date.UTC(y, m - 1, d));

/** The first enterprise of `townId` at or after index `from` (wrapping), or null if the town has none. */
function nearestOfTown(ctx: Ctx, from: number, townId: number): number | null {
  const n = ctx.enterpriseIds.length;
  for (let k = 0; k < n; k++) {
    const i = (from + k) % n;
    if (ctx.enterpriseTownIds[i] === townId) return ctx.enterpriseIds[i];
  }
  return null;
}

export async function seedProjects(db: Db, ctx: Ctx) {
  const rng = makeRng(17);
  const townIds = [...ctx.towns.values()];
  let n = 0;
  for (const [lo, hi, count] of BUCKETS) {
    for (let k = 0; k < count; k++) {
      n += 1;
      const stage = STAGES[(n * 7) % STAGES.length];
      const total = between(rng, lo, hi);
      const townId = pick(rng, townIds);
      const stageIndex = STAGES.indexOf(stage);
      const signedYear = ctx.Y - (stageIndex >= 4 ? 1 : 0);
      const signedMonth = intBetween(rng, 1, stageIndex >= 4 ? 12 : Math.max(1, ctx.M - 3));
      // Started two months after signing, but not after the latest month (early in the year).
      const startMonth = Math.min(12, signedMonth + 2, signedYear === ctx.Y ? ctx.M : 12);
      const name = `${pick(rng, KINDS)}项目（${String(n).padStart(2, "0")}）`;
      // A project sits in a park of its own town and belongs to an enterprise of its own town (the
      // draws are kept as they were, so the other figures of the demo county do not move).
      const parkDraw = rng() < 0.45 ? pick(rng, ctx.parkIds.map((_, i) => i)) : null;
      const townParks = ctx.parkIds.filter((_, i) => ctx.parkTownIds[i] === townId);
      const parkId = parkDraw === null ? null : ctx.parkTownIds[parkDraw] === townId ? ctx.parkIds[parkDraw] : (townParks[0] ?? null);
      const enterpriseDraw = rng() < 0.5 ? pick(rng, ctx.enterpriseIds.map((_, i) => i)) : null;
      const enterpriseId = enterpriseDraw === null ? null : nearestOfTown(ctx, enterpriseDraw, townId);
      const completedOn = date(ctx.Y, Math.max(1, ctx.M - 2));
      const project = await db.project.create({
        data: {
          name,
          townId,
          parkId,
          enterpriseId,
          sector: rng() < 0.8 ? "工业" : "服务业",
          totalInvestment: wan(total),
          stage,
          signedOn: stageIndex >= 1 ? date(signedYear, signedMonth) : null,
          startedOn: stageIndex >= 2 ? date(signedYear, startMonth) : null,
          completedOn: stageIndex >= 4 ? completedOn : null,
          // A finished project was planned to finish this year; one still being built, in one or two years.
          plannedEndOn: stageIndex >= 4 ? date(ctx.Y, 12, 31) : date(ctx.Y + (total > 50000 ? 2 : 1), 12, 31),
        },
        select: { id: true },
      });
      // The history tells the same dates as the project: signed on signedOn, started on startedOn,
      // 竣工 on completedOn, 投产 ten days later (never after today: the latest month has ended).
      const history = STAGES.slice(0, stageIndex + 1).map((s, i) => ({
        projectId: project.id,
        stage: s,
        changedOn:
          i === 0 ? date(signedYear, Math.max(1, signedMonth - 1), 1)
          : i === 1 ? date(signedYear, signedMonth)
          : i === 2 ? date(signedYear, startMonth)
          : i === 3 ? date(signedYear, startMonth, 25)
          : i === 4 ? completedOn
          : date(ctx.Y, Math.max(1, ctx.M - 2), 25),
      }));
      await db.projectStageChange.createMany({ data: history });
      if (stageIndex < 2) continue;
      const planned = total * between(rng, 0.25, 0.55);
      await db.projectYearPlan.create({ data: { projectId: project.id, year: ctx.Y, planned: wan(planned) } });
      const pace = between(rng, 0.6, 1.15);
      const progress = Array.from({ length: ctx.M }, (_, i) => ({
        projectId: project.id,
        year: ctx.Y,
        month: i + 1,
        completedYtd: wan(planned * pace * ((i + 1) / 12)),
      }));
      await db.projectProgress.createMany({ data: progress });
    }
  }
}
