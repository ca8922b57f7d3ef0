import { describe, expect, it } from "vitest";
import {
  enterpriseOutputTier,
  isTaxOverMillion,
  OUTPUT_TIER_LABELS,
  PROJECT_BUCKET_LABELS,
  projectBucket,
} from "@/lib/stats";

describe("enterpriseOutputTier (产值档次, 万元)", () => {
  it.each([
    [25000, "over100m"],
    [10000, "over100m"],
    [9999.99, "over50m"],
    [5000, "over50m"],
    ["4999.9999", "over20m"],
    [2000, "over20m"],
    [1999.99, null],
    [0, null],
    [null, null],
  ])("%j万元 → %j", (output, expected) => {
    expect(enterpriseOutputTier(output)).toBe(expected);
  });

  it("has a Chinese label for every tier", () => {
    expect(OUTPUT_TIER_LABELS.over100m).toBe("产值超亿元");
    expect(OUTPUT_TIER_LABELS.over50m).toBe("产值5000万–1亿元");
    expect(OUTPUT_TIER_LABELS.over20m).toBe("产值2000万–5000万元");
  });
});

describe("isTaxOverMillion (税收过百万)", () => {
  it.each([
    [100, true],
    ["100.00", true],
    [99.99, false],
    [null, false],
  ])("%j万元 → %j", (tax, expected) => {
    expect(isTaxOverMillion(tax)).toBe(expected);
  });
});

describe("projectBucket (项目投资规模, 万元)", () => {
  it.each([
    [100000, "ge1b"],
    [99999.99, "ge100m"],
    [10000, "ge100m"],
    [9999, "50m_100m"],
    [5000, "50m_100m"],
    [4999, "10m_50m"],
    [1000, "10m_50m"],
    [999.99, "lt10m"],
    [0, "lt10m"],
    [-1, null],
    [undefined, null],
  ])("%j万元 → %j", (total, expected) => {
    expect(projectBucket(total)).toBe(expected);
  });

  it("labels every bucket in Chinese", () => {
    expect(PROJECT_BUCKET_LABELS).toEqual({
      ge1b: "10亿元以上",
      ge100m: "1亿–10亿元",
      "50m_100m": "5000万–1亿元",
      "10m_50m": "1000万–5000万元",
      lt10m: "1000万元以下",
    });
  });
});
