import type { WallPeers, WallRankRow } from "@/lib/kiosk/types";
import { Fade, ModeTabs, Panel, TONE_CLASS, pageOf } from "./panel";
import { PeersView } from "./peers-view";

const ROWS = 14;

/** ▲2 / ▼1 / — : the change against last month's rank, readable without colour too. */
export function RankChange({ change }: { change: number | null }) {
  if (change === null) return <span className="text-slate-500">&nbsp;</span>;
  if (change === 0) return <span className="text-slate-400" data-testid="rank-same">—<span className="sr-only">位次与上月持平</span></span>;
  const up = change > 0;
  return (
    <span data-testid={up ? "rank-up" : "rank-down"} className={up ? "text-[#ff7b7b]" : "text-[#4ade80]"}>
      <span aria-hidden="true">{up ? "▲" : "▼"}</span>
      <span className="num">{Math.abs(change)}</span>
      <span className="sr-only">{up ? "位，较上月上升" : "位，较上月下降"}</span>
    </span>
  );
}

function RankTable({ rows, kind, tick }: { rows: WallRankRow[]; kind: "total" | "growth"; tick: number }) {
  const { rows: shown } = pageOf(rows, ROWS, tick);
  return (
    <ol data-testid={`ranking-${kind}`} className="flex flex-col">
      {shown.map((r) => (
        <li key={r.code} className="flex h-10 items-center gap-3 text-[24px]">
          <span
            className={`num flex h-8 w-12 shrink-0 items-center justify-center rounded-md text-[22px] font-bold ${r.rank !== null && r.rank <= 3 ? "bg-amber-400 text-[#231a00]" : "bg-slate-700/60 text-slate-200"}`}
          >
            {r.rank ?? "—"}
          </span>
          <span className="w-[136px] shrink-0 truncate text-slate-100">{r.name}</span>
          <span className="h-3 flex-1 rounded-full bg-slate-800" aria-hidden="true">
            <span
              className={`block h-3 rounded-full ${kind === "total" ? "bg-sky-400" : r.tone === "down" ? "bg-[#4ade80]" : "bg-[#ff7b7b]"}`}
              style={{ width: `${r.bar}%` }}
            />
          </span>
          <span className={`num w-[120px] shrink-0 text-right font-semibold ${kind === "growth" ? TONE_CLASS[r.tone] : "text-white"}`}>{r.value}</span>
          <span className="w-[64px] shrink-0 text-right text-[22px]">
            <RankChange change={r.change} />
          </span>
        </li>
      ))}
    </ol>
  );
}

/** The towns by 总量 and by 增幅; with `peers`, a third view in the rotation: the county among its city's counties. */
export function RankingPanel({ indicator, total, growth, mode, tick, peers }: { indicator: string; total: WallRankRow[]; growth: WallRankRow[]; mode: 0 | 1 | 2; tick: number; peers?: WallPeers | null }) {
  const shown = peers ? mode : ((mode % 2) as 0 | 1);
  return (
    <Panel
      title={shown === 2 ? `${peers!.city}各县（市、区）` : `乡镇${indicator}排名`}
      className="w-[640px] shrink-0"
      // Three views need shorter tabs to stay on one line beside the title.
      extra={<ModeTabs labels={peers ? ["总量", "增幅", "全市"] : ["总量（亿元）", "增幅"]} active={shown} />}
    >
      <Fade active={shown === 0}>
        <RankTable rows={total} kind="total" tick={tick} />
      </Fade>
      <Fade active={shown === 1}>
        <RankTable rows={growth} kind="growth" tick={tick} />
      </Fade>
      {peers && (
        <Fade active={shown === 2}>
          <PeersView peers={peers} />
        </Fade>
      )}
    </Panel>
  );
}
