import Link from "next/link";
import type { EnterpriseFilters } from "@/lib/enterprises/filters";
import { SORT_LABELS } from "@/lib/enterprises/filters";
import { industryLabel } from "@/lib/enterprises/industries";
import type { EnterpriseListRow } from "@/lib/enterprises/list";
import { enterpriseOutputTier, formatPeriodRange, formatWan, MISSING, OUTPUT_TIER_LABELS, type Period } from "@/lib/stats";
import { ExportLinks } from "./export-links";
import { FilterForm } from "./filter-form";
import { Pagination } from "./pagination";
import { hrefWith } from "./query";

type Props = {
  filters: EnterpriseFilters;
  period: Period | null;
  list: { rows: EnterpriseListRow[]; total: number; page: number; pageCount: number };
  facets: { parks: { id: number; name: string }[]; industries: string[] };
  towns: { code: string; name: string }[];
  canEdit: boolean;
};

export function EnterpriseList({ filters: f, period, list, facets, towns, canEdit }: Props) {
  const periodKey = period ? `${period.year}-${String(period.month).padStart(2, "0")}` : undefined;
  const query = { q: f.q, tier: f.tier, town: f.town, park: f.park, industry: f.industry, scale: f.scale, sort: f.sort === "output_desc" ? undefined : f.sort, period: periodKey };
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">企业名录 <span className="text-lg font-normal text-slate-600">{period ? `${formatPeriodRange(period.year, period.month)}产值` : ""}</span></h1>
        <div className="flex gap-2">
          {canEdit && <Link href="/enterprises/new" className="rounded bg-brand-700 px-3 py-1 text-sm text-white hover:bg-brand-600">新增企业</Link>}
          <ExportLinks table="enterprises" query={{ ...query, sort: f.sort }} />
        </div>
      </div>
      <FilterForm
        action="/enterprises"
        hidden={{ period: periodKey }}
        fields={[
          { kind: "search", name: "q", label: "企业名称或信用代码", value: f.q, placeholder: "输入关键字" },
          { kind: "select", name: "tier", label: "产值档次", value: f.tier, options: Object.entries(OUTPUT_TIER_LABELS).map(([value, label]) => ({ value, label })) },
          { kind: "select", name: "town", label: "乡镇", value: f.town, options: towns.map((t) => ({ value: t.code, label: t.name })) },
          { kind: "select", name: "park", label: "园区", value: f.park, options: facets.parks.map((p) => ({ value: p.id, label: p.name })) },
          { kind: "select", name: "industry", label: "行业", value: f.industry, options: facets.industries.map((d) => ({ value: d, label: industryLabel(d) })) },
          { kind: "select", name: "scale", label: "规模", value: f.scale, options: [{ value: "above", label: "规上" }, { value: "below", label: "规下" }] },
          { kind: "select", name: "sort", label: "排序", value: f.sort, any: SORT_LABELS.output_desc, options: (["output_asc", "name"] as const).map((s) => ({ value: s, label: SORT_LABELS[s] })) },
        ]}
      />
      {list.total === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-slate-600">没有符合条件的企业。</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
          <table className="min-w-full text-sm" data-testid="enterprise-table">
            <caption className="sr-only">企业名录（金额单位：万元）</caption>
            <thead className="bg-slate-100 text-slate-700">
              <tr>
                <th scope="col" className="px-2 py-2 text-left font-medium">企业名称</th>
                <th scope="col" className="px-2 py-2 text-left font-medium">乡镇</th>
                <th scope="col" className="px-2 py-2 text-left font-medium">园区</th>
                <th scope="col" className="px-2 py-2 text-left font-medium">行业</th>
                <th scope="col" className="px-2 py-2 text-center font-medium">规上</th>
                <th scope="col" className="px-2 py-2 text-right font-medium">
                  <Link href={hrefWith("/enterprises", query, { sort: f.sort === "output_desc" ? "output_asc" : undefined, page: undefined })} className="hover:text-brand-700">工业总产值（万元）{f.sort === "output_desc" ? "↓" : f.sort === "output_asc" ? "↑" : ""}</Link>
                </th>
                <th scope="col" className="px-2 py-2 text-right font-medium">销售收入（万元）</th>
                <th scope="col" className="px-2 py-2 text-right font-medium">入库税金（万元）</th>
                <th scope="col" className="px-2 py-2 text-left font-medium">产值档次</th>
              </tr>
            </thead>
            <tbody>
              {list.rows.map((r) => {
                const tier = enterpriseOutputTier(r.output);
                return (
                  <tr key={r.id} className="border-t border-slate-100 hover:bg-slate-50">
                    <td className="px-2 py-1.5">
                      <Link href={hrefWith(`/enterprises/${r.id}`, { period: periodKey })} className="text-brand-700 hover:underline">{r.name}</Link>
                      <div className="text-xs text-slate-600 num">{r.creditCode}</div>
                    </td>
                    <td className="px-2 py-1.5 whitespace-nowrap">{r.townName}</td>
                    <td className="px-2 py-1.5">{r.parkName ?? MISSING}</td>
                    <td className="px-2 py-1.5 text-xs">{industryLabel(r.industryCode.slice(0, 3))}</td>
                    <td className="px-2 py-1.5 text-center">{r.aboveScale ? "是" : "否"}</td>
                    <td className="px-2 py-1.5 text-right num">{formatWan(r.output)}</td>
                    <td className="px-2 py-1.5 text-right num">{formatWan(r.sales)}</td>
                    <td className="px-2 py-1.5 text-right num">{formatWan(r.tax)}</td>
                    <td className="px-2 py-1.5 text-xs whitespace-nowrap">{tier ? OUTPUT_TIER_LABELS[tier] : MISSING}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <Pagination path="/enterprises" query={query} page={list.page} pageCount={list.pageCount} total={list.total} />
    </div>
  );
}
