import { toDecimal, type Dec, type Num } from "./decimal";

/**
 * 排名: descending competition ranking ("1224"): tied values share a rank and the next
 * distinct value skips past them, as in "总量名列第3位". Ties are on the exact value; a caller
 * that wants regions showing the same rounded figure to tie should round before ranking.
 * Missing values get `null`: they have no place in the order.
 */
export function competitionRank(values: readonly Num[]): (number | null)[] {
  const present: { index: number; value: Dec }[] = [];
  values.forEach((v, index) => {
    const value = toDecimal(v);
    if (value !== null) present.push({ index, value });
  });
  present.sort((a, b) => b.value.cmp(a.value));

  const ranks: (number | null)[] = values.map(() => null);
  present.forEach((entry, position) => {
    const previous = present[position - 1];
    ranks[entry.index] =
      previous !== undefined && previous.value.eq(entry.value)
        ? (ranks[previous.index] ?? position + 1)
        : position + 1;
  });
  return ranks;
}

/**
 * Same ranking for display tables where every region needs a place: regions with no value
 * (e.g. no YoY because last year was 0) rank last, all tied, after every region with a value.
 */
export function competitionRankNullsLast(values: readonly Num[]): number[] {
  const ranks = competitionRank(values);
  const last = ranks.filter((r) => r !== null).length + 1;
  return ranks.map((r) => r ?? last);
}

/** Change against last month's rank: previous − current, so positive means moved up. */
export function rankChange(
  previousRank: number | null | undefined,
  currentRank: number | null | undefined,
): number | null {
  if (!isRank(previousRank) || !isRank(currentRank)) return null;
  return previousRank - currentRank;
}

function isRank(r: number | null | undefined): r is number {
  return typeof r === "number" && Number.isInteger(r) && r >= 1;
}
