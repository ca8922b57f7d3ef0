// How the pages name a region's whole and its parts by its level. Not server-only: components use it.
import type { RegionRef } from "./index";

type Level = RegionRef["level"];

/** The whole of a region in a label: 全市合计, 占全县, 全市概览. */
export const SCOPE_WORD: Record<Level, string> = { CITY: "全市", COUNTY: "全县", TOWN: "全镇" };

/** What a region's children are called: a city's counties, a county's towns. */
export const CHILD_WORD: Record<Level, string> = { CITY: "县（市、区）", COUNTY: "乡镇", TOWN: "村" };
