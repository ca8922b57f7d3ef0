import "server-only";
// Shared steps of the read API: parse the query, find the region, check the caller may read it.
import { type z } from "zod";
import { getPrisma } from "@/lib/db/client";
import { canReadRegion } from "@/lib/permissions";
import { getRegionByCode, type RegionRef } from "@/lib/regions";
import { defaultPeriod } from "@/lib/reports/default-period";
import { APPROVED_ONLY, type Counting } from "@/lib/reports/periods";
import { parsePeriod, type Period } from "@/lib/stats";
import type { ApiUser } from "./auth";
import { ApiError, forbidden, notFound } from "./errors";

export function parseQuery<S extends z.ZodType>(request: Request, schema: S): z.infer<S> {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const result = schema.safeParse(params);
  if (!result.success) throw result.error;
  return result.data;
}

export async function readableRegion(user: ApiUser, code: string): Promise<RegionRef> {
  const region = await getRegionByCode(code);
  if (!region) throw notFound(`地区 ${code} `);
  if (!(await canReadRegion(user, region.id))) throw forbidden();
  return region;
}

/** The period asked for, else the region's default period (the latest closed month most towns have counted reports for). */
export async function periodOrLatest(region: RegionRef, key: string | undefined, counting: Counting = APPROVED_ONLY): Promise<Period> {
  if (key) return parsePeriod(key)!;
  const latest = await defaultPeriod(region.id, counting);
  if (!latest) throw new ApiError("not_found", `${region.name}暂无已报送的数据`);
  return latest;
}

export async function findIndicator(code: string) {
  const indicator = await getPrisma().indicator.findUnique({
    where: { code },
    select: { id: true, code: true, name: true, unit: true, kind: true, precision: true, percentPrecision: true, priceBasis: true, active: true },
  });
  if (!indicator || !indicator.active) throw notFound(`指标 ${code} `);
  return indicator;
}
