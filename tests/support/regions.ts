// The smallest region tree a test needs: 泰州市 → 兴化市 → one town.
import type { Db } from "@/lib/db/client";
import { createRegion } from "@/lib/demo/factories";

export async function createCountyWithTown(db: Db, town: { code: string; name: string }) {
  const city = await createRegion(db, { code: "321200000000", name: "泰州市", level: "CITY" });
  const county = await createRegion(db, { code: "321281000000", name: "兴化市", level: "COUNTY", parentId: city.id });
  return { county, town: await createRegion(db, { ...town, level: "TOWN", parentId: county.id }) };
}
