// Plain data the bulletin is written from (fetched by data.ts, written by compose.ts).
import type { ForecastReport } from "@/lib/forecast/assemble";
import type { Cell } from "@/lib/overview/compute";
import type { ProjectStage } from "@/lib/generated/prisma/enums";
import type { PeerStanding } from "@/lib/peers/standing";

export type IndicatorInfo = { code: string; name: string; unit: string; precision: number; percentPrecision: number };

export type ParkFigures = {
  name: string;
  /** The level as users name it: 省级开发区, 地级示范园区, 乡镇集中区. */
  level: string;
  developedArea: string | null;
  enterpriseCount: number | null;
  salesRevenue: string | null;
  salesRevenueLastYear: string | null;
  profitTax: string | null;
  profitTaxLastYear: string | null;
  infrastructureInvestment: string | null;
};

export type ProjectFigures = { name: string; town: string; totalInvestment: string; stage: ProjectStage; yearPlanned: string | null; completedYtd: string | null };

export type AttractionFigures = {
  signed: number;
  /** 计划总投资 and 实际到账, in 万元 with USD converted at the rate of each record's period. */
  plannedWan: string;
  arrivedWan: string;
  /** Records with some funds arrived. */
  arrivedCount: number;
  usd: { count: number; plannedWanUsd: string; arrivedWanUsd: string } | null;
  /** USD records without an exchange rate for their period: left out of the 万元 sums. */
  unconverted: number;
};

export type EnterpriseTierFigures = { reporting: number; over100m: number; over50m: number; over20m: number; taxOverMillion: number };

export type BulletinData = {
  county: { code: string; name: string };
  year: number;
  month: number;
  timeProgressPercent: number | null;
  indicators: Record<string, IndicatorInfo>;
  totals: Record<string, Cell>;
  /** Per indicator: towns in the county total but not in its 同比 (no figure last year). */
  growthExcluded?: Record<string, string[]>;
  towns: { code: string; name: string; cells: Record<string, Cell> }[];
  parks: ParkFigures[];
  projects: ProjectFigures[];
  attraction: AttractionFigures | null;
  enterprises: EnterpriseTierFigures | null;
  /** The county among its city's counties (lib/peers), or null/absent when it has no city. */
  peers?: PeerStanding | null;
  /** 工业总产值预计全年 (lib/forecast), or null/absent when there is none. */
  forecast?: ForecastReport | null;
};

export type Section = { heading: string; paragraphs: string[] };
