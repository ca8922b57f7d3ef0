import Decimal from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeIndicatorCells, type ChildFigures } from "@/lib/overview/compute";
import * as stats from "@/lib/stats";
import * as fast from "@/lib/stats/fast";

const d = (x: string | null) => (x === null ? null : new Decimal(x));
function child(value: string | null, base: string | null, extra: Partial<Record<keyof ChildFigures, string | null>> = {}): ChildFigures {
  return {
    value: d(value),
    base: d(base),
    comparableBase: d(extra.comparableBase ?? null),
    plan: d(extra.plan ?? null),
    previousValue: d(extra.previousValue ?? null),
    previousBase: d(extra.previousBase ?? null),
    previousComparableBase: d(extra.previousComparableBase ?? null),
  };
}

const flow = { code: "gross_output", kind: "FLOW" as const };

describe("computeIndicatorCells", () => {

  it("sums children exactly and derives growth, share, contribution and pull", () => {
    const { cells, total } = computeIndicatorCells(flow, 7, [child("0.1", "0.05"), child("0.2", "0.25")], null);
    expect(total.value).toBe("0.3"); // not 0.30000000000000004
    expect(total.base).toBe("0.3");
    expect(total.yoyPercent).toBe(0);
    expect(cells[0].yoyPercent).toBe(100);
    expect(cells[1].yoyPercent).toBe(-20);
    expect(cells[0].sharePercent).toBeCloseTo(33.3333333, 6);
    expect(cells[0].increase).toBe("0.05");
    // The parent did not grow: contribution is undefined (no value), pull is a share of last year's total.
    expect(cells[0].contributionPercent).toBeNull();
    expect(cells[0].pullPoints).toBeCloseTo(16.6666667, 6);
  });

  it("gives a negative base words instead of a percentage, and a missing base no growth rank", () => {
    const { cells } = computeIndicatorCells(
      { code: "profit", kind: "FLOW" },
      7,
      [child("120", "-80"), child("-30", "-50"), child("500", "400"), child("90", null)],
      null,
    );
    expect(cells[0].yoyPercent).toBeNull();
    expect(cells[0].lossChange).toBe("扭亏为盈");
    expect(cells[1].lossChange).toBe("减亏");
    expect(cells[2].yoyPercent).toBe(25);
    expect(cells[2].growthRank).toBe(1);
    expect(cells[3].yoyPercent).toBeNull();
    expect(cells[3].growthRank).toBeNull();
    expect(cells.map((c) => c.rank)).toEqual([2, 4, 1, 3]);
  });

  it("ranks ties by competition and reports the change since last month", () => {
    const { cells } = computeIndicatorCells(flow, 3, [
      child("100", "90", { previousValue: "60" }),
      child("100", "80", { previousValue: "70" }),
      child("50", "40", { previousValue: "80" }),
    ], null);
    expect(cells.map((c) => c.rank)).toEqual([1, 1, 3]);
    // last month: 3rd, 2nd, 1st
    expect(cells.map((c) => c.rankChange)).toEqual([2, 1, -2]);
  });

  it("uses the comparable (同口径) base where enterprise figures exist and says so", () => {
    const { cells, total } = computeIndicatorCells(flow, 7, [child("120", "100", { comparableBase: "110" }), child("60", "50")], null);
    expect(cells[0].base).toBe("110");
    expect(cells[0].baseKind).toBe("comparable");
    expect(cells[0].yoyPercent).toBeCloseTo(9.0909091, 6);
    expect(cells[1].baseKind).toBe("reported");
    expect(total.base).toBe("160");
  });

  it("computes plan completion and the gap to time progress before rounding", () => {
    // 1–10月: 97.16% complete against 83.333…% time progress → 13.826… points ahead.
    const { cells, total } = computeIndicatorCells(flow, 10, [child("9716", "9000", { plan: "10000" })], d("20000"));
    expect(cells[0].planCompletionPercent).toBeCloseTo(97.16, 10);
    expect(cells[0].scheduleGapPoints).toBeCloseTo(13.8266667, 6);
    expect(total.plan).toBe("20000");
    expect(total.planCompletionPercent).toBeCloseTo(48.58, 10);
  });

  it("measures a partial total against the plan share of the regions that reported", () => {
    // Three towns with plans 600 / 300 / 100; the county's own plan is 1200. The third has not
    // reported: the total (YTD 800) counts against 1200 × 900/1000 = 1080, not the whole 1200.
    const towns = [child("500", "450", { plan: "600" }), child("300", "280", { plan: "300" }), child(null, "90", { plan: "100" })];
    const partial = computeIndicatorCells(flow, 12, towns, d("1200")).total;
    expect(partial.plan).toBe("1080");
    expect(partial.planCompletionPercent).toBeCloseTo((800 / 1080) * 100, 10);
    // Without a county plan, the reporting towns' plans.
    expect(computeIndicatorCells(flow, 12, towns, null).total.plan).toBe("900");
    // Once everyone has reported, the county's own plan again.
    const all = computeIndicatorCells(flow, 12, [...towns.slice(0, 2), child("100", "90", { plan: "100" })], d("1200")).total;
    expect(all.plan).toBe("1200");
    expect(all.planCompletionPercent).toBeCloseTo(75, 10);
  });

  it("has no value at all for a region that did not report, never NaN", () => {
    const { cells, total } = computeIndicatorCells(flow, 7, [child(null, null), child(null, "10")], null);
    for (const c of [...cells, total]) {
      for (const v of Object.values(c)) expect(Number.isNaN(v)).toBe(false);
    }
    expect(total.value).toBeNull();
    expect(cells[0].rank).toBeNull();
    expect(cells[1].sharePercent).toBeNull();
  });
});

// ---------------------------------------------------------------------------------------------
// computeIndicatorCells takes shortcuts (lib/stats/fast.ts: each figure converted once, each
// percentage computed once, IEEE division where it provably gives decimal.js's double). These
// check it against the straightforward composition of the public lib/stats functions it replaced.
// ---------------------------------------------------------------------------------------------

type DecimalFigures = { [K in keyof ChildFigures]: Decimal | null };

/** The overview's cells as first written: every number straight from the public lib/stats functions. */
function referenceCells(meta: { code: string; kind: "FLOW" | "STOCK" }, month: number, children: DecimalFigures[], parentPlan: Decimal | null) {
  const str = (x: Decimal | null) => (x === null ? null : x.toFixed());
  const num = (x: Decimal | null) => (x === null ? null : x.toNumber());
  const sum = (values: (Decimal | null)[]) => {
    const present = values.filter((v): v is Decimal => v !== null);
    return present.length === 0 ? null : present.reduce((a, b) => a.plus(b), new Decimal(0));
  };
  const growth = (value: Decimal | null, base: Decimal | null) => stats.yoyPercent(value, base);
  const useComparable = (c: DecimalFigures) => c.comparableBase !== null;
  const bases = children.map((c) => (useComparable(c) ? c.comparableBase : c.base));
  const prevBases = children.map((c) => c.previousComparableBase ?? c.previousBase);
  const reported = children.map((c) => c.value !== null);
  const totalValue = sum(children.map((c) => c.value));
  const totalBase = sum(bases.filter((_, i) => reported[i]));
  // Like for like: the total's growth is over the children with both figures (a child new this year, with no base, is left out).
  const comparable = children.map((c, i) => reported[i] && bases[i] !== null);
  const growthValue = sum(children.map((c, i) => (comparable[i] ? c.value : null)));
  const excluded = children.flatMap((_, i) => (reported[i] && !comparable[i] ? [i] : []));
  const totalIncrease = stats.increase(growthValue, totalBase);
  // Like for like: while a child with a plan has not reported, the parent's plan scaled by the reporting children's share.
  const planned = children.map((c, i) => ({ plan: c.plan, reported: reported[i] })).filter((c) => c.plan !== null);
  const partial = planned.some((c) => !c.reported) && planned.some((c) => c.reported);
  const reportedPlans = sum(planned.filter((c) => c.reported).map((c) => c.plan));
  const allPlans = sum(planned.map((c) => c.plan));
  const totalPlan = !partial
    ? parentPlan ?? sum(children.map((c) => c.plan))
    : parentPlan === null
      ? reportedPlans
      : allPlans!.lte(0)
        ? parentPlan
        : parentPlan.times(reportedPlans!).dividedBy(allPlans!).toDecimalPlaces(4, Decimal.ROUND_HALF_UP);
  const growths = children.map((c, i) => growth(c.value, bases[i]));
  const ranks = stats.competitionRankNullsLast(children.map((c) => c.value));
  const growthRanks = stats.competitionRankNullsLast(growths);
  const prevRanks = stats.competitionRankNullsLast(children.map((c, i) => (reported[i] ? c.previousValue : null)));
  const prevGrowthRanks = stats.competitionRankNullsLast(children.map((c, i) => (reported[i] ? growth(c.previousValue, prevBases[i]) : null)));
  const anyPrevious = children.some((c) => c.previousValue !== null);
  const isFlow = meta.kind === "FLOW";
  const cells = children.map((c, i) => {
    const inc = stats.increase(c.value, bases[i]);
    return {
      value: str(c.value),
      base: str(bases[i]),
      baseKind: bases[i] === null ? null : useComparable(c) ? "comparable" : "reported",
      yoyPercent: num(growths[i]),
      lossChange: stats.lossChange(c.value, bases[i]),
      increase: str(inc),
      plan: str(c.plan),
      planCompletionPercent: num(stats.planCompletionPercent(c.value, c.plan)),
      scheduleGapPoints: isFlow ? num(stats.scheduleGapPoints(c.value, c.plan, month)) : null,
      sharePercent: num(stats.sharePercent(c.value, totalValue)),
      rank: c.value === null ? null : ranks[i],
      growthRank: growths[i] === null ? null : growthRanks[i],
      rankChange: c.value === null || c.previousValue === null || !anyPrevious ? null : stats.rankChange(prevRanks[i], ranks[i]),
      growthRankChange:
        growths[i] === null || !anyPrevious ? null : stats.rankChange(growth(c.previousValue, prevBases[i]) === null ? null : prevGrowthRanks[i], growthRanks[i]),
      contributionPercent: num(stats.contributionPercent(inc, totalIncrease)),
      pullPoints: num(stats.pullPoints(inc, totalBase)),
    };
  });
  const total = {
    value: str(totalValue),
    base: str(totalBase),
    baseKind: totalBase === null ? null : children.some(useComparable) ? "comparable" : "reported",
    yoyPercent: num(growth(growthValue, totalBase)),
    lossChange: stats.lossChange(growthValue, totalBase),
    increase: str(totalIncrease),
    plan: str(totalPlan),
    planCompletionPercent: num(stats.planCompletionPercent(totalValue, totalPlan)),
    scheduleGapPoints: isFlow ? num(stats.scheduleGapPoints(totalValue, totalPlan, month)) : null,
    sharePercent: totalValue === null ? null : 100,
    rank: null,
    growthRank: null,
    rankChange: null,
    growthRankChange: null,
    contributionPercent: totalIncrease === null ? null : 100,
    pullPoints: num(stats.yoyPercent(growthValue, totalBase)),
  };
  return { cells, total, excluded };
}

/** Figures as the overview query returns them (SUM(numeric)::text), realistic and not. */
const figureText: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 99_999_999_99 }).map((c) => (c / 100).toFixed(2)) }, // 万元, 2 decimals
  { weight: 2, arbitrary: fc.integer({ min: -5_000_000, max: 5_000_000 }).map((c) => (c / 100).toFixed(2)) }, // losses
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 2_000 }).map(String) }, // counts
  { weight: 1, arbitrary: fc.integer({ min: -99_999_999, max: 99_999_999 }).map((c) => (c / 10_000).toFixed(4)) }, // numeric(18,4)
  { weight: 1, arbitrary: fc.constantFrom("0", "0.00", "-0.00", "0.0001", "100", "100.00", "-100", "-100.0000", "007.50", "-0.5000", "10.10", "1e-7", "1234567890123456.78", "9007199254740993", "12345678901234567890.1234") },
  { weight: 1, arbitrary: fc.bigInt({ min: -(10n ** 24n), max: 10n ** 24n }).map((n) => `${n / 10000n}.${String((n < 0n ? -n : n) % 10000n).padStart(4, "0")}`) }, // too long for the shortcut
);
const maybe = (a: fc.Arbitrary<string>, nulls = 1) => fc.option(a, { nil: null, freq: nulls === 0 ? 1_000_000 : 8 / nulls });
/** One child's figures as the query hands them over: decimal text, or null. */
type TextFigures = { [K in keyof ChildFigures]: string | null };
const childArb: fc.Arbitrary<TextFigures> = fc
  .record({
    value: maybe(figureText),
    base: maybe(figureText),
    comparableBase: fc.option(figureText, { nil: null, freq: 2 }),
    plan: maybe(figureText, 2),
    previousValue: maybe(figureText),
    previousBase: maybe(figureText),
    previousComparableBase: fc.option(figureText, { nil: null, freq: 2 }),
  })
  .map((c) => (c.value === null ? { ...c, comparableBase: null } : c)); // as the query does
/** Children that share figures, so ranks and growth ranks tie, exactly or only to the double. */
const childrenArb = fc
  .tuple(fc.array(childArb, { minLength: 0, maxLength: 25 }), fc.array(fc.nat(), { maxLength: 6 }))
  .map(([children, copies]) => {
    const out = [...children];
    for (const k of copies) if (out.length) out.push({ ...out[k % out.length] });
    return out;
  });
const asDecimals = (c: TextFigures) => Object.fromEntries(Object.entries(c).map(([k, v]) => [k, d(v)])) as DecimalFigures;

describe("computeIndicatorCells equals the composition of the public stats functions", () => {
  it("on random figures: realistic, losses, zeros, ties and figures too long for the shortcut", () => {
    fc.assert(
      fc.property(
        childrenArb,
        fc.integer({ min: 1, max: 12 }),
        fc.constantFrom<"FLOW" | "STOCK">("FLOW", "STOCK"),
        maybe(figureText, 2),
        (texts, month, kind, parentPlan) => {
          const meta = { code: "x", kind };
          const decimals = texts.map(asDecimals);
          const want = referenceCells(meta, month, decimals, d(parentPlan));
          // As the query passes them (text), and as decimals.
          expect(computeIndicatorCells(meta, month, texts, parentPlan)).toEqual(want);
          expect(computeIndicatorCells(meta, month, decimals, d(parentPlan))).toEqual(want);
        },
      ),
      { numRuns: 400 },
    );
  }, 120_000);

  it("on growths that are equal as doubles but not as decimals", () => {
    // Growth 100/(b + k) for b = 9·10^15: k = 0, 1 give the same double, and so do k = 4, 5.
    const b = 9n * 10n ** 15n;
    const children = [0n, 1n, 4n, 5n, 5n].map((k) => child(String(b + k + 1n), String(b + k)));
    const fast = computeIndicatorCells(flow, 7, children, null);
    expect(new Set(fast.cells.map((c) => c.yoyPercent)).size).toBe(2);
    expect(fast).toEqual(referenceCells(flow, 7, children as DecimalFigures[], null));
    expect(fast.cells.map((c) => c.growthRank)).toEqual([1, 2, 3, 4, 4]);
  });
});

describe("lib/stats/fast", () => {
  const F = (x: string) => fast.fixed(x)!;
  const num = (x: Decimal | null) => (x === null ? null : x.toNumber());

  it("converts figures to integers over powers of ten, and prints them as decimal.js does", () => {
    fc.assert(
      fc.property(figureText, (x) => {
        const f = fast.fixed(x)!;
        const dd = stats.toDecimal(x)!;
        expect(f.dec.eq(dd)).toBe(true);
        expect(f.toFixed()).toBe(dd.toFixed());
        expect(Object.is(f.toNumber(), dd.toNumber())).toBe(true);
        if (!Number.isNaN(f.int)) expect(new Decimal(f.int).div(new Decimal(10).pow(f.scale)).eq(dd)).toBe(true);
        // From text as PostgreSQL prints it, without a decimal in between.
        const t = fast.fixedText(x)!;
        expect([t.int, t.scale, t.toFixed(), t.dec.toFixed()]).toEqual([f.int, f.scale, new Decimal(x).toFixed(), dd.toFixed()]);
        expect(Object.is(t.toNumber(), dd.toNumber())).toBe(true);
      }),
      { numRuns: 3000 },
    );
    // The global context's instances, as the query hands them over.
    for (const x of ["0", "-0", "1e-1001", "123.4500", "-0.05"]) expect(fast.fixed(new Decimal(x))!.toFixed()).toBe(stats.toDecimal(new Decimal(x))!.toFixed());
    expect(fast.fixed(new Decimal("1e1001"))).toBeNull();
    expect(fast.fixed(new Decimal(NaN))).toBeNull();
  });

  it("gives decimal.js's double for every ratio, however close it falls to a rounding boundary", () => {
    // a / b chosen within 1/(2b) of the midpoint between two adjacent doubles: where a division carried
    // to fewer digits would round the other way.
    const bits = new DataView(new ArrayBuffer(8));
    const nearMidpoint = (x: number, b: bigint): bigint => {
      bits.setFloat64(0, x);
      const raw = bits.getBigUint64(0);
      const exp = Number((raw >> 52n) & 0x7ffn) - 1075;
      const mant = (raw & ((1n << 52n) - 1n)) | (1n << 52n);
      // midpoint = (2·mant + 1)·2^(exp − 1); a = round(midpoint · b / 100) · 100 … as a decimal with 2 places: A = round(M·b)
      const num = (2n * mant + 1n) * b;
      const shift = BigInt(1 - exp);
      return (num + (1n << (shift - 1n))) >> shift;
    };
    const coarse = Decimal.clone({ precision: 17, rounding: Decimal.ROUND_HALF_UP });
    let coarseMisses = 0;
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 5000, noNaN: true }), fc.bigInt({ min: 1n, max: 2n ** 40n }), (x, b) => {
        const A = nearMidpoint(x, b); // A/b ≈ x's upper midpoint, |A| < 2^53 here
        if (A > 2n ** 53n - 1n) return;
        const part = `${A / 100n}.${String(A % 100n).padStart(2, "0")}`; // part/whole·100 = A/b
        const whole = String(b);
        const want = num(stats.sharePercent(part, whole));
        expect(fast.sharePercentNumber(F(part), F(whole))).toBe(want);
        expect(fast.planCompletionPercentNumber(F(part), F(whole))).toBe(want);
        expect(fast.contributionPercentNumber(F(part), F(whole))).toBe(want);
        expect(fast.pullPointsNumber(F(part), F(whole))).toBe(want);
        if (new coarse(part).div(whole).times(100).toNumber() !== want) coarseMisses++;
        for (const month of [1, 5, 7, 12]) {
          expect(fast.scheduleGapPointsNumber(F(part), F(whole), month, want)).toBe(num(stats.scheduleGapPoints(part, whole, month)));
        }
        // Growth: (current − base)/base·100 = A/b when current = base + A/100.
        const current = new Decimal(part).plus(whole).toFixed();
        expect(fast.yoyPercentNumber(F(current), F(whole))).toBe(num(stats.yoyPercent(current, whole)));
      }),
      { numRuns: 1500 },
    );
    // The cases are hard: 17 significant digits would get a good share of them wrong.
    expect(coarseMisses).toBeGreaterThan(20);
  }, 120_000);

  it("matches the public functions on any pair of figures", () => {
    fc.assert(
      fc.property(figureText, figureText, fc.integer({ min: 0, max: 13 }), (a, b, month) => {
        const [fa, fb] = [F(a), F(b)];
        expect(fast.yoyPercentNumber(fa, fb)).toBe(num(stats.yoyPercent(a, b)));
        expect(fast.sharePercentNumber(fa, fb)).toBe(num(stats.sharePercent(a, b)));
        expect(fast.contributionPercentNumber(fa, fb)).toBe(num(stats.contributionPercent(a, b)));
        expect(fast.pullPointsNumber(fa, fb)).toBe(num(stats.pullPoints(a, b)));
        const completion = fast.planCompletionPercentNumber(fa, fb);
        expect(completion).toBe(num(stats.planCompletionPercent(a, b)));
        expect(fast.scheduleGapPointsNumber(fa, fb, month, completion)).toBe(num(stats.scheduleGapPoints(a, b, month)));
        expect(fast.lossChangeOf(fa, fb)).toBe(stats.lossChange(a, b));
        expect(fast.increaseFixed(fa, fb)?.toFixed() ?? null).toBe(stats.increase(a, b)?.toFixed() ?? null);
      }),
      { numRuns: 3000 },
    );
  }, 120_000);

  it("orders growths given as ratios of integers as their decimals order", () => {
    const growth = fc.tuple(figureText, figureText).filter(([c, b]) => stats.yoyPercent(c, b) !== null);
    fc.assert(
      fc.property(growth, growth, ([c1, b1], [c2, b2]) => {
        const r1 = fast.percentRatio(fast.increaseFixed(F(c1), F(b1))!, F(b1));
        const r2 = fast.percentRatio(fast.increaseFixed(F(c2), F(b2))!, F(b2));
        if (r1 === null || r2 === null) return;
        expect(fast.compareRatios(r1, r2)).toBe(stats.yoyPercent(c1, b1)!.cmp(stats.yoyPercent(c2, b2)!));
        expect(fast.compareRatios(r1, r1)).toBe(0);
      }),
      { numRuns: 3000 },
    );
    // Negative denominators (a share of a negative whole) compare the right way round.
    expect(fast.compareRatios([1, -2], [1, 2])).toBe(-1);
    expect(fast.compareRatios([-1, -2], [1, 3])).toBe(1);
  });

  it("ranks like competitionRankNullsLast, ties and all", () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.oneof(figureText, fc.constantFrom("1", "1.0", "1.0000000000000001", "1.0000000000000002")), { nil: null, freq: 5 }), { maxLength: 30 }), (xs) => {
        const figs = xs.map((x) => (x === null ? null : F(x)));
        const ranks = fast.competitionRankNullsLastBy(
          figs.map((f) => (f === null ? null : f.toNumber())),
          (i, j) => fast.compareFixed(figs[i]!, figs[j]!),
        );
        expect(ranks).toEqual(stats.competitionRankNullsLast(xs));
      }),
      { numRuns: 2000 },
    );
  });
});
