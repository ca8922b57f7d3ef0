import { MISSING } from "@/lib/stats";

const CHINA_OFFSET_MS = 8 * 3600 * 1000;

/** "2024-08-03 10:05" in China time, the same on the server and in any browser (no Intl zone data). */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return MISSING;
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return MISSING;
  const t = new Date(ms + CHINA_OFFSET_MS).toISOString();
  return `${t.slice(0, 10)} ${t.slice(11, 16)}`;
}
