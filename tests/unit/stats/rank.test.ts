import Decimal from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { competitionRank, competitionRankNullsLast, rankChange, toDecimal, type Num } from "@/lib/stats";

/** Few distinct values so ties are common, plus missing ones. */
const rankable: fc.Arbitrary<Num> = fc.oneof(
  fc.integer({ min: -5, max: 5 }),
  fc.constantFrom<Num>("2.50", 2.5, "-0", null, undefined, ""),
  fc.double({ min: -10, max: 10, noNaN: true }),
);
const values = fc.array(rankable, { maxLength: 25 });

/** Arrays with a permutation of their indices. */
const valuesWithPermutation = values.chain((vs) =>
  fc.tuple(
    fc.constant(vs),
    fc.shuffledSubarray(
      vs.map((_, i) => i),
      { minLength: vs.length, maxLength: vs.length },
    ),
  ),
);

describe("competitionRank (排名, 1-2-2-4)", () => {
  it.each([
    [[300, 200, 200, 100], [1, 2, 2, 4]],
    [[100, 200, 200, 300], [4, 2, 2, 1]],
    [[5, 5, 5], [1, 1, 1]],
    [[12.3, null, -4.5, 12.3], [1, null, 3, 1]],
    [["1.50", 1.5, new Decimal("1.5"), 2], [2, 2, 2, 1]],
    [[], []],
  ])("ranks %j as %j", (input, expected) => {
    expect(competitionRank(input)).toEqual(expected);
  });

  it("compares decimals, not strings: '10' ranks above '9'", () => {
    expect(competitionRank(["9", "10", "9.5"])).toEqual([3, 1, 2]);
  });

  it("rank = 1 + the number of strictly greater values (the definition)", () => {
    fc.assert(
      fc.property(values, (vs) => {
        const ds = vs.map(toDecimal);
        const expected = ds.map((d) => (d === null ? null : 1 + ds.filter((o) => o !== null && o.gt(d)).length));
        expect(competitionRank(vs)).toEqual(expected);
      }),
    );
  });

  it("is permutation-invariant: ranking a permuted array gives the permuted ranks", () => {
    fc.assert(
      fc.property(valuesWithPermutation, ([vs, perm]) => {
        const ranks = competitionRank(vs);
        expect(competitionRank(perm.map((i) => vs[i]))).toEqual(perm.map((i) => ranks[i]));
      }),
    );
  });

  it("ranks lie in 1..n and the top value has rank 1", () => {
    fc.assert(
      fc.property(values, (vs) => {
        const ranks = competitionRank(vs);
        const present = ranks.filter((r): r is number => r !== null);
        for (const r of present) expect(r >= 1 && r <= present.length).toBe(true);
        if (present.length > 0) {
          const ds = vs.map(toDecimal);
          const top = ds.reduce<Decimal | null>((m, d) => (d !== null && (m === null || d.gt(m)) ? d : m), null);
          ds.forEach((d, i) => expect(ranks[i] === 1).toBe(d !== null && top !== null && d.eq(top)));
        }
      }),
    );
  });
});

describe("competitionRankNullsLast", () => {
  it("puts regions without a value last, tied", () => {
    expect(competitionRankNullsLast([12.3, null, -4.5, undefined, 12.3])).toEqual([1, 4, 3, 4, 1]);
    expect(competitionRankNullsLast([null, null])).toEqual([1, 1]);
  });

  it("agrees with competitionRank where there is a value and ranks every gap after them", () => {
    fc.assert(
      fc.property(values, (vs) => {
        const plain = competitionRank(vs);
        const last = plain.filter((r) => r !== null).length + 1;
        expect(competitionRankNullsLast(vs)).toEqual(plain.map((r) => r ?? last));
      }),
    );
  });
});

describe("rankChange", () => {
  it.each([
    [5, 3, 2],
    [3, 5, -2],
    [4, 4, 0],
    [null, 3, null],
    [3, undefined, null],
    [0, 3, null],
    [2.5, 3, null],
  ])("from %j to %j → %j", (previous, current, expected) => {
    expect(rankChange(previous, current)).toBe(expected);
  });
});
