// Links that keep the list's current filters and change one thing (page, sort…).
export type Query = Record<string, string | number | undefined | null>;

export function hrefWith(path: string, query: Query, changes: Query = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...query, ...changes })) if (v !== undefined && v !== null && v !== "") params.set(k, String(v));
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}
