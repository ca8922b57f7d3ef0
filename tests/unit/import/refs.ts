// Reference data for parse tests, without a database.
import { INDICATORS } from "@/lib/indicators/catalog";
import { makeCreditCode } from "@/lib/demo/factories";
import type { IndicatorRef } from "@/lib/import/columns";
import type { Refs } from "@/lib/import/refs";

export const CODES = Array.from({ length: 5 }, (_, i) => makeCreditCode("321281", i + 1));

export const INDICATOR_REFS: IndicatorRef[] = INDICATORS.map((d, i) => ({
  id: i + 1, code: d.code, name: d.name, unit: d.unit, kind: d.kind, precision: d.precision,
  allowNegative: d.allowNegative ?? false, integerOnly: d.integerOnly ?? false, onTownForm: true, onEnterpriseForm: d.onEnterpriseForm ?? false,
}));

export function testRefs(over: Partial<Refs> = {}): Refs {
  return {
    county: { id: 1, code: "321281000000", name: "兴化市" },
    towns: [
      { id: 2, code: "321281100000", name: "戴南镇" },
      { id: 3, code: "321281101000", name: "张郭镇" },
      { id: 4, code: "321281001000", name: "昭阳街道" },
    ],
    indicators: INDICATOR_REFS,
    parks: [{ id: 1, name: "戴南不锈钢产业园", townId: 2 }],
    enterprises: new Map(CODES.map((c, i) => [c, { id: 100 + i, townId: 2, name: `企业${i + 1}` }])),
    defaultPeriod: { year: 2024, month: 8 },
    onlyTownId: null,
    ...over,
  };
}
