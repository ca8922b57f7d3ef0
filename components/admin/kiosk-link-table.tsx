import { KIOSK_STATUS_LABELS, type KioskLinkRow } from "@/lib/kiosk";
import { KioskRevokeButton } from "./kiosk-revoke-button";

const dateTime = new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
const when = (d: Date | null, none: string) => (d ? dateTime.format(d) : none);

const STATUS_CLASS = { active: "bg-emerald-100 text-emerald-800", revoked: "bg-slate-200 text-slate-700", expired: "bg-amber-100 text-amber-900" } as const;

export function KioskLinkTable({ links }: { links: KioskLinkRow[] }) {
  if (links.length === 0) {
    return <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-slate-600">还没有大屏链接。创建一个链接，在会议室大屏的浏览器中打开即可。</p>;
  }
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="w-full text-sm" data-testid="kiosk-links">
        <caption className="sr-only">大屏链接列表</caption>
        <thead className="bg-slate-50 text-left text-slate-600">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">名称</th>
            <th scope="col" className="px-3 py-2 font-medium">县（市、区）</th>
            <th scope="col" className="px-3 py-2 font-medium">创建</th>
            <th scope="col" className="px-3 py-2 font-medium">到期</th>
            <th scope="col" className="px-3 py-2 font-medium">最近访问</th>
            <th scope="col" className="px-3 py-2 font-medium">状态</th>
            <th scope="col" className="px-3 py-2 font-medium"><span className="sr-only">操作</span></th>
          </tr>
        </thead>
        <tbody>
          {links.map((l) => (
            <tr key={l.id} className="border-t border-slate-100">
              <td className="px-3 py-2 font-medium">{l.label}</td>
              <td className="px-3 py-2">{l.county}</td>
              <td className="px-3 py-2 num">
                {when(l.createdAt, "—")}
                {l.createdBy && <span className="ml-1 text-slate-500">{l.createdBy}</span>}
              </td>
              <td className="px-3 py-2 num">{when(l.expiresAt, "长期有效")}</td>
              <td className="px-3 py-2 num">{when(l.lastSeenAt, "从未使用")}</td>
              <td className="px-3 py-2">
                <span className={`rounded px-2 py-0.5 text-xs font-medium ${STATUS_CLASS[l.status]}`}>
                  {KIOSK_STATUS_LABELS[l.status]}
                  {l.status === "revoked" && l.revokedAt ? `（${dateTime.format(l.revokedAt)}）` : ""}
                </span>
              </td>
              <td className="px-3 py-2 text-right">{l.status === "active" && <KioskRevokeButton id={l.id} label={l.label} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
