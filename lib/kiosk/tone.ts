import { roundHalfUp, type Num } from "@/lib/stats";
import type { Tone } from "./types";

/** The colour of a change as the reader sees it: decided after rounding, like formatGrowth's wording. */
export function toneOf(p: Num, digits = 1): Tone {
  const r = roundHalfUp(p, digits);
  if (r === null) return "none";
  return r.isZero() ? "flat" : r.isPos() ? "up" : "down";
}
