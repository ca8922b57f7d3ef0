export type { Cell } from "@/lib/overview/compute";
export type OverviewIndicatorLite = { code: string; name: string; unit: string; kind: "FLOW" | "STOCK"; precision: number; percentPrecision: number };
