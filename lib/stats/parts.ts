import { allDecimals, finite, HUNDRED, type Dec, type Num } from "./decimal";

/*
 * A region's part in its parent (town in county, county in city): share, contribution, pull.
 */

/** 占比 %: part / whole × 100; no value when the whole is 0 or missing. */
export function sharePercent(part: Num, whole: Num): Dec | null {
  const v = allDecimals(part, whole);
  if (v === null || v[1].isZero()) return null;
  return finite(v[0].div(v[1]).times(HUNDRED));
}

/** 贡献率 %: region increase / parent increase × 100; no value when the parent did not change. */
export function contributionPercent(partIncrease: Num, wholeIncrease: Num): Dec | null {
  const v = allDecimals(partIncrease, wholeIncrease);
  if (v === null || v[1].isZero()) return null;
  return finite(v[0].div(v[1]).times(HUNDRED));
}

/**
 * 拉动 (百分点): region increase / parent base × 100 — the points of the parent's YoY growth
 * this region supplied. Like YoY itself, undefined for a zero or loss base.
 */
export function pullPoints(partIncrease: Num, wholeBase: Num): Dec | null {
  const v = allDecimals(partIncrease, wholeBase);
  if (v === null || v[1].lte(0)) return null;
  return finite(v[0].div(v[1]).times(HUNDRED));
}
