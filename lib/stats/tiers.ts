import { toDecimal, type Num } from "./decimal";

/*
 * Tiers and buckets users count (DOMAIN.md). Amounts are in 万元; each value falls in exactly
 * one bucket, the highest whose lower bound (inclusive) it reaches.
 */

export type OutputTier = "over100m" | "over50m" | "over20m";

export const OUTPUT_TIER_LABELS: Readonly<Record<OutputTier, string>> = {
  over100m: "产值超亿元",
  over50m: "产值5000万–1亿元",
  over20m: "产值2000万–5000万元",
};

const OUTPUT_TIERS: readonly [OutputTier, number][] = [
  ["over100m", 10000],
  ["over50m", 5000],
  ["over20m", 2000],
];

/** An enterprise's output tier; null below 2,000万元 or when output is missing. */
export function enterpriseOutputTier(outputWan: Num): OutputTier | null {
  const output = toDecimal(outputWan);
  if (output === null) return null;
  return OUTPUT_TIERS.find(([, floor]) => output.gte(floor))?.[0] ?? null;
}

/** 税收过百万: tax ≥ 100万元. Missing tax is not over a million. */
export function isTaxOverMillion(taxWan: Num): boolean {
  const tax = toDecimal(taxWan);
  return tax !== null && tax.gte(100);
}

export type ProjectBucket = "ge1b" | "ge100m" | "50m_100m" | "10m_50m" | "lt10m";

export const PROJECT_BUCKET_LABELS: Readonly<Record<ProjectBucket, string>> = {
  ge1b: "10亿元以上",
  ge100m: "1亿–10亿元",
  "50m_100m": "5000万–1亿元",
  "10m_50m": "1000万–5000万元",
  lt10m: "1000万元以下",
};

const PROJECT_BUCKETS: readonly [ProjectBucket, number][] = [
  ["ge1b", 100000],
  ["ge100m", 10000],
  ["50m_100m", 5000],
  ["10m_50m", 1000],
  ["lt10m", 0],
];

/**
 * A project's bucket by total planned investment. Null when missing or negative: a negative
 * planned investment is a data error for the checks to report, not a "small project".
 */
export function projectBucket(totalInvestmentWan: Num): ProjectBucket | null {
  const total = toDecimal(totalInvestmentWan);
  if (total === null) return null;
  return PROJECT_BUCKETS.find(([, floor]) => total.gte(floor))?.[0] ?? null;
}
