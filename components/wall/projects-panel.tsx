import type { WallProject } from "@/lib/kiosk/types";
import { Panel, pageOf } from "./panel";

const PER_PAGE = 5;

function ProjectItem({ p }: { p: WallProject }) {
  const fill = Math.max(0, Math.min(100, p.progressPercent ?? 0));
  return (
    <li className="flex h-[112px] flex-col justify-center gap-1 border-b border-[#1f3d6e] last:border-b-0">
      <p className="truncate text-[23px] font-semibold text-white">{p.name}</p>
      <p className="flex items-center gap-3 text-[20px] text-slate-300">
        <span>{p.town}</span>
        <span className="rounded bg-sky-500/20 px-2 text-sky-100">{p.stage}</span>
        <span className="ml-auto">
          总投资 <b className="num text-white">{p.total}</b> 亿元
        </span>
      </p>
      <p className="flex justify-between text-[20px] text-slate-300">
        <span>
          当年完成 <b className="num text-slate-100">{p.completed}</b>
          {p.completed === "—" ? "" : " 亿元"}
        </span>
        <span>
          占年计划 <b className="num text-slate-100">{p.progress}</b>
        </span>
      </p>
      <span className="h-2.5 rounded-full bg-slate-800" aria-hidden="true">
        <span className="block h-2.5 rounded-full bg-cyan-300" style={{ width: `${fill}%` }} />
      </span>
    </li>
  );
}

/** The major-projects ticker: five at a time, the next five every rotation. */
export function ProjectsPanel({ projects, tick }: { projects: WallProject[]; tick: number }) {
  const { rows, page, pages } = pageOf(projects, PER_PAGE, tick);
  return (
    <Panel
      title={`亿元以上项目（${projects.length}个）`}
      className="w-[460px] shrink-0"
      extra={pages > 1 ? <span className="num text-[20px] text-slate-300">{page + 1}/{pages}</span> : null}
    >
      {projects.length === 0 ? (
        <p className="pt-10 text-center text-[24px] text-slate-300">暂无亿元以上项目</p>
      ) : (
        <ul data-testid="wall-projects" key={page} className="animate-[wall-in_600ms_ease-out]">
          {rows.map((p) => (
            <ProjectItem key={p.id} p={p} />
          ))}
        </ul>
      )}
    </Panel>
  );
}
