import type { Metadata } from "next";
import { ImportWorkbench } from "@/components/import/import-workbench";
import { EmptyState } from "@/components/ui/empty-state";
import { requireUser } from "@/lib/auth/session";
import { IMPORT_KIND_LABELS } from "@/lib/import/types";
import { canImport, canImportHistory, canReopenByImport, importKindsFor } from "@/lib/permissions";

export const metadata: Metadata = { title: "数据导入" };

export default async function ImportPage() {
  const user = await requireUser();
  if (!user.regionId || !(await canImport(user, user.regionId))) {
    return <EmptyState title="没有数据导入权限" detail="数据导入由县局审核员（全县）或乡镇填报员（本镇）使用。" />;
  }
  // A reporter loads their own town's figures; the registers and plans are the bureau's (lib/permissions).
  const kinds = importKindsFor(user.role).map((k) => ({ value: k, label: IMPORT_KIND_LABELS[k] }));
  const now = new Date();
  const last = new Date(now.getFullYear(), now.getMonth() - 1, 1);
  const defaultPeriod = `${last.getFullYear()}-${String(last.getMonth() + 1).padStart(2, "0")}`;
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">数据导入</h1>
        <p className="mt-1 text-sm text-slate-600">
          从 Excel（.xlsx，以及旧版 .xls 和 WPS 表格）或 CSV（UTF-8 / GBK）导入{user.role === "REPORTER" ? `${user.region?.name ?? "本镇"}的` : "全县的"}数据。上传后先预览：逐行列出将新增、更新的数据和每个问题（工作表、行、列）；确认后一次性写入，有任何错误则全部不写入。县里现有的报表（多行合并表头、“单位：亿元”、合计行、每月一个工作表）可直接上传，预览会列出每个工作表识别出的统计期和每列所用的单位。
        </p>
      </div>
      <ImportWorkbench kinds={kinds} defaultPeriod={defaultPeriod} rights={{ history: await canImportHistory(user, user.regionId), reopen: await canReopenByImport(user, user.regionId) }} />
    </div>
  );
}
