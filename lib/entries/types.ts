// Plain, serialisable shapes shared by the entry grids (server pages, client grids, server actions):
// a town's 规上 enterprises, parks and projects for one period. No Dates: days travel as "YYYY-MM-DD".
import type { IndicatorRule } from "@/lib/checks";

/** A figure column: the checks' settings of an indicator, or of a park / project field shaped like one. */
export type EntryField = IndicatorRule & { maxDecimals?: number };

/**
 * The stored state of one grid row: its figures as exact decimal strings (a missing figure is
 * absent) and the token the save must echo — it changes whenever someone else saves the row.
 */
export type StoredRow = { id: number; token: string; values: Record<string, string> };

/** Someone saved some of the rows first: their stored state now, and who it was. */
export type EntryConflict = { rows: StoredRow[]; updatedBy: string | null; updatedAt: string | null };

/** A field error is keyed `${rowId}.${fieldCode}`; a row's check errors by row id. */
export type EntryActionResult =
  | { ok: true; message: string; rows: StoredRow[] }
  | { ok: false; message: string; fieldErrors?: Record<string, string>; rowErrors?: Record<string, string[]>; conflict?: EntryConflict };

export type GridPeriod = { year: number; month: number; key: string };

export type EntryGridBase = {
  town: { code: string; name: string };
  period: GridPeriod;
  /** Status of the town's report for the period: APPROVED locks every grid. */
  reportStatus: "DRAFT" | "SUBMITTED" | "RETURNED" | "APPROVED" | null;
};

export type EnterpriseGridRow = StoredRow & {
  name: string;
  creditCode: string;
  parkName: string | null;
  previousYtd: Record<string, string>;
  lastYear: Record<string, string>;
};

export type EnterpriseGridView = EntryGridBase & { fields: EntryField[]; rows: EnterpriseGridRow[] };

export type ParkGridRow = StoredRow & {
  name: string;
  levelLabel: string;
  plannedArea: string;
  previous: Record<string, string>;
  lastYear: Record<string, string>;
};

export type ParkGridView = EntryGridBase & { fields: EntryField[]; rows: ParkGridRow[] };

export type ProjectStageValue = "NEGOTIATING" | "SIGNED" | "STARTED" | "UNDER_CONSTRUCTION" | "COMPLETED" | "IN_PRODUCTION";

export type ProjectGridRow = StoredRow & {
  name: string;
  parkName: string | null;
  totalInvestment: string;
  /** 当年计划投资, when set. */
  yearPlan: string | null;
  /** Last month's 当年累计完成投资 (same year). */
  previousYtd: string | null;
  stage: ProjectStageValue;
  /** Day of the latest stage change, so a new one cannot be dated before it. */
  stageSince: string | null;
};

export type ProjectGridView = EntryGridBase & { field: EntryField; rows: ProjectGridRow[]; today: string };
