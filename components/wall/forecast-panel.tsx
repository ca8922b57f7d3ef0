import type { WallForecast, WallForecastRow } from "@/lib/kiosk/types";
import { Panel, pageOf } from "./panel";

// Two towns a page: each takes two lines, so the gap or the monthly need is read whole, never cut.
const PER_PAGE = 2;

function Rows({ rows, testId, tone }: { rows: WallForecastRow[]; testId: string; tone: "risk" | "ahead" }) {
  if (rows.length === 0) return <p className="text-[20px] text-slate-300">无</p>;
  return (
    <ul data-testid={testId} className="flex flex-col">
      {rows.map((r) => (
        <li key={r.code} className="flex flex-col py-[3px]">
          <span className="flex items-baseline gap-3 text-[21px]">
            <span className="min-w-0 flex-1 truncate text-white">{r.name}</span>
            {/* Chinese convention: red ahead, green behind. */}
            <span className={`num shrink-0 text-right font-semibold ${tone === "risk" ? "text-[#4ade80]" : "text-[#ff7b7b]"}`}>{r.completion}</span>
          </span>
          <span className="num text-[17px] leading-tight text-slate-300">{tone === "risk" && r.need !== "—" ? r.need : r.gap}</span>
        </li>
      ))}
    </ul>
  );
}

/** 预计全年: the county's sentence and range, the towns forecast below the 预警线 and those ahead. */
export function ForecastPanel({ forecast, tick }: { forecast: WallForecast; tick: number }) {
  const risk = pageOf(forecast.atRisk, PER_PAGE, tick);
  const ahead = pageOf(forecast.ahead, PER_PAGE, tick);
  return (
    <Panel title={`${forecast.indicator}预计全年`} className="h-full" extra={<span className="num text-[22px] font-semibold text-white">{forecast.range} 亿元</span>}>
      <div data-testid="wall-forecast" className="flex h-full flex-col gap-2">
        <p className="truncate text-[20px] text-sky-100" data-testid="wall-forecast-sentence">{forecast.sentence ?? "历史数据不足，暂不预计"}</p>
        <div className="grid min-h-0 flex-1 grid-cols-2 gap-5">
          <div>
            <h3 className="text-[19px] text-slate-300">预计低于{forecast.threshold}%（{forecast.atRisk.length}个）</h3>
            <Rows rows={risk.rows} testId="wall-forecast-risk" tone="risk" />
          </div>
          <div>
            <h3 className="text-[19px] text-slate-300">预计超额完成（{forecast.ahead.length}个）</h3>
            <Rows rows={ahead.rows} testId="wall-forecast-ahead" tone="ahead" />
          </div>
        </div>
      </div>
    </Panel>
  );
}
