// What an import will do, worked out (purely) from the parsed records and the stored data.
import { toDecimal } from "@/lib/stats";
import type { Problem, Source } from "./types";

export type Change = { field: string; old: string | null; new: string | null };
export type Op = "create" | "update" | "unchanged";
export type Action = { op: Op; label: string; src: Source; changes: Change[] };
export type Planned<W> = { actions: Action[]; problems: Problem[]; writes: W[] };

/** "12000" and "12000.0000" are the same figure: compare as decimals, not strings. */
export function sameFigure(a: string | null | undefined, b: string | null | undefined): boolean {
  if (a == null || b == null) return a == b;
  const x = toDecimal(a);
  const y = toDecimal(b);
  return x !== null && y !== null && x.eq(y);
}

export const periodKey = (year: number, month: number) => `${year}|${month}`;

export function opOf(exists: boolean, changes: Change[]): Op {
  if (!exists) return "create";
  return changes.length > 0 ? "update" : "unchanged";
}

export function countOps(actions: Action[]): Record<Op, number> {
  const counts: Record<Op, number> = { create: 0, update: 0, unchanged: 0 };
  for (const a of actions) counts[a.op]++;
  return counts;
}
