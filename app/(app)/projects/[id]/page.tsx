import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ProjectDetail } from "@/components/lists/project-detail";
import { requireUser } from "@/lib/auth/session";
import { choosePeriod } from "@/lib/dashboard/period";
import { overviewCrumbs } from "@/lib/dashboard/crumbs";
import { readScope, townIdsOf } from "@/lib/dashboard/scope";
import { canEditRegistry } from "@/lib/permissions";
import { getProject } from "@/lib/projects/detail";
import { formatPeriodKey } from "@/lib/stats";

export const metadata: Metadata = { title: "项目详情" };

export default async function ProjectPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ period?: string }> }) {
  const user = await requireUser();
  const [{ id }, { period: key }] = await Promise.all([params, searchParams]);
  const scope = await readScope(user);
  const p = /^\d{1,9}$/.test(id) && scope ? await getProject(Number(id), townIdsOf(scope)) : null;
  if (!p || !scope) notFound();
  const { period, latest } = await choosePeriod(scope.root.id, key);
  const at = period ?? latest ?? { year: new Date().getFullYear(), month: 12 };
  const above = await overviewCrumbs(user, { id: p.townId }, { period: formatPeriodKey(at) });
  return <ProjectDetail p={p} year={at.year} month={at.month} periodKey={formatPeriodKey(at)} canEdit={await canEditRegistry(user, p.townId)} above={above} />;
}
