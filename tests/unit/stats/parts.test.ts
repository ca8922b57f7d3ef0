import type Decimal from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { contributionPercent, pullPoints, roundHalfUp, sharePercent, yoyPercent } from "@/lib/stats";
import { Exact } from "./arbitraries";

const sum = (xs: readonly Decimal.Value[]) => xs.reduce<Decimal>((a, x) => a.plus(x), new Exact(0));

describe("sharePercent (占比)", () => {
  it("is part / whole × 100", () => {
    expect(sharePercent(2500, 10000)?.toString()).toBe("25");
    expect(sharePercent("1", "3")?.toFixed(1)).toBe("33.3");
  });

  it.each([
    [5, 0],
    [5, null],
    [null, 10],
  ])("has no value for part %j of %j", (part, whole) => {
    expect(sharePercent(part, whole)).toBeNull();
  });

  it("children's shares sum to exactly 100 when the quotients terminate", () => {
    // Pad the children with one more so the total is a power of ten: every share is then a
    // terminating decimal and nothing may be lost.
    const children = fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(children, (parts) => {
        const subtotal = parts.reduce((a, b) => a + b, 0);
        const whole = 10 ** String(subtotal).length;
        const all = [...parts, whole - subtotal];
        const shares = all.map((p) => sharePercent(p, whole)!);
        expect(sum(shares).toString()).toBe("100");
      }),
    );
  });

  it("children's shares sum to 100 up to decimal precision, and within 0.05×n after rounding", () => {
    const children = fc.array(
      fc.oneof(fc.integer({ min: 1, max: 10_000_000 }), fc.double({ min: 0.01, max: 1e7, noNaN: true })),
      { minLength: 1, maxLength: 40 },
    );
    fc.assert(
      fc.property(children, (parts) => {
        const whole = sum(parts.map(String));
        const shares = parts.map((p) => sharePercent(p, whole.toString())!);
        // Each quotient is rounded at 50 significant digits (< 1e-47 for a share ≤ 100).
        expect(sum(shares).minus(100).abs().lte(new Exact("1e-47").times(parts.length))).toBe(true);
        const rounded = sum(shares.map((s) => roundHalfUp(s, 1)!));
        expect(rounded.minus(100).abs().lte(new Exact(0.05).times(parts.length))).toBe(true);
      }),
    );
  });
});

describe("contributionPercent (贡献率)", () => {
  it("is region increase / parent increase × 100", () => {
    expect(contributionPercent(300, 1200)?.toString()).toBe("25");
    expect(contributionPercent(-300, 1200)?.toString()).toBe("-25");
  });

  it("has no value when the parent did not change", () => {
    expect(contributionPercent(300, 0)).toBeNull();
    expect(contributionPercent(300, null)).toBeNull();
  });

  it("contributions of all regions sum to 100 (exactly when the parent increase is a power of ten)", () => {
    const increases = fc.array(fc.integer({ min: -100_000, max: 100_000 }), { minLength: 1, maxLength: 20 });
    fc.assert(
      fc.property(increases, fc.integer({ min: 0, max: 8 }), (parts, k) => {
        const balancing = 10 ** k - parts.reduce((a, b) => a + b, 0);
        const all = [...parts, balancing];
        const total = sum(all);
        expect(total.toString()).toBe(String(10 ** k));
        expect(sum(all.map((p) => contributionPercent(p, total.toString())!)).toString()).toBe("100");
      }),
    );
  });
});

describe("pullPoints (拉动)", () => {
  it("is region increase / parent base × 100", () => {
    expect(pullPoints(500, 10000)?.toString()).toBe("5");
    expect(pullPoints(-200, 10000)?.toString()).toBe("-2");
  });

  it.each([0, -10000, null])("has no value on parent base %j", (base) => {
    expect(pullPoints(500, base)).toBeNull();
  });

  it("the regions' pulls add up to the parent's YoY growth", () => {
    const region = fc.record({
      base: fc.integer({ min: 1, max: 1_000_000 }),
      current: fc.integer({ min: 0, max: 2_000_000 }),
    });
    fc.assert(
      fc.property(fc.array(region, { minLength: 1, maxLength: 30 }), (regions) => {
        const parentBase = sum(regions.map((r) => r.base));
        const parentCurrent = sum(regions.map((r) => r.current));
        const pulls = regions.map((r) => pullPoints(r.current - r.base, parentBase.toString())!);
        const parentYoy = yoyPercent(parentCurrent.toString(), parentBase.toString())!;
        // Each quotient carries a relative rounding error below 1e-49 (50 significant digits).
        const tolerance = sum(pulls.map((p) => p.abs())).plus(parentYoy.abs()).times("1e-49");
        expect(sum(pulls).minus(parentYoy).abs().lte(tolerance)).toBe(true);
      }),
    );
  });
});
