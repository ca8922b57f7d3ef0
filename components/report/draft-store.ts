// The browser's copy of a report form's unsaved edits (localStorage), so a reload, a crash or a
// Back never loses them: written on every edit, read when the form mounts, removed once the stored
// report holds the same content. Keyed by user, town and period; the record carries the stored
// version the edits were based on and the payloads this browser has sent, so a save that landed
// while the page was going away is recognised as its own and never shown as someone else's.
import { parseFigure } from "@/lib/input";
import { toDecimal } from "@/lib/stats";
import type { FormIndicator, ReportSnapshot } from "./types";

export type Content = { values: Record<string, string>; explanations: Record<string, string> };

export type Draft = {
  /** The stored report the edits started from (version and content), for a three-way merge later. */
  base: ReportSnapshot;
  raw: Record<string, string>;
  explanations: Record<string, string>;
  /** When the edits were last written (ms since epoch). */
  savedAt: number;
  /** What this browser sent to be saved (newest last, a few at most): their stored result is ours. */
  sent: Content[];
  /** A save sent as the page was left, from this version: it may land after the next page has loaded. */
  leavingFrom?: number;
};

const PREFIX = "tis:report-draft:";
const MAX_SENT = 4;
/** Drafts older than this are dropped when any report form mounts. */
const MAX_AGE_MS = 30 * 24 * 3600 * 1000;

export const draftKey = (userId: number, town: string, period: string) => `${PREFIX}${userId}:${town}:${period}`;

function storage(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    return null; // storage disabled by the browser's settings
  }
}

export function readDraft(key: string): Draft | null {
  const s = storage();
  try {
    const text = s?.getItem(key);
    if (!text) return null;
    const d = JSON.parse(text) as Draft;
    return d && typeof d === "object" && d.base && d.raw ? { ...d, sent: Array.isArray(d.sent) ? d.sent : [] } : null;
  } catch {
    return null;
  }
}

export function writeDraft(key: string, draft: Draft): void {
  try {
    storage()?.setItem(key, JSON.stringify({ ...draft, sent: draft.sent.slice(-MAX_SENT) }));
  } catch {
    // Quota or private mode: the form still works, only without the local copy.
  }
}

export function clearDraft(key: string): void {
  try {
    storage()?.removeItem(key);
  } catch {
    // nothing to do
  }
}

/** Forgets drafts nobody came back to (another user's on a shared computer, a month long closed). */
export function pruneDrafts(now = Date.now()): void {
  const s = storage();
  if (!s) return;
  try {
    for (const key of Object.keys(s)) {
      if (!key.startsWith(PREFIX)) continue;
      const d = readDraft(key);
      if (!d || now - d.savedAt > MAX_AGE_MS) s.removeItem(key);
    }
  } catch {
    // nothing to do
  }
}

function parsedValue(ind: FormIndicator, raw: string | undefined): string | null | undefined {
  const text = (raw ?? "").trim();
  if (text === "") return null;
  const r = parseFigure(text, { unit: ind.unit, integerOnly: ind.integerOnly, allowNegative: ind.allowNegative });
  return r.ok ? r.value : undefined; // undefined: not a figure, equal to nothing stored
}

function sameNumber(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return a === b;
  const x = toDecimal(a);
  const y = toDecimal(b);
  return x !== null && y !== null && x.eq(y);
}

/**
 * Whether typed text (the form, or a payload sent) holds the same figures and explanations as a
 * stored report: figures compared as numbers ("12000" = "12000.0000"), explanations trimmed, and an
 * explanation counts only where a figure exists (the server stores it on the figure's row).
 */
export function sameContent(indicators: FormIndicator[], typed: Content, stored: Pick<ReportSnapshot, "values" | "explanations">): boolean {
  for (const ind of indicators) {
    const mine = parsedValue(ind, typed.values[ind.code]);
    if (mine === undefined) return false;
    const theirs = stored.values[ind.code] ?? null;
    if (!sameNumber(mine, theirs)) return false;
    if (mine !== null && (typed.explanations[ind.code] ?? "").trim() !== (stored.explanations[ind.code] ?? "").trim()) return false;
  }
  return true;
}

/** Whether the stored report is one this browser sent (a save whose answer the page never saw). */
export function isOwnSave(indicators: FormIndicator[], sent: Content[], stored: Pick<ReportSnapshot, "values" | "explanations">): boolean {
  return sent.some((c) => sameContent(indicators, c, stored));
}
