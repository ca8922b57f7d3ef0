// The OpenAPI document: valid OpenAPI 3.1 by an independent validator, and complete — every route
// file under app/api/v1 (and its exported methods) is documented, and nothing documented lacks a route.
import { readFileSync } from "node:fs";
import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { openApiDocument } from "@/lib/api/openapi";
import type * as s from "@/lib/api/schemas";
import type { AuditRow } from "@/lib/audit/queries";
import type { CheckResult } from "@/lib/checks";
import type { commitImport } from "@/lib/import/commit";
import type { getImportJob, previewImport } from "@/lib/import/service";
import type { reportJson } from "@/lib/reports/api";
import { exportedMethods, findRoutes, openApiPathOf, undocumented, unrouted } from "../../support/api-routes";

const root = path.resolve(__dirname, "../../..");
const appDir = path.join(root, "app");

type Schema = { type?: string; const?: string; properties?: Record<string, Schema>; anyOf?: Schema[]; required?: string[]; enum?: string[] };
type Operation = {
  summary: string;
  description?: string;
  security?: unknown[];
  parameters?: { name: string; in: string; required: boolean; description?: string }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, { $ref?: string; description?: string; content?: Record<string, { schema: Schema }> }>;
};
type Doc = {
  paths: Record<string, Record<string, Operation>>;
  components: { securitySchemes: Record<string, { type: string; in?: string; name?: string; scheme?: string }>; responses: Record<string, { headers?: Record<string, unknown> }> };
};

// What a client receives: the document as JSON (undefined dropped, as NextResponse.json does).
const doc = JSON.parse(JSON.stringify(openApiDocument())) as Doc;
const v1Routes = findRoutes(appDir, path.join(appDir, "api", "v1"));
const operations = Object.entries(doc.paths).flatMap(([p, item]) => Object.entries(item).map(([method, op]) => ({ path: p, method, op })));
const errorSchemaOf = (op: Operation, status: string) => op.responses[status]?.content?.["application/json"]?.schema.properties?.error;

describe("OpenAPI document", () => {
  it("is valid OpenAPI 3.1 by @seriousme/openapi-schema-validator (which also resolves every $ref)", async () => {
    const validator = new Validator();
    // A copy: resolveRefs() replaces the references inside the object it was given.
    const result = await validator.validate(structuredClone(doc));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
  });

  it("documents every route file under app/api/v1 with its exported methods, and nothing else under /api/v1", () => {
    expect(v1Routes.length).toBeGreaterThanOrEqual(14);
    expect(v1Routes.every((r) => r.methods.length > 0)).toBe(true);
    expect(undocumented(v1Routes, doc.paths)).toEqual([]);
    expect(unrouted(v1Routes, doc.paths, "/api/v1/")).toEqual([]);
  });

  it("documents the public health check outside v1", () => {
    const health = findRoutes(appDir, path.join(appDir, "api", "health"));
    expect(undocumented(health, doc.paths)).toEqual([]);
    expect(doc.paths["/api/health"].get.security).toEqual([]);
    expect(doc.paths["/api/health"].get.responses["503"]).toBeDefined();
  });

  it("declares each {param} of a path as a required path parameter, and describes every parameter in Chinese", () => {
    for (const { path: p, method, op } of operations) {
      const names = [...p.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
      const declared = (op.parameters ?? []).filter((x) => x.in === "path");
      expect(declared.map((x) => x.name).sort(), `${method} ${p}`).toEqual([...names].sort());
      expect(declared.every((x) => x.required)).toBe(true);
      for (const param of op.parameters ?? []) expect(param.description ?? "", `${method} ${p} ${param.name}`).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it("offers the session cookie the app issues and bearer tokens; only openapi.json and health are public", () => {
    const { session, bearer } = doc.components.securitySchemes;
    const cookieName = /const COOKIE = "([^"]+)"/.exec(readFileSync(path.join(root, "lib/auth/session-cookie.ts"), "utf8"))?.[1];
    expect(session).toMatchObject({ type: "apiKey", in: "cookie", name: cookieName });
    expect(bearer).toMatchObject({ type: "http", scheme: "bearer" });
    const publicOps = operations.filter(({ op }) => op.security?.length === 0).map(({ path: p }) => p);
    expect(publicOps.sort()).toEqual(["/api/health", "/api/v1/openapi.json"]);
    for (const { path: p, method, op } of operations.filter(({ op }) => op.security === undefined)) {
      expect(Object.keys(op.responses), `${method} ${p}`).toEqual(expect.arrayContaining(["401", "500", "503"]));
    }
  });

  it("tells on every write that cookie-authenticated writes must come from the same origin", () => {
    const writes = operations.filter(({ method }) => method !== "get");
    expect(writes.map(({ method, path: p }) => `${method} ${p}`).sort()).toEqual([
      "post /api/v1/bulletin/docx",
      "post /api/v1/checks",
      "post /api/v1/import/jobs",
      "post /api/v1/import/jobs/{id}/commit",
      "post /api/v1/reports/{town}/{period}/{action}",
      "put /api/v1/reports/{town}/{period}",
    ]);
    for (const { op } of writes) {
      expect(op.description).toContain("同源");
      expect(op.responses["403"]).toBeDefined();
    }
  });

  it("documents 503 with Retry-After", () => {
    expect(doc.components.responses.Unavailable.headers).toHaveProperty("Retry-After");
    expect(doc.paths["/api/v1/reports/{town}/{period}"].put.responses["503"]).toEqual({ $ref: "#/components/responses/Unavailable" });
  });

  it("documents the report save's 409 with the winner's version and data, and its 413/415", () => {
    const put = doc.paths["/api/v1/reports/{town}/{period}"].put;
    expect(Object.keys(put.requestBody!.content)).toEqual(["application/json"]);
    expect(put.requestBody!.content["application/json"].schema.required).toEqual(expect.arrayContaining(["values", "version"]));
    const winner = errorSchemaOf(put, "409")?.properties?.details?.anyOf?.[0];
    expect(winner?.properties?.version?.type).toBe("integer");
    expect(winner?.required).toEqual(expect.arrayContaining(["version", "values", "updatedBy"]));
    expect(errorSchemaOf(put, "409")?.properties?.code?.const).toBe("conflict");
    expect(put.responses["413"]).toBeDefined();
    expect(put.responses["415"]).toBeDefined();
  });

  it("documents the submit's 422 with the checks that stopped it, and the actions a report accepts", () => {
    const post = doc.paths["/api/v1/reports/{town}/{period}/{action}"].post;
    const details = errorSchemaOf(post, "422")?.properties?.details;
    expect(details?.required).toEqual(expect.arrayContaining(["errors", "warnings", "missingExplanations"]));
    const action = (post.parameters ?? []).find((x) => x.name === "action") as unknown as { schema: Schema };
    expect(action.schema.enum).toEqual(["submit", "approve", "return", "reopen"]);
    expect(post.responses["409"]).toBeDefined();
  });

  it("documents the import: a multipart upload with a file, and the commit's 409 and 422", () => {
    const upload = doc.paths["/api/v1/import/jobs"].post;
    const form = upload.requestBody!.content["multipart/form-data"].schema;
    expect(form.required).toEqual(expect.arrayContaining(["file", "kind"]));
    expect(form.properties?.kind?.enum).toContain("town_values");
    expect(Object.keys(upload.responses)).toEqual(expect.arrayContaining(["201", "413", "415", "422"]));
    const commit = doc.paths["/api/v1/import/jobs/{id}/commit"].post;
    expect(errorSchemaOf(commit, "409")).toBeDefined();
    expect(errorSchemaOf(commit, "422")).toBeDefined();
  });

  it("documents file downloads with their content types", () => {
    const types = (p: string) => Object.keys(doc.paths[p].get.responses["200"].content ?? {});
    expect(types("/api/v1/bulletin/docx")).toEqual(["application/vnd.openxmlformats-officedocument.wordprocessingml.document"]);
    expect(types("/api/v1/export/{table}")).toEqual(["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/csv; charset=utf-8"]);
    expect(types("/api/v1/import/templates/{file}")).toEqual(["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"]);
    expect(types("/api/v1/audit")).toEqual(["application/json", "text/csv; charset=utf-8"]);
  });
});

describe("route discovery (the completeness check can fail)", () => {
  it("maps folders to OpenAPI paths", () => {
    expect(openApiPathOf("api/v1/reports/[town]/[period]/[action]/route.ts")).toBe("/api/v1/reports/{town}/{period}/{action}");
    expect(openApiPathOf("api/v1/openapi.json/route.ts")).toBe("/api/v1/openapi.json");
    expect(openApiPathOf("(app)/api/v1/x/[...rest]/route.ts")).toBe("/api/v1/x/{rest}");
  });

  it("reads the exported methods in every form a route module uses", () => {
    expect(exportedMethods("export async function GET(request: Request) {}")).toEqual(["GET"]);
    expect(exportedMethods("export function DELETE() {}\nexport const PUT = handle(async () => x);")).toEqual(["PUT", "DELETE"]);
    expect(exportedMethods("const handler = NextAuth(o);\nexport { handler as GET, handler as POST };")).toEqual(["GET", "POST"]);
    expect(exportedMethods("async function PATCH() {}\nexport { PATCH };\nexport const dynamic = 'force-dynamic';")).toEqual(["PATCH"]);
    expect(exportedMethods("// export const GET = old\nexport const POST = handle(f);")).toEqual(["POST"]);
  });

  it("reports a new route without docs, a new method on a documented path, and a documented path without a route", () => {
    const targets = { file: "api/v1/targets/route.ts", path: openApiPathOf("api/v1/targets/route.ts"), methods: exportedMethods("export const GET = handle(async () => x);") };
    expect(undocumented([...v1Routes, targets], doc.paths)).toEqual(["GET /api/v1/targets（api/v1/targets/route.ts）"]);
    const withDelete = v1Routes.map((r) => (r.path === "/api/v1/audit" ? { ...r, methods: [...r.methods, "DELETE" as const] } : r));
    expect(undocumented(withDelete, doc.paths)).toEqual(["DELETE /api/v1/audit（api/v1/audit/route.ts）"]);
    expect(unrouted(v1Routes.filter((r) => r.path !== "/api/v1/checks"), doc.paths, "/api/v1/")).toEqual(["POST /api/v1/checks"]);
  });
});

// Compile-time (npx tsc): what the code returns, as JSON, fits the documented response schemas, and
// has no field they lack. A field added to a response without docs fails the type check.
type Jsonify<T> = T extends Date ? string : T extends (infer U)[] ? Jsonify<U>[] : T extends object ? { [K in keyof T]: Jsonify<T[K]> } : T;
type Fits<Produced, Schema extends z.ZodType> = [Jsonify<Produced>] extends [z.output<Schema>] ? (Exclude<keyof Produced, keyof z.output<Schema>> extends never ? true : false) : false;
type Result<F extends (...args: never[]) => unknown> = Awaited<ReturnType<F>>;
const responsesFitTheirDocs: [
  Fits<ReturnType<typeof reportJson>, typeof s.reportSchema>,
  Fits<CheckResult, typeof s.checkResultSchema>,
  Fits<AuditRow, typeof s.auditTrailSchema.shape.entries.element>,
  Fits<Result<typeof previewImport>, typeof s.importPreviewSchema>,
  Fits<Result<typeof getImportJob>, typeof s.importJobSchema>,
  Fits<Result<typeof commitImport>, typeof s.importCommitSchema>,
] = [true, true, true, true, true, true];
void responsesFitTheirDocs;
