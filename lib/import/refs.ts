// Reference data a parse needs (towns, indicators, parks, enterprises), fetched once per import.
import type { Period } from "@/lib/stats";
import type { IndicatorRef } from "./columns";

export type TownRef = { id: number; code: string; name: string };
export type Refs = {
  county: TownRef;
  towns: TownRef[];
  indicators: IndicatorRef[];
  parks: { id: number; name: string; townId: number }[];
  /** By credit code; loaded for the kinds that refer to enterprises. */
  enterprises: Map<string, { id: number; townId: number; name: string }>;
  /** The period (monthly kinds) or year (plans) chosen in the upload form, used when the file has no period column. */
  defaultPeriod: Period | null;
  /** A reporter's own town; null for the county's reviewers (every town). */
  onlyTownId: number | null;
  /**
   * Set when the scope is a city and its "towns" are its counties (the city's table of counties,
   * lib/import/city.ts): `detailed` are the counties with town detail, whose rows are only kept for the
   * cross-check (CityTableFigure), never written as figures (docs/decisions/016).
   */
  peers?: { detailed: ReadonlySet<number> };
};

const SUFFIX = /(镇|乡|街道|街道办事处|开发区|园区)$/;
/** A county is named with or without its 县/市/区 ("泰兴" finds 泰兴市), in a city's table only. */
const COUNTY_SUFFIX = /(县|市|区|自治县)$/;

/** Finds a town by 统计用区划代码 or name; "戴南" finds 戴南镇, "戴南镇人民政府" does not. */
export function townResolver(refs: Pick<Refs, "towns" | "county" | "peers">) {
  const suffix = refs.peers ? COUNTY_SUFFIX : SUFFIX;
  const byKey = new Map<string, TownRef>();
  for (const t of refs.towns) {
    byKey.set(t.code, t);
    byKey.set(t.name, t);
    const short = t.name.replace(suffix, "");
    if (!refs.peers || short.length >= 2) byKey.set(short, t);
  }
  return (raw: string): TownRef | null => {
    const t = raw.normalize("NFKC").replace(/\s/g, "");
    return byKey.get(t) ?? byKey.get(t.replace(suffix, "")) ?? null;
  };
}

export function parkResolver(refs: Pick<Refs, "parks">) {
  const byName = new Map(refs.parks.map((p) => [p.name.replace(/\s/g, ""), p]));
  return (raw: string) => byName.get(raw.replace(/\s/g, "")) ?? null;
}
