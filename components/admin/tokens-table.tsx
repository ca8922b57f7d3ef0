// API tokens of the admin's users: prefix, owner, scope, last use; revoke.
import { TOKEN_STATUS_LABELS, type TokenRow, type TokenStatus } from "@/lib/tokens/queries";
import { formatDate, formatDateTime } from "./format";
import { TokenRevoke } from "./token-revoke";

const HEADERS = ["名称", "令牌前缀", "所属用户", "范围", "权限", "到期", "最近使用", "创建时间", "状态", "操作"];

const STATUS_STYLE: Record<TokenStatus, string> = {
  active: "bg-emerald-100 text-emerald-900",
  expired: "bg-amber-100 text-amber-900",
  revoked: "bg-slate-200 text-slate-700",
};

export function TokensTable({ tokens }: { tokens: TokenRow[] }) {
  if (tokens.length === 0) {
    return <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-sm text-slate-600">还没有 API 令牌。</p>;
  }
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="w-full text-sm" data-testid="tokens-table">
        <caption className="sr-only">API 令牌列表</caption>
        <thead className="bg-slate-50 text-slate-600">
          <tr>
            {HEADERS.map((h) => (
              <th key={h} scope="col" className={`px-3 py-2 font-medium whitespace-nowrap ${h === "操作" ? "text-right" : "text-left"}`}>{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {tokens.map((t) => (
            <tr key={t.id} className={`border-t border-slate-100 ${t.status === "active" ? "" : "text-slate-500"}`} data-testid={`token-${t.id}`}>
              <th scope="row" className="px-3 py-2 text-left font-normal">{t.name}</th>
              <td className="px-3 py-2 font-mono whitespace-nowrap">{t.prefix}…</td>
              <td className="px-3 py-2">
                {t.owner}
                {t.ownerDisabled && <span className="ml-1 text-xs text-red-700">（已停用）</span>}
              </td>
              <td className="px-3 py-2 whitespace-nowrap">{t.regionName ?? "同所属用户"}</td>
              <td className="px-3 py-2 whitespace-nowrap">{t.readOnly ? "只读" : "读写"}</td>
              <td className="px-3 py-2 whitespace-nowrap num">{t.expiresAt ? formatDate(t.expiresAt) : "不过期"}</td>
              <td className="px-3 py-2 whitespace-nowrap num">{t.lastUsedAt ? formatDateTime(t.lastUsedAt) : "从未使用"}</td>
              <td className="px-3 py-2 whitespace-nowrap num">{formatDateTime(t.createdAt)}</td>
              <td className="px-3 py-2 whitespace-nowrap">
                <span className={`rounded px-1.5 py-0.5 text-xs ${STATUS_STYLE[t.status]}`}>{TOKEN_STATUS_LABELS[t.status]}</span>
              </td>
              <td className="px-3 py-2 text-right">{t.status === "active" && <TokenRevoke id={t.id} name={t.name} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
