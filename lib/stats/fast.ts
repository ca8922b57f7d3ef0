import Decimal from "decimal.js";
import { dec as stats, toDecimal, type Dec, type Num } from "./decimal";
import { increase, lossChange, yoyPercent, type LossChange } from "./growth";
import { contributionPercent, pullPoints, sharePercent } from "./parts";
import { planCompletionPercent, scheduleGapPoints } from "./plan";

/*
 * Bulk twins of the percentage formulas, for lib/overview (hundreds of cells per request); not part
 * of the public API (index.ts does not export them). Each `…Number` function returns exactly
 * `publicFunction(…)?.toNumber() ?? null` — the same double, bit for bit — but skips decimal.js's
 * 50-digit division (several µs each: most of an overview's CPU time) where that provably cannot
 * change the double, and otherwise calls the public function.
 *
 * Why the shortcut is exact. The public formulas compute q = RHU50(100·a/b): decimal.js divides
 * correctly rounded to 50 significant digits, half up; ×100 only shifts digits; a − b is exact for
 * figures this size. `toNumber()` parses q's string, so it returns RN(q), the double nearest to q
 * (ties to even; V8 parses long decimal strings correctly rounded). Scale a and b to integers,
 * A = 100·a·10^k and B = b·10^k. When both are safe integers (|A|, |B| < 2^53) they are exact
 * doubles, so IEEE `A / B` is RN(A/B), correctly rounded. And RN(q) = RN(A/B): the two can only
 * differ if a rounding boundary — a midpoint M between adjacent doubles — lies between q and A/B
 * (inclusive), and none does:
 * - A/B is never a midpoint: M = odd·2^(e−1), 2^e being the spacing of doubles there, has an odd
 *   numerator of 54 bits, so A = M·B (B an integer) would need |A| > 2^53.
 * - |q − A/B| ≤ 5·10⁻⁵⁰·|A/B|, while for any M, |A/B − M| = |A·2^(1−e) − odd·B| / (|B|·2^(1−e))
 *   ≥ 1/(|B|·2^(1−e)) ≥ |A/B| / (|B|·2^54) (≥ 1/|B| when e ≥ 1), which is larger for |B| < 10³³.
 * The schedule gap (completion − time progress, each rounded to 50 digits first) has its own
 * argument at `scheduleGapPointsNumber`. Rankings compare these doubles and settle equal doubles
 * with the exact decimals: RN is monotonic, so different doubles order like the decimals.
 * tests/unit/overview-compute.test.ts checks all of it against the public functions, with
 * near-midpoints, ties, losses and figures too long for the shortcut.
 */

const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i); // 10^0 … 10^22, exact doubles
const safe = Number.isSafeInteger;

/**
 * A figure converted once: its value as `int / 10^scale` when `int` is a safe integer (NaN when the
 * figure has too many digits for that), and as the stats core's decimal (`dec`, built on first use).
 */
export class Fixed {
  readonly int: number;
  readonly scale: number;
  /** The decimal, or what it is made from on first use: anything toDecimal takes, or a function. */
  #dec: Dec | Num | (() => Dec);
  #built: boolean;
  /** Decimal text as PostgreSQL prints it, when the figure came as text (for toFixed). */
  readonly #text: string | undefined;

  constructor(int: number, scale: number, dec: Dec | Num | (() => Dec), built = false, text?: string) {
    // Canonical: no trailing zeros after the point, so toFixed() below matches decimal.js.
    while (scale > 0 && int % 10 === 0) {
      int /= 10;
      scale--;
    }
    this.int = scale > 22 ? NaN : int;
    this.scale = scale;
    this.#dec = dec;
    this.#built = built;
    this.#text = text;
  }

  /** toDecimal() of the figure. */
  get dec(): Dec {
    if (!this.#built) {
      const src = this.#dec;
      this.#dec = typeof src === "function" ? src() : toDecimal(src as Num)!;
      this.#built = true;
    }
    return this.#dec as Dec;
  }

  get sign(): number {
    return Number.isNaN(this.int) ? (this.dec.isZero() ? 0 : this.dec.s) : Math.sign(this.int);
  }

  /** `dec.toFixed()`: the exact value in plain notation. */
  toFixed(): string {
    if (Number.isNaN(this.int)) return this.dec.toFixed();
    const text = this.#text;
    if (text !== undefined && this.int !== 0) {
      // The text without its trailing zeros (and point): "-12.3400" → "-12.34", "100.0000" → "100".
      let end = text.length;
      if (text.includes(".")) {
        while (text.charCodeAt(end - 1) === 48) end--;
        if (text.charCodeAt(end - 1) === 46) end--;
      }
      return end === text.length ? text : text.slice(0, end);
    }
    const digits = String(Math.abs(this.int));
    const sign = this.int < 0 ? "-" : "";
    if (this.scale === 0) return sign + digits;
    const padded = digits.padStart(this.scale + 1, "0");
    return `${sign}${padded.slice(0, -this.scale)}.${padded.slice(-this.scale)}`;
  }

  /** `dec.toNumber()`: the nearest double. */
  toNumber(): number {
    return Number.isNaN(this.int) ? this.dec.toNumber() : this.int / POW10[this.scale] + 0;
  }
}

/** The value of decimal.js digits (`d`: base-1e7 words, `e`: exponent of the first digit) as int / 10^scale, or NaN. */
function intOf(words: readonly number[], e: number, s: number): [number, number] {
  if (words.length > 3) return [NaN, 0];
  let v = words[0];
  let digits = 1;
  for (let p = 10; words[0] >= p; p *= 10) digits++;
  for (let i = 1; i < words.length; i++) v = v * 1e7 + words[i];
  digits += 7 * (words.length - 1);
  const exp = e - digits + 1; // value = v × 10^exp
  if (exp > 0) v = exp <= 22 ? v * POW10[exp] : NaN;
  return safe(v) ? [s * v, exp < 0 ? -exp : 0] : [NaN, 0];
}

const ZERO = () => new Fixed(0, 0, stats(0), true);

/** `toDecimal(x)` with its integer form; null exactly when toDecimal is null. */
export function fixed(x: Num): Fixed | null {
  if (x === null || x === undefined) return null;
  if (typeof x === "object" && Decimal.isDecimal(x)) {
    // What toDecimal's copy into the stats context does: ±Infinity, NaN and e > maxE → null; e < minE or ±0 → 0.
    if (!x.d || x.e > 1000) return null;
    if (x.e < -1000 || x.d[0] === 0) return ZERO();
    const [int, scale] = intOf(x.d, x.e, x.s);
    return new Fixed(int, scale, x);
  }
  const d = toDecimal(x);
  return d === null ? null : fixedOf(d);
}

/**
 * `fixed(new Decimal(text))` for decimal text as PostgreSQL prints a numeric (-?digits[.digits]),
 * without building a decimal unless one is asked for; any other text goes through decimal.js.
 */
export function fixedText(text: string): Fixed | null {
  const neg = text.charCodeAt(0) === 45; // "-"
  let n = 0;
  let significant = 0;
  let digits = 0;
  let point = -1;
  for (let i = neg ? 1 : 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 46 && point < 0 && digits > 0) {
      point = digits;
      continue;
    }
    if (c < 48 || c > 57) return fixed(new Decimal(text));
    n = n * 10 + (c - 48);
    digits++;
    if (n > 0) significant++;
  }
  // At most 15 significant digits: always a safe integer, so n is exact.
  if (digits === 0 || point === digits || significant > 15) return fixed(new Decimal(text));
  // Its own text is its toFixed() less trailing zeros, unless the integer part has leading zeros.
  const leadingZero = text.charCodeAt(neg ? 1 : 0) === 48 && (point < 0 ? digits : point) > 1;
  return new Fixed(n === 0 ? 0 : neg ? -n : n, point < 0 ? 0 : digits - point, text, false, leadingZero ? undefined : text);
}

function fixedOf(d: Dec): Fixed {
  if (d.isZero()) return new Fixed(0, 0, d, true);
  const [int, scale] = intOf(d.d, d.e, d.s);
  return new Fixed(int, scale, d, true);
}

/** a and b as integers over the same power of ten, a multiplied by `aFactor` (NaN where unsafe). */
function aligned(a: Fixed, b: Fixed, aFactor = 1): [number, number, number] {
  let x = a.int * aFactor;
  let y = b.int;
  if (a.scale > b.scale) y *= POW10[a.scale - b.scale];
  else if (a.scale < b.scale) x *= POW10[b.scale - a.scale];
  // A product whose exact value is unsafe rounds to ≥ 2^53, so it fails safe() below.
  return [x, y, Math.max(a.scale, b.scale)];
}

/** 100·a/b as a ratio of safe integers [A, B], B ≠ 0, when the shortcut applies (see above), else null. */
export function percentRatio(a: Fixed, b: Fixed): [number, number] | null {
  const [x, y] = aligned(a, b, 100);
  return safe(x) && safe(y) && y !== 0 ? [x, y] : null;
}

/** RN(RHU50(100·a/b)) when the shortcut applies, else undefined. */
function fastPercent(a: Fixed, b: Fixed): number | undefined {
  const r = percentRatio(a, b);
  return r === null ? undefined : r[0] / r[1] + 0; // + 0: never −0
}

/**
 * The order of two ratios from `percentRatio` — which is the order of their 50-digit quotients too:
 * two different ratios of safe integers differ by at least 1/(B·B′), relatively ≥ 2⁻¹⁰⁶, far more
 * than the 10⁻⁴⁹ that rounding to 50 digits could close.
 */
export function compareRatios([a, b]: [number, number], [c, d]: [number, number]): number {
  const lhs = BigInt(a) * BigInt(d);
  const rhs = BigInt(c) * BigInt(b);
  const sign = (b < 0) !== (d < 0) ? -1 : 1;
  return lhs === rhs ? 0 : (lhs > rhs ? 1 : -1) * sign;
}

/** The exact order of two figures (`a.dec.cmp(b.dec)`). */
export function compareFixed(a: Fixed, b: Fixed): number {
  const [x, y] = aligned(a, b);
  if (safe(x) && safe(y)) return x === y ? 0 : x > y ? 1 : -1;
  return a.dec.cmp(b.dec);
}

const toNum = (d: Dec | null) => (d === null ? null : d.toNumber());

/**
 * A sum of figures (`raws[i]` null where there is none; `figures[i]` its conversion): `raw()` is
 * `slow()`, the sum exactly as the caller defines it (memoised), null when `none`; `fixed` is
 * `fixed(raw())` — computed from the integers when every figure has one and every partial sum stays
 * a safe integer: then no decimal.js context with ≥ 16 digits rounds it.
 */
export function sumOf(
  raws: readonly unknown[],
  figures: readonly (Fixed | null)[],
  slow: () => Decimal | null,
): { raw: () => Decimal | null; none: boolean; fixed: Fixed | null } {
  let memo: Decimal | null | undefined;
  const raw = () => (memo === undefined ? (memo = slow()) : memo);
  const none = raws.every((r) => r === null);
  if (Decimal.precision >= 16) {
    let int = 0;
    let scale = 0;
    let any = false;
    let exact = true;
    for (let i = 0; i < raws.length && exact; i++) {
      if (raws[i] === null) continue;
      const f = figures[i];
      if (f === null || Number.isNaN(f.int)) {
        exact = false;
        break;
      }
      let x = int;
      let y = f.int;
      if (scale > f.scale) y *= POW10[scale - f.scale];
      else if (scale < f.scale) x *= POW10[f.scale - scale];
      int = x + y;
      scale = Math.max(scale, f.scale);
      any = true;
      exact = safe(x) && safe(y) && safe(int);
    }
    if (exact) return { raw, none, fixed: any ? new Fixed(int, scale, () => toDecimal(raw())!) : null };
  }
  const r = raw();
  return { raw, none, fixed: r === null ? null : fixed(r) };
}

/** `increase(a, b)`, with its integer form. */
export function increaseFixed(a: Fixed | null, b: Fixed | null): Fixed | null {
  if (a === null || b === null) return null;
  const [x, y, scale] = aligned(a, b);
  const int = x - y;
  if (safe(x) && safe(y) && safe(int)) return new Fixed(int, scale, () => increase(a.dec, b.dec)!);
  const d = increase(a.dec, b.dec);
  return d === null ? null : fixedOf(d);
}

/** `yoyPercent(current, base)?.toNumber()`; `inc` is `increaseFixed(current, base)` when already known. */
export function yoyPercentNumber(current: Fixed | null, base: Fixed | null, inc?: Fixed | null): number | null {
  if (current === null || base === null || base.sign <= 0) return null;
  const d = inc === undefined ? increaseFixed(current, base) : inc;
  return (d === null ? undefined : fastPercent(d, base)) ?? toNum(yoyPercent(current.dec, base.dec));
}

/** `sharePercent(part, whole)?.toNumber()`. */
export function sharePercentNumber(part: Fixed | null, whole: Fixed | null): number | null {
  if (part === null || whole === null || whole.sign === 0) return null;
  return fastPercent(part, whole) ?? toNum(sharePercent(part.dec, whole.dec));
}

/** `contributionPercent(partIncrease, wholeIncrease)?.toNumber()`. */
export function contributionPercentNumber(part: Fixed | null, whole: Fixed | null): number | null {
  if (part === null || whole === null || whole.sign === 0) return null;
  return fastPercent(part, whole) ?? toNum(contributionPercent(part.dec, whole.dec));
}

/** `pullPoints(partIncrease, wholeBase)?.toNumber()`. */
export function pullPointsNumber(part: Fixed | null, wholeBase: Fixed | null): number | null {
  if (part === null || wholeBase === null || wholeBase.sign <= 0) return null;
  return fastPercent(part, wholeBase) ?? toNum(pullPoints(part.dec, wholeBase.dec));
}

/** `planCompletionPercent(ytd, plan)?.toNumber()`. */
export function planCompletionPercentNumber(ytd: Fixed | null, plan: Fixed | null): number | null {
  if (ytd === null || plan === null || plan.sign <= 0) return null;
  return fastPercent(ytd, plan) ?? toNum(planCompletionPercent(ytd.dec, plan.dec));
}

/**
 * `scheduleGapPoints(ytd, plan, month)?.toNumber()`; `completion` is `planCompletionPercentNumber(ytd, plan)`.
 *
 * The public function rounds the completion c = 100·ytd/plan and the time progress t = 100·month/12
 * to 50 digits, then their difference: q is off the exact gap g by at most 5·10⁻⁵⁰·(2|c| + 200).
 * g = N/D with N = 1200·ytd − 100·month·plan and D = 12·plan scaled to integers; if both are safe
 * integers, IEEE `N / D` is RN(g). g = 0 gives q = 0 (c and t are then the same rational, rounded
 * alike). Otherwise g is no midpoint (as above) and |g| ≥ 1/D, so its distance to any midpoint is
 * ≥ 1/(D·2^(1−e)) ≥ 1/(2^54·D²). That is more than the error — so RN(q) = RN(g) — for
 * |c| ≤ 1,000 % and D ≤ 2^48 (≥ 7.0·10⁻⁴⁶ against ≤ 1.1·10⁻⁴⁶), and for |c| ≤ 10⁷ % and D ≤ 2^40
 * (≥ 4.6·10⁻⁴¹ against ≤ 1.0·10⁻⁴²).
 */
export function scheduleGapPointsNumber(ytd: Fixed | null, plan: Fixed | null, month: number, completion: number | null): number | null {
  if (ytd === null || plan === null || completion === null) return null;
  if (!Number.isInteger(month) || month < 1 || month > 12) return null;
  const maxD = Math.abs(completion) <= 1e3 ? 2 ** 48 : Math.abs(completion) <= 1e7 ? 2 ** 40 : 0;
  const [v, p] = aligned(ytd, plan);
  const a = 1200 * v;
  const b = 100 * month * p;
  const n = a - b;
  const d = 12 * p;
  if (safe(v) && safe(p) && safe(a) && safe(b) && safe(n) && safe(d) && d > 0 && d <= maxD) return n / d + 0;
  return toNum(scheduleGapPoints(ytd.dec, plan.dec, month));
}

/** `lossChange(current, base)`, without converting again. */
export function lossChangeOf(current: Fixed | null, base: Fixed | null): LossChange | null {
  if (current === null || base === null || base.sign >= 0) return null;
  return lossChange(current.dec, base.dec);
}

/**
 * `competitionRankNullsLast` of exact values given as their doubles (`keys[i]` = values[i].toNumber(),
 * null for no value): different doubles order like the values; equal ones are settled by
 * `compare(i, j)`, the order of the exact values.
 */
export function competitionRankNullsLastBy(keys: readonly (number | null)[], compare: (i: number, j: number) => number): number[] {
  const present: number[] = [];
  keys.forEach((k, i) => {
    if (k !== null) present.push(i);
  });
  const key = (i: number) => keys[i] as number;
  present.sort((a, b) => (key(a) === key(b) ? 0 : key(a) < key(b) ? 1 : -1)); // descending, ±Infinity-safe
  const ranks: number[] = keys.map(() => present.length + 1);
  for (let start = 0; start < present.length; ) {
    let end = start + 1;
    while (end < present.length && key(present[end]) === key(present[start])) end++;
    if (end - start === 1) ranks[present[start]] = start + 1;
    else {
      // Equal doubles: rank these by their exact values, as competitionRank does.
      const group = present.slice(start, end).sort((a, b) => compare(b, a));
      group.forEach((i, k) => {
        ranks[i] = k > 0 && compare(group[k - 1], i) === 0 ? ranks[group[k - 1]] : start + k + 1;
      });
    }
    start = end;
  }
  return ranks;
}
