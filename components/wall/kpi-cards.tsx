import type { WallKpi, WallPlan } from "@/lib/kiosk/types";
import { TONE_CLASS } from "./panel";

function PlanBar({ plan }: { plan: WallPlan }) {
  const fill = Math.max(0, Math.min(100, plan.completionPercent ?? 0));
  const marker = Math.max(0, Math.min(100, plan.timeProgressPercent ?? 0));
  return (
    <div className="relative mt-3 h-4 shrink-0 rounded-full bg-slate-700/70" aria-hidden="true">
      <div className="h-4 rounded-full bg-linear-to-r from-sky-600 to-cyan-300" style={{ width: `${fill}%` }} />
      {plan.timeProgressPercent !== null && <div className="absolute -top-1.5 h-7 w-1 rounded bg-amber-300" style={{ left: `calc(${marker}% - 2px)` }} />}
    </div>
  );
}

function HeroCard({ kpi }: { kpi: WallKpi }) {
  return (
    <article data-testid={`kpi-${kpi.code}`} className="flex w-[680px] shrink-0 flex-col overflow-hidden rounded-xl border border-sky-700/60 bg-linear-to-br from-[#0e2b57] to-[#0a1c3b] px-7 py-4">
      <div className="flex shrink-0 items-baseline justify-between">
        <h2 className="text-[28px] leading-9 text-sky-200">{kpi.name}</h2>
        <p className={`text-[30px] font-semibold leading-9 ${TONE_CLASS[kpi.tone]}`}>同比{kpi.growth}</p>
      </div>
      <p className="num shrink-0 whitespace-nowrap text-[84px] font-bold leading-[92px] text-white">
        {kpi.value}
        <span className="ml-2 text-[30px] font-normal text-slate-300">{kpi.unit}</span>
      </p>
      {kpi.plan && (
        <>
          <PlanBar plan={kpi.plan} />
          <p className="mt-2 flex shrink-0 justify-between whitespace-nowrap text-[21px] leading-7 text-slate-200">
            <span>
              完成年计划 <b className="num">{kpi.plan.completion}</b> · 时序进度 <span className="num">{kpi.plan.timeProgress}</span>
            </span>
            <b className={TONE_CLASS[kpi.plan.tone]}>{kpi.plan.gap}</b>
          </p>
        </>
      )}
    </article>
  );
}

function KpiCard({ kpi }: { kpi: WallKpi }) {
  return (
    <article data-testid={`kpi-${kpi.code}`} className="flex min-w-0 flex-1 flex-col overflow-hidden rounded-xl border border-[#1f3d6e] bg-[#0a1c3b] px-6 py-4">
      <h2 className="shrink-0 truncate text-[24px] leading-8 text-sky-200">{kpi.name}</h2>
      <p className="num shrink-0 whitespace-nowrap text-[56px] font-bold leading-[66px] text-white">
        {kpi.value}
        <span className="ml-2 text-[24px] font-normal text-slate-300">{kpi.unit}</span>
      </p>
      <p className={`shrink-0 text-[24px] font-semibold leading-8 ${TONE_CLASS[kpi.tone]}`}>同比{kpi.growth}</p>
      {kpi.plan && (
        <p className="mt-1 shrink-0 text-[20px] leading-7 text-slate-200">
          完成年计划 <b className="num">{kpi.plan.completion}</b>
          <br />
          <span className={TONE_CLASS[kpi.plan.tone]}>{kpi.plan.gap}</span>
        </p>
      )}
    </article>
  );
}

export function KpiCards({ kpis }: { kpis: WallKpi[] }) {
  const [hero, ...rest] = kpis;
  return (
    <div className="flex h-[232px] shrink-0 gap-6">
      {hero && <HeroCard kpi={hero} />}
      {rest.map((k) => (
        <KpiCard key={k.code} kpi={k} />
      ))}
    </div>
  );
}
