import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ExportLinks } from "@/components/lists/export-links";
import { FilterForm } from "@/components/lists/filter-form";
import { Pagination } from "@/components/lists/pagination";
import { ProjectTable } from "@/components/lists/project-table";
import { requireUser } from "@/lib/auth/session";
import { choosePeriod } from "@/lib/dashboard/period";
import { readScope, townIdsOf } from "@/lib/dashboard/scope";
import { canEditRegistry } from "@/lib/permissions";
import { PROJECT_SORT_LABELS, projectFilterSchema, STAGE_LABELS, STAGES } from "@/lib/projects/filters";
import { listProjects } from "@/lib/projects/list";
import { formatPeriodKey, formatPeriodRange, PROJECT_BUCKET_LABELS } from "@/lib/stats";

export const metadata: Metadata = { title: "项目" };

export default async function ProjectsPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const user = await requireUser();
  const f = projectFilterSchema.parse(await searchParams);
  const scope = await readScope(user);
  if (!scope) notFound();
  const { period } = await choosePeriod(scope.root.id, f.period);
  const [list, canEdit] = await Promise.all([listProjects(townIdsOf(scope), period, f), canEditRegistry(user, scope.root.id)]);
  const periodKey = period ? formatPeriodKey(period) : undefined;
  const query = { q: f.q, bucket: f.bucket, stage: f.stage, town: f.town, sort: f.sort === "total_desc" ? undefined : f.sort, period: periodKey };
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">项目 <span className="text-lg font-normal text-slate-600">{period ? `${formatPeriodRange(period.year, period.month)}投资进度` : ""}</span></h1>
        <div className="flex gap-2">
          {canEdit && <Link href="/projects/new" className="rounded bg-brand-700 px-3 py-1 text-sm text-white hover:bg-brand-600">新增项目</Link>}
          <ExportLinks table="projects" query={query} />
        </div>
      </div>
      <FilterForm
        action="/projects"
        hidden={{ period: periodKey }}
        fields={[
          { kind: "search", name: "q", label: "项目名称", value: f.q, placeholder: "输入关键字" },
          { kind: "select", name: "bucket", label: "计划总投资", value: f.bucket, options: Object.entries(PROJECT_BUCKET_LABELS).map(([value, label]) => ({ value, label })) },
          { kind: "select", name: "stage", label: "阶段", value: f.stage, options: STAGES.map((s) => ({ value: s, label: STAGE_LABELS[s] })) },
          { kind: "select", name: "town", label: "乡镇", value: f.town, options: scope.towns.map((t) => ({ value: t.code, label: t.name })) },
          { kind: "select", name: "sort", label: "排序", value: f.sort === "total_desc" ? undefined : f.sort, any: PROJECT_SORT_LABELS.total_desc, options: (["completion_desc", "name"] as const).map((s) => ({ value: s, label: PROJECT_SORT_LABELS[s] })) },
        ]}
      />
      {list.total === 0 ? <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-slate-600">没有符合条件的项目。</p> : <ProjectTable rows={list.rows} periodKey={periodKey} />}
      <Pagination path="/projects" query={query} page={list.page} pageCount={list.pageCount} total={list.total} />
    </div>
  );
}
