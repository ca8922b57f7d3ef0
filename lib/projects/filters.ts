// The project list's URL query (lenient: a bad value is dropped) and the labels users read.
import { z } from "zod";
import { safeText } from "@/lib/input/text";
import type { ProjectBucket } from "@/lib/stats";

export const PROJECT_PAGE_SIZE = 20;

export const STAGES = ["NEGOTIATING", "SIGNED", "STARTED", "UNDER_CONSTRUCTION", "COMPLETED", "IN_PRODUCTION"] as const;
export type Stage = (typeof STAGES)[number];
export const STAGE_LABELS: Record<Stage, string> = { NEGOTIATING: "在谈", SIGNED: "签约", STARTED: "开工", UNDER_CONSTRUCTION: "在建", COMPLETED: "竣工", IN_PRODUCTION: "投产" };

/** [lower, upper) bounds in 万元 of each bucket, as lib/stats projectBucket assigns them. */
export const BUCKET_BOUNDS: Record<ProjectBucket, [number, number | null]> = {
  ge1b: [100000, null],
  ge100m: [10000, 100000],
  "50m_100m": [5000, 10000],
  "10m_50m": [1000, 5000],
  lt10m: [0, 1000],
};

const opt = <T extends z.ZodType>(s: T) => s.optional().catch(undefined);

export const projectFilterSchema = z.object({
  q: opt(safeText().trim().min(1).max(50)),
  bucket: opt(z.enum(["ge1b", "ge100m", "50m_100m", "10m_50m", "lt10m"])),
  stage: opt(z.enum(STAGES)),
  town: opt(z.string().regex(/^\d{12}$/)),
  sort: z.enum(["total_desc", "completion_desc", "name"]).catch("total_desc"),
  page: z.coerce.number().int().min(1).max(100000).catch(1),
  period: opt(z.string().regex(/^\d{4}-\d{2}$/)),
});

export type ProjectFilters = z.infer<typeof projectFilterSchema>;
export const PROJECT_SORT_LABELS: Record<ProjectFilters["sort"], string> = { total_desc: "计划总投资从高到低", completion_desc: "完成年度计划从高到低", name: "项目名称" };
