import { z } from "zod";
import { safeText } from "@/lib/input/text";

export const ATTRACTION_PAGE_SIZE = 20;
const opt = <T extends z.ZodType>(s: T) => s.optional().catch(undefined);

export const attractionFilterSchema = z.object({
  q: opt(safeText().trim().min(1).max(50)),
  town: opt(z.string().regex(/^\d{12}$/)),
  currency: opt(z.enum(["CNY", "USD"])),
  arrived: opt(z.enum(["yes", "no"])),
  page: z.coerce.number().int().min(1).max(100000).catch(1),
  period: opt(z.string().regex(/^\d{4}-\d{2}$/)),
  tab: z.enum(["signed", "private"]).catch("signed"),
});

export type AttractionFilters = z.infer<typeof attractionFilterSchema>;
