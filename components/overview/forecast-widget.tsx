// 预计全年 on the overview: the region's sentence, a 预计全年 column (range) per child, and the panel of
// children forecast to miss their plan (with the gap and what each month left must bring) or to beat it.
import Link from "next/link";
import { ScrollTable } from "@/components/ui/scroll-table";
import type { ForecastReport, RegionForecast } from "@/lib/forecast/assemble";
import { forecastSentence, presentForecast } from "@/lib/present/forecast";
import { presentValue } from "@/lib/present/figure";
import { formatNumber, FORECAST_REASONS } from "@/lib/stats";

type Props = { forecast: Promise<ForecastReport | null>; childLabel: string; townHref: (code: string) => string };

function RiskItem({ f, report, tone }: { f: RegionForecast; report: ForecastReport; tone: "risk" | "ahead" }) {
  const t = presentForecast(f, report.indicator);
  return (
    <li className="py-2">
      <p className="flex items-baseline justify-between gap-2">
        <span className="font-medium">{f.region.name}</span>
        <span className={`num font-semibold ${tone === "risk" ? "text-emerald-700" : "text-red-700"}`}>预计完成 {t.completion}</span>
      </p>
      <p className="text-xs text-slate-600">
        {t.gap}
        {tone === "risk" && t.need !== "—" ? `；${t.need}` : ""}
      </p>
    </li>
  );
}

export async function ForecastWidget({ forecast, childLabel, townHref }: Props) {
  const report = await forecast;
  if (!report) return null;
  const ind = report.indicator;
  const sentence = forecastSentence(report.total, ind);
  const threshold = formatNumber(report.threshold, 0);
  return (
    <section aria-labelledby="forecast-title" className="space-y-3" data-testid="forecast-widget">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="forecast-title" className="text-lg font-semibold">{ind.name}预计全年</h2>
        <p className="text-sm text-slate-600" data-testid="forecast-sentence">
          {sentence ?? `预计全年：${report.total.reason ?? FORECAST_REASONS.noValue}`}
        </p>
      </div>
      {ind.kind === "STOCK" ? (
        <p className="rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-600">{FORECAST_REASONS.stock}</p>
      ) : (
        <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
          <div className="lg:col-span-2">
            <ScrollTable label={`分${childLabel}${ind.name}预计全年`}>
              <table className="w-full text-sm" data-testid="forecast-table">
                <thead>
                  <tr className="border-b border-slate-200 text-right text-slate-600">
                    <th className="py-2 text-left font-medium">{childLabel}</th>
                    <th className="py-2 font-medium">累计（{ind.unit}）</th>
                    <th className="py-2 font-medium">预计全年（{ind.unit}）</th>
                    <th className="py-2 font-medium">预计完成年计划</th>
                    <th className="py-2 pl-3 text-left font-medium">测算依据 / 说明</th>
                  </tr>
                </thead>
                <tbody>
                  {[...report.children, { ...report.total, region: { ...report.total.region, name: "合计" } }].map((f, i) => {
                    const t = presentForecast(f, ind);
                    const total = i === report.children.length;
                    return (
                      <tr key={f.region.code + (total ? "-total" : "")} className={`border-b border-slate-100 text-right ${total ? "font-semibold" : ""}`} data-testid={total ? "forecast-total" : "forecast-row"}>
                        <td className="py-1.5 text-left">{total ? f.region.name : <Link href={townHref(f.region.code)} className="text-brand-700 hover:underline">{f.region.name}</Link>}</td>
                        <td className="num">{presentValue(f.ytd, ind).text}</td>
                        <td className="num whitespace-nowrap">{t.range}</td>
                        <td className="num whitespace-nowrap">{t.completion}</td>
                        <td className="pl-3 text-left text-xs text-slate-600">{t.reason && t.range === "—" ? t.reason : [t.basis, t.reason].filter(Boolean).join("；")}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </ScrollTable>
            <p className="mt-1 text-xs text-slate-600">
              注：预计全年 = 1–N月累计 ÷ 历年同期进度（往年1–N月累计占全年比重的中位数，最多取最近5年）；区间按往年中最快和最慢的进度测算；历年数据不足两年时用上级地区的进度，再不足时按时序进度。
            </p>
          </div>
          <div className="space-y-4 rounded-lg border border-slate-200 bg-white p-4" data-testid="forecast-risk">
            <div>
              <h3 className="text-sm font-semibold text-slate-800">预计难以完成年计划（低于{threshold}%）</h3>
              {report.atRisk.length === 0 ? (
                <p className="py-2 text-sm text-slate-600">无</p>
              ) : (
                <ul className="divide-y divide-slate-100 text-sm" data-testid="forecast-at-risk">
                  {report.atRisk.map((f) => <RiskItem key={f.region.code} f={f} report={report} tone="risk" />)}
                </ul>
              )}
            </div>
            <div>
              <h3 className="text-sm font-semibold text-slate-800">预计超额完成年计划</h3>
              {report.ahead.length === 0 ? (
                <p className="py-2 text-sm text-slate-600">无</p>
              ) : (
                <ul className="divide-y divide-slate-100 text-sm" data-testid="forecast-ahead">
                  {report.ahead.map((f) => <RiskItem key={f.region.code} f={f} report={report} tone="ahead" />)}
                </ul>
              )}
            </div>
          </div>
        </div>
      )}
    </section>
  );
}
