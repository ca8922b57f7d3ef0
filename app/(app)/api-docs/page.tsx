import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { openApiDocument } from "@/lib/api/openapi";

export const metadata: Metadata = { title: "数据接口" };

type Operation = { summary: string; parameters?: { name: string; in: string; required: boolean; description?: string }[]; responses: Record<string, unknown> };

const METHOD_STYLES: Record<string, string> = {
  get: "bg-emerald-100 text-emerald-800",
  post: "bg-amber-100 text-amber-800",
  put: "bg-sky-100 text-sky-800",
  patch: "bg-sky-100 text-sky-800",
  delete: "bg-rose-100 text-rose-800",
};

export default async function ApiDocsPage() {
  await requireUser();
  const doc = openApiDocument();
  return (
    <article className="space-y-6">
      <header>
        <h1 className="text-2xl font-semibold">{doc.info.title} <span className="text-base font-normal text-slate-500">v{doc.info.version}</span></h1>
        <p className="mt-2 max-w-3xl text-sm text-slate-700">{doc.info.description}</p>
        <p className="mt-2 text-sm">
          机器可读的 OpenAPI 3.1 文档：<a href="/api/v1/openapi.json" className="text-brand-700 underline">/api/v1/openapi.json</a>
        </p>
      </header>
      {Object.entries(doc.paths).map(([path, methods]) =>
        Object.entries(methods as Record<string, Operation>).map(([method, op]) => (
          <section key={path + method} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
            <h2 className="font-mono text-sm">
              <span className={`mr-2 rounded px-1.5 py-0.5 font-semibold ${METHOD_STYLES[method] ?? "bg-slate-100 text-slate-800"}`}>{method.toUpperCase()}</span>
              {path}
            </h2>
            <p className="mt-1 text-sm text-slate-700">{op.summary}</p>
            <p className="mt-1 text-xs text-slate-500">回应：{Object.keys(op.responses).join(" · ")}</p>
            {op.parameters && op.parameters.length > 0 && (
              <table className="mt-3 text-sm">
                <thead>
                  <tr className="text-left text-slate-500">
                    <th className="pr-6 font-medium">参数</th>
                    <th className="pr-6 font-medium">位置</th>
                    <th className="pr-6 font-medium">必填</th>
                    <th className="font-medium">说明</th>
                  </tr>
                </thead>
                <tbody>
                  {op.parameters.map((p) => (
                    <tr key={p.name}>
                      <td className="pr-6 font-mono">{p.name}</td>
                      <td className="pr-6">{p.in === "path" ? "路径" : "查询"}</td>
                      <td className="pr-6">{p.required ? "是" : "否"}</td>
                      <td>{p.description ?? ""}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        )),
      )}
      <section className="rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm">
        <h2 className="font-semibold">错误格式</h2>
        <pre className="mt-2 overflow-x-auto rounded bg-slate-900 p-3 text-slate-100">{`{ "error": { "code": "bad_request", "message": "统计期应为 YYYY-MM 格式，例如 2024-07" } }`}</pre>
        <p className="mt-2 text-slate-700">
          400 参数错误 · 401 未登录或令牌无效 · 403 无权限（或 Cookie 认证的写请求不是来自本系统页面）· 404 不存在 · 409 版本冲突（details 含对方已保存的版本与数据）· 413 请求体过大 · 415 内容类型不对 · 422 审核未通过或导入被拒 · 503 数据库暂时不可用（按 Retry-After 重试）
        </p>
        <p className="mt-2 text-slate-700">写操作：用会话 Cookie 时须由本系统页面发出（同源）；用 Bearer 令牌时不检查来源，只读令牌不能写。各接口的请求体与回应格式见 OpenAPI 文档。</p>
      </section>
    </article>
  );
}
