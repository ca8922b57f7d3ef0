import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CityGridForm } from "@/components/city/city-grid";
import { CityImportForm } from "@/components/city/city-import";
import { EmptyState } from "@/components/ui/empty-state";
import { requireUser } from "@/lib/auth/session";
import { getCityGrid, gridCity } from "@/lib/peers/grid";
import { defaultPeriod } from "@/lib/reports/default-period";
import { chinaMonth, formatPeriodKey, formatPeriodRange, invalidPeriodText, parsePeriod, previousPeriod } from "@/lib/stats";

export const metadata: Metadata = { title: "全市分县数据" };

/** The city's table of counties for a month: typed here or imported (city reviewers only). */
export default async function CityFiguresPage({ searchParams }: { searchParams: Promise<{ period?: string }> }) {
  const user = await requireUser();
  const city = await gridCity(user).catch(() => null);
  if (!city) notFound();
  const { period: key } = await searchParams;
  // Without ?period=: the month the header's picker shows (the city's default), else the newest closed month.
  const period = key ? parsePeriod(key) : ((await defaultPeriod(city.id)) ?? previousPeriod(chinaMonth(new Date())));
  if (!period) return <EmptyState title="统计期不正确" detail={invalidPeriodText(key ?? "")} />;
  const grid = await getCityGrid(user, period);
  const periodKey = formatPeriodKey(period);
  const prev = previousPeriod(period);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">
          {grid.city.name}分县（市、区）数据 <span className="text-lg font-normal text-slate-600">{formatPeriodRange(period.year, period.month)}</span>
        </h1>
        <nav aria-label="统计期" className="flex gap-3 text-sm">
          {prev && <Link className="text-brand-700 hover:underline" href={`/city/figures?period=${formatPeriodKey(prev)}`}>上一期</Link>}
          <Link className="text-brand-700 hover:underline" href={`/city/figures?period=${formatPeriodKey(previousPeriod(chinaMonth(new Date())))}`}>最新月份</Link>
        </nav>
      </div>
      {/* The key makes the form start from the stored figures again after a period change. */}
      <CityGridForm key={periodKey} grid={grid} periodKey={periodKey} />
      <section aria-labelledby="city-import-title" className="space-y-2">
        <h2 id="city-import-title" className="text-lg font-semibold">导入全市分县表</h2>
        <CityImportForm periodKey={periodKey} />
      </section>
    </div>
  );
}
