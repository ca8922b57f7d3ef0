import type { Metadata } from "next";
import { EntriesHeader } from "@/components/entries/entries-header";
import { ProjectGrid } from "@/components/entries/project-grid";
import { requireUser } from "@/lib/auth/session";
import { gridRoute, orNotFound } from "@/lib/entries/page";
import { isPeriodOpen } from "@/lib/permissions";
import { getProjectGrid } from "@/lib/entries/projects";

export const metadata: Metadata = { title: "项目进度" };
export const dynamic = "force-dynamic";

export default async function ProjectGridPage({ params }: { params: Promise<{ town: string; period: string }> }) {
  const user = await requireUser();
  const { town, period, canEditRole, notOpen } = await gridRoute(user, await params);
  const view = await orNotFound(getProjectGrid(user, town.code, period));
  const editable = canEditRole && isPeriodOpen(view.reportStatus);
  return (
    <div className="space-y-4">
      <EntriesHeader view={view} active="projects" title="项目推进情况" hint="填写各项目当年累计完成投资；项目阶段有变化时选择新阶段并填写变更日期。" editable={editable} canEditRole={canEditRole} notOpen={notOpen} />
      <ProjectGrid view={view} editable={editable} />
    </div>
  );
}
