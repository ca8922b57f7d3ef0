import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { openApiDocument } from "@/lib/api/openapi";

export const metadata: Metadata = { title: "数据接口" };

type Operation = { summary: string; parameters?: { name: string; required: boolean; description?: string }[] };

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
              <span className="mr-2 rounded bg-emerald-100 px-1.5 py-0.5 font-semibold text-emerald-800">{method.toUpperCase()}</span>
              {path}
            </h2>
            <p className="mt-1 text-sm text-slate-700">{op.summary}</p>
            {op.parameters && op.parameters.length > 0 && (
              <table className="mt-3 text-sm">
                <thead>
                  <tr className="text-left text-slate-500">
                    <th className="pr-6 font-medium">参数</th>
                    <th className="pr-6 font-medium">必填</th>
                    <th className="font-medium">说明</th>
                  </tr>
                </thead>
                <tbody>
                  {op.parameters.map((p) => (
                    <tr key={p.name}>
                      <td className="pr-6 font-mono">{p.name}</td>
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
        <p className="mt-2 text-slate-700">400 参数错误 · 401 未登录 · 403 无权访问 · 404 地区或指标不存在</p>
      </section>
    </article>
  );
}
