import "server-only";
// The overview pages above a page, from the reader's own scope down: a city user on a town reads
// 全市概览 › 兴化市 › 戴南镇, a county user 全县概览 › 戴南镇. Regions outside the reader's scope are
// never listed (a reporter's county overview is their root; the city above it is not theirs).
import type { CurrentUser } from "@/lib/auth/session";
import { readScopeRoot } from "@/lib/permissions";
import { listAncestors, type RegionRef } from "@/lib/regions";
import { SCOPE_WORD } from "@/lib/regions/words";

export type Crumb = { href: string; label: string };

/** The overview of a region inside the reader's scope: the root's is plain /overview. */
export function overviewHref(region: { code: string }, root: { id: number; code: string } | null, query: Record<string, string> = {}): string {
  const params = new URLSearchParams({ ...(root?.code === region.code ? {} : { region: region.code }), ...query });
  const q = params.toString();
  return q ? `/overview?${q}` : "/overview";
}

/**
 * The overview crumbs for a page about `region` (a town, or the county being read): the scope
 * root's overview, then each region between it and `region` (not `region` itself, and no towns).
 */
export async function overviewCrumbs(user: CurrentUser, region: Pick<RegionRef, "id">, query: Record<string, string> = {}): Promise<Crumb[]> {
  const root = await readScopeRoot(user);
  if (!root) return [];
  const chain = await listAncestors(region.id);
  const from = chain.findIndex((r) => r.id === root.id);
  const below = from >= 0 ? chain.slice(from + 1).filter((r) => r.level !== "TOWN") : [];
  return [
    { href: overviewHref(root, root, query), label: `${SCOPE_WORD[root.level]}概览` },
    ...below.map((r) => ({ href: overviewHref(r, root, query), label: r.name })),
  ];
}
