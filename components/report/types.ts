// Plain, serialisable shapes passed between the report page (server), its client form and the
// server actions. No Dates: instants travel as ISO strings.
import type { CheckResult, IndicatorRule } from "@/lib/checks";

export type ReportStatusValue = "DRAFT" | "SUBMITTED" | "RETURNED" | "APPROVED";

export type FormIndicator = IndicatorRule & { id: number; isMoney: boolean; percentPrecision: number };

/** What the form needs to know of the stored report at one version. */
export type ReportSnapshot = {
  version: number;
  status: ReportStatusValue | null;
  values: Record<string, string>;
  explanations: Record<string, string>;
  updatedBy: string | null;
  updatedAt: string | null;
};

export type ReportView = ReportSnapshot & {
  town: { code: string; name: string };
  period: { year: number; month: number; key: string };
  indicators: FormIndicator[];
  previousYtd: Record<string, string>;
  lastYear: Record<string, string>;
  /** 同口径 bases the dashboards use instead of `lastYear` (规上工业总产值, decision 004). */
  comparableBase: Record<string, string>;
  plans: Record<string, string>;
  /** The county's 必填指标 (codes): 报送 waits until each has a figure. */
  required: string[];
  reviewerComment: string | null;
  submittedAt: string | null;
  reviewedAt: string | null;
};

/** Someone else saved first: their stored figures, to show beside the user's own. */
export type ConflictInfo = ReportSnapshot;

export type ActionResult =
  | { ok: true; message: string; snapshot?: ReportSnapshot }
  | {
      ok: false;
      message: string;
      fieldErrors?: Record<string, string>;
      conflict?: ConflictInfo;
      checks?: CheckResult & { missingExplanations?: CheckResult["warnings"] };
      /** Set when part of the request (the draft) was saved before a later step failed. */
      snapshot?: ReportSnapshot;
    };

export type SaveRequest = {
  town: string;
  period: string;
  version: number;
  values: Record<string, string>;
  explanations: Record<string, string>;
};
