// A whole-screen message: a refused link, a county without data, an unexpected failure.
export function WallMessage({ title, detail, tone }: { title: string; detail: string; tone: "refused" | "empty" | "notice" }) {
  const color = tone === "refused" ? "text-amber-300" : "text-slate-100";
  return (
    <div data-testid={`wall-${tone}`} role={tone === "refused" ? "alert" : "status"} className="flex h-full w-full flex-col items-center justify-center gap-8 px-24 text-center">
      <p className={`text-[56px] font-bold leading-tight ${color}`}>{title}</p>
      <p className="text-[28px] text-slate-300">{detail}</p>
    </div>
  );
}
