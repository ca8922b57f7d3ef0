// Typed records a parse yields. Plain JSON (dates as "YYYY-MM-DD", decimals as strings): the
// preview stores them in ImportJob.summary and the commit reads them back on any server.
import type { Ownership, ProjectStage } from "@/lib/generated/prisma/enums";
import type { CrossFigures } from "./cross-check";
import type { Source } from "./types";

/** Indicator code → exact decimal string; a blank cell is absent (it never clears a stored figure). */
export type Figures = Record<string, string>;

export type TownValuesRecord = {
  src: Source;
  townId: number;
  townName: string;
  year: number;
  month: number;
  values: Figures;
  /** Per indicator: the rounding of its figure and the sheet's 上年同期/同比/增减/占年计划, for the cross-checks. */
  cross?: Record<string, CrossFigures>;
  /** The sheet's 年计划 beside the figures: the year's plan, written only by a history import (decision 017). */
  plans?: Figures;
};
export type PlanRecord = { src: Source; regionId: number; regionName: string; year: number; values: Figures };
export type EnterpriseRecord = {
  src: Source;
  creditCode: string;
  name: string;
  townId: number;
  parkId: number | null;
  industryCode: string;
  ownership: Ownership | null;
  aboveScale: boolean | null;
};
export type EnterpriseValuesRecord = { src: Source; enterpriseId: number; creditCode: string; name: string; townId: number; year: number; month: number; values: Figures };
export type ProjectRecord = {
  src: Source;
  name: string;
  townId: number;
  parkId: number | null;
  enterpriseId: number | null;
  sector: string | null;
  totalInvestment: string;
  stage: ProjectStage;
  signedOn: string | null;
  startedOn: string | null;
  completedOn: string | null;
  yearPlanned: string | null;
  completedYtd: string | null;
  year: number;
  month: number;
};

export type RecordOf = {
  town_values: TownValuesRecord;
  plans: PlanRecord;
  enterprises: EnterpriseRecord;
  enterprise_values: EnterpriseValuesRecord;
  projects: ProjectRecord;
};
export type AnyRecord = RecordOf[keyof RecordOf];
