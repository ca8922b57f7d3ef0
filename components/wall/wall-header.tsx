import { clockTime } from "@/lib/kiosk/types";

type Props = {
  county: string;
  periodLabel: string | null;
  generatedAt: string;
  offline: boolean;
  reported: { towns: number; total: number } | null;
  /** What the totals' 同比 leaves out (a zone new this year), or null. */
  scope?: string | null;
};

/** Title, the data stamp, and a fixed slot for the quiet offline notice (so nothing moves). */
export function WallHeader({ county, periodLabel, generatedAt, offline, reported, scope = null }: Props) {
  const time = clockTime(generatedAt);
  return (
    <header className="flex h-[88px] shrink-0 items-center justify-between border-b border-[#1f3d6e] pb-3">
      <div className="flex items-baseline gap-5">
        <h1 className="text-[46px] font-bold tracking-[0.08em] text-white">{county}乡镇工业运行监测</h1>
        <div className="flex flex-col">
          {reported && <span className="text-[22px] text-slate-300">已报送 {reported.towns}/{reported.total} 个乡镇</span>}
          {scope && <span data-testid="wall-growth-scope" className="text-[18px] text-slate-400">{scope}</span>}
        </div>
      </div>
      <div className="flex flex-col items-end gap-1">
        <p data-testid="wall-stamp" data-generated-at={generatedAt} className="text-[28px] text-slate-100 num">
          {periodLabel ? <>数据截至 {periodLabel} · </> : null}更新于 {time}
        </p>
        <p role="status" className="h-7 text-[20px] leading-7">
          {offline && (
            <span data-testid="wall-offline" className="text-amber-300">
              连接中断，显示的是 {time} 的数据
            </span>
          )}
        </p>
      </div>
    </header>
  );
}
