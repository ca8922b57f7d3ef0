import "server-only";
// What the city's table says for a county with town detail (CityTableFigure, rule 2 of decision 016)
// beside the county's own total — shown to the county (its 全市位次 panel) and the city, never counted.
import Decimal from "decimal.js";
import { getPrisma } from "@/lib/db/client";
import type { Period } from "@/lib/stats";
import type { PeerStanding } from "./standing";

export type CityTableCheck = { code: string; name: string; unit: string; precision: number; own: string | null; table: string; differs: boolean; source: string };

/** The county's table figures for the period, each against its own total in `standing` (the city overview's cell). */
export async function getCityTableCheck(countyCode: string, period: Period, standing: PeerStanding | null): Promise<CityTableCheck[]> {
  const rows = await getPrisma().cityTableFigure.findMany({
    where: { region: { code: countyCode }, year: period.year, month: period.month, indicator: { active: true } },
    select: { value: true, source: true, indicator: { select: { code: true, name: true, unit: true, precision: true, sortOrder: true } } },
    orderBy: { indicator: { sortOrder: "asc" } },
  });
  return rows.map((r) => {
    const own = standing?.indicators.find((i) => i.indicator.code === r.indicator.code)?.cell.value ?? null;
    const table = r.value.toString();
    return { code: r.indicator.code, name: r.indicator.name, unit: r.indicator.unit, precision: r.indicator.precision, own, table, differs: own === null || !new Decimal(own).eq(table), source: r.source };
  });
}
