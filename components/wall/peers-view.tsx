import type { WallPeers } from "@/lib/kiosk/types";
import { TONE_CLASS } from "./panel";
import { RankChange } from "./ranking-panel";

/** 全市位次 on the wall: the 通报's sentence, then the city's counties by 工业总产值 with the county's own row lit. */
export function PeersView({ peers }: { peers: WallPeers }) {
  return (
    <div data-testid="wall-peers" className="flex h-full flex-col gap-2">
      <p className="text-[20px] leading-snug text-sky-100" data-testid="wall-peers-sentence">{peers.sentence}</p>
      <p className="text-[16px] text-slate-300">{peers.indicator}，亿元；▲▼为较上月位次变化</p>
      <ol className="flex flex-col">
        {peers.rows.map((r) => (
          <li key={r.code} data-own={r.own || undefined} className={`flex h-10 items-center gap-3 rounded-md px-1 text-[24px] ${r.own ? "bg-amber-400/15 ring-1 ring-amber-400/60" : ""}`}>
            <span className={`num flex h-8 w-12 shrink-0 items-center justify-center rounded-md text-[22px] font-bold ${r.own ? "bg-amber-400 text-[#231a00]" : "bg-slate-700/60 text-slate-200"}`}>{r.rank ?? "—"}</span>
            <span className={`w-[136px] shrink-0 truncate ${r.own ? "font-bold text-amber-200" : "text-slate-100"}`}>{r.name}</span>
            <span className="h-3 flex-1 rounded-full bg-slate-800" aria-hidden="true">
              <span className={`block h-3 rounded-full ${r.own ? "bg-amber-400" : "bg-sky-400"}`} style={{ width: `${r.bar}%` }} />
            </span>
            <span className="num w-[96px] shrink-0 text-right font-semibold text-white">{r.value}</span>
            <span className={`num w-[96px] shrink-0 text-right ${TONE_CLASS[r.growthTone]}`}>{r.growth}</span>
            <span className="w-[48px] shrink-0 text-right text-[22px]">
              <RankChange change={r.change} />
            </span>
          </li>
        ))}
      </ol>
    </div>
  );
}
