// The API's route files as (path, method) pairs, read from the source tree, and their comparison
// with an OpenAPI document's paths: what a route serves but the document lacks, and the reverse.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];
export type Route = { file: string; path: string; methods: HttpMethod[] };

/**
 * The URL path of a route file, relative to the app directory, in OpenAPI form:
 * `api/v1/reports/[town]/[period]/route.ts` → `/api/v1/reports/{town}/{period}`. Route groups
 * `(name)` are not part of the URL; `[...rest]` and `[[...rest]]` become `{rest}`.
 */
export function openApiPathOf(routeFile: string): string {
  const segments = routeFile.split(/[\\/]/).filter(Boolean);
  if (segments.pop() !== "route.ts") throw new Error(`not a route file: ${routeFile}`);
  const parts = segments
    .filter((seg) => !/^\(.*\)$/.test(seg))
    .map((seg) => {
      const param = /^\[{1,2}(?:\.\.\.)?([^\]]+)\]{1,2}$/.exec(seg);
      return param ? `{${param[1]}}` : seg;
    });
  return `/${parts.join("/")}`;
}

/**
 * The HTTP methods a route module exports, read from its source: `export async function GET`,
 * `export function GET`, `export const GET =` and `export { handler as GET, POST }` forms.
 */
export function exportedMethods(source: string): HttpMethod[] {
  const found = new Set<HttpMethod>();
  const code = source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:])\/\/.*$/gm, "$1");
  for (const m of code.matchAll(/export\s+(?:async\s+)?(?:function\s*\*?\s*|const\s+|let\s+|var\s+)([A-Z]+)\b/g)) {
    if ((HTTP_METHODS as readonly string[]).includes(m[1])) found.add(m[1] as HttpMethod);
  }
  for (const m of code.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const item of m[1].split(",")) {
      const name = item.trim().split(/\s+as\s+/).pop()?.trim();
      if (name && (HTTP_METHODS as readonly string[]).includes(name)) found.add(name as HttpMethod);
    }
  }
  return HTTP_METHODS.filter((method) => found.has(method));
}

/** Every `route.ts` under `dir` (absolute), with its URL path computed relative to `appDir`. */
export function findRoutes(appDir: string, dir: string): Route[] {
  const routes: Route[] = [];
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const full = path.join(at, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts") {
        const file = path.relative(appDir, full);
        routes.push({ file, path: openApiPathOf(file), methods: exportedMethods(readFileSync(full, "utf8")) });
      }
    }
  };
  walk(dir);
  return routes.sort((a, b) => a.path.localeCompare(b.path));
}

type Paths = Record<string, Record<string, unknown>>;

/** "GET /api/v1/x" for each route method the document does not describe. */
export function undocumented(routes: Route[], paths: Paths): string[] {
  return routes.flatMap((r) => r.methods.filter((m) => !paths[r.path]?.[m.toLowerCase()]).map((m) => `${m} ${r.path}（${r.file}）`));
}

/** "GET /api/v1/x" for each documented operation under `prefix` that no route file serves. */
export function unrouted(routes: Route[], paths: Paths, prefix: string): string[] {
  const served = new Set(routes.flatMap((r) => r.methods.map((m) => `${m} ${r.path}`)));
  return Object.entries(paths)
    .filter(([p]) => p.startsWith(prefix))
    .flatMap(([p, item]) =>
      Object.keys(item)
        .filter((k) => (HTTP_METHODS as readonly string[]).includes(k.toUpperCase()))
        .map((k) => `${k.toUpperCase()} ${p}`)
        .filter((op) => !served.has(op)),
    );
}
