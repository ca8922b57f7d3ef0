// The enterprise list's URL query, parsed leniently: a bad value is dropped, never an error page.
import { z } from "zod";
import { safeText } from "@/lib/input/text";

export const PAGE_SIZE = 20;

const opt = <T extends z.ZodType>(s: T) => s.optional().catch(undefined);

export const enterpriseFilterSchema = z.object({
  q: opt(safeText().trim().min(1).max(50)),
  tier: opt(z.enum(["over100m", "over50m", "over20m"])),
  town: opt(z.string().regex(/^\d{12}$/)),
  park: opt(z.coerce.number().int().positive()),
  industry: opt(z.string().regex(/^[A-Z]\d{2}$/)),
  scale: opt(z.enum(["above", "below"])),
  sort: z.enum(["output_desc", "output_asc", "name"]).catch("output_desc"),
  page: z.coerce.number().int().min(1).max(100000).catch(1),
  period: opt(z.string().regex(/^\d{4}-\d{2}$/)),
});

export type EnterpriseFilters = z.infer<typeof enterpriseFilterSchema>;

export const SORT_LABELS: Record<EnterpriseFilters["sort"], string> = { output_desc: "产值从高到低", output_asc: "产值从低到高", name: "企业名称" };

/** [lower, upper) bounds in 万元 of each output tier (DOMAIN.md): ≥1亿, 5000万–1亿, 2000万–5000万. */
export const TIER_BOUNDS = { over100m: [10000, null], over50m: [5000, 10000], over20m: [2000, 5000] } as const;
