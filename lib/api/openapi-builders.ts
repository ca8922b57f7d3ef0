// The building blocks of the OpenAPI document (./openapi.ts): zod → JSON Schema, parameters, the shared
// error answers and one operation's shape. No paths here; the document lists them by area.
import { z } from "zod";
import { MAX_JSON_BYTES } from "./body";
import * as s from "./schemas";

export type JsonSchema = Record<string, unknown>;
type Io = "input" | "output";

/** A zod schema as JSON Schema 2020-12 (OpenAPI 3.1's dialect), without the per-schema `$schema`. */
function jsonSchema(schema: z.ZodType, io: Io): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any" }) as JsonSchema;
  return rest;
}
export const out = (schema: z.ZodType) => jsonSchema(schema, "output");
export const inp = (schema: z.ZodType) => jsonSchema(schema, "input");
export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

export type Param = { name: string; in: "query" | "path"; required: boolean; description?: string; schema: JsonSchema };

/** Query parameters from the zod object the route parses the query with; `notes` fill in the Chinese meaning. */
export function queryParams(schema: z.ZodObject, notes: Record<string, string> = {}): Param[] {
  const doc = inp(schema) as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(doc.properties ?? {}).map(([name, prop]) => ({
    name,
    in: "query",
    required: doc.required?.includes(name) ?? false,
    description: notes[name] ?? (prop.description as string | undefined),
    schema: prop,
  }));
}

export const pathParam = (name: string, description: string, schema: JsonSchema): Param => ({ name, in: "path", required: true, description, schema });
export const townPath = pathParam("town", "乡镇的12位统计用区划代码", inp(s.regionParam));
export const periodPath = pathParam("period", "统计期（1–N月累计），YYYY-MM", inp(s.periodParam));
export const idPath = pathParam("id", "导入任务编号（上传时返回的 jobId）", { type: "integer", minimum: 1 });

// —— Responses ——

export const errorContent = (schema: JsonSchema = ref("Error")) => ({ "application/json": { schema } });

const WRITE_RULE =
  "写操作：用会话 Cookie 认证时，须是本系统页面发出的同源请求（浏览器自动附带的 Origin / Sec-Fetch-Site 表明来源），请求体为 application/json（导入上传为 multipart/form-data），否则 403 / 415（防跨站请求伪造）；用 Bearer 令牌时不检查来源，但只读令牌不能写（403）。";

export const responses = {
  BadRequest: { description: "参数或请求体有误（逐项说明在 message 中）", content: errorContent() },
  Unauthorized: { description: "未登录、登录已过期，或令牌无效、已吊销、已过期；Authorization 头格式错误", content: errorContent() },
  Forbidden: { description: "没有权限：角色或地区范围不允许、只读令牌的写操作，或账号须先修改密码", content: errorContent() },
  WriteForbidden: { description: `没有权限（角色、地区范围、只读令牌、报表已锁定），或 Cookie 认证的写请求不是来自本系统页面（防跨站请求伪造）`, content: errorContent() },
  NotFound: { description: "地区、指标、报表或任务不存在", content: errorContent() },
  PayloadTooLarge: { description: `请求体超过上限（JSON ${MAX_JSON_BYTES / 1024 / 1024} MB）；未读完即拒绝，未做任何修改`, content: errorContent() },
  UnsupportedMediaType: { description: "请求体不是 application/json（或上传不是 multipart/form-data）", content: errorContent() },
  Internal: { description: "服务器内部错误", content: errorContent() },
  Unavailable: {
    description: "数据库暂时不可用（重启或切换中）；事务已回滚，未做任何修改，可按 Retry-After 秒后重试",
    headers: { "Retry-After": { description: "建议等待的秒数", schema: { type: "integer", example: 5 } } },
    content: errorContent(),
  },
} as const;

export type ResponseName = keyof typeof responses;
const STATUS_OF: Record<ResponseName, string> = {
  BadRequest: "400",
  Unauthorized: "401",
  Forbidden: "403",
  WriteForbidden: "403",
  NotFound: "404",
  PayloadTooLarge: "413",
  UnsupportedMediaType: "415",
  Internal: "500",
  Unavailable: "503",
};

export type ApiResponse = { description: string; content?: Record<string, { schema: JsonSchema }>; headers?: Record<string, unknown> };

export const jsonOk = (description: string, schema: JsonSchema): ApiResponse => ({ description, content: { "application/json": { schema } } });
export const binary = (description: string, types: Record<string, string>): ApiResponse => ({
  description,
  headers: { "Content-Disposition": { description: "attachment；filename* 为 UTF-8 编码的中文文件名", schema: { type: "string" } } },
  content: Object.fromEntries(Object.entries(types).map(([type, what]) => [type, { schema: { type: "string", contentMediaType: type.split(";")[0], description: what } }])),
});
export const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
export const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
export const CSV = "text/csv; charset=utf-8";

type OperationSpec = {
  summary: string;
  description?: string;
  tags: string[];
  parameters?: Param[];
  requestBody?: unknown;
  ok: Record<string, ApiResponse>;
  /** Shared error answers of this operation; 401, 500 and 503 are added for every authenticated one. */
  errors?: ResponseName[];
  /** Error answers with a specific shape (e.g. 409 with the winner's data). */
  specific?: Record<string, ApiResponse>;
  write?: boolean;
  public?: boolean;
};

export function operation(spec: OperationSpec) {
  const given = spec.errors ?? [];
  // Any signed-in caller can be refused (403) until an admin-set password is changed.
  const forbidden: ResponseName[] = given.includes("Forbidden") || given.includes("WriteForbidden") ? [] : ["Forbidden"];
  const shared: ResponseName[] = spec.public ? [...given] : ["Unauthorized", ...forbidden, ...given, "Internal", "Unavailable"];
  const errors = Object.fromEntries(shared.map((name) => [STATUS_OF[name], { $ref: `#/components/responses/${name}` }]));
  const description = [spec.description, spec.write ? WRITE_RULE : undefined].filter(Boolean).join("\n\n");
  return {
    summary: spec.summary,
    ...(description ? { description } : {}),
    tags: spec.tags,
    ...(spec.public ? { security: [] } : {}),
    ...(spec.parameters?.length ? { parameters: spec.parameters } : {}),
    ...(spec.requestBody ? { requestBody: spec.requestBody } : {}),
    responses: { ...spec.ok, ...errors, ...spec.specific },
  };
}

export const jsonBody = (schema: z.ZodType, required = true, description?: string) => ({
  required,
  ...(description ? { description } : {}),
  content: { "application/json": { schema: inp(schema) } },
});

export const errorOf = (description: string, code: z.infer<typeof s.errorCodeSchema>, details?: z.ZodType): ApiResponse => ({
  description,
  content: errorContent(out(s.errorWith(code, details))),
});

// —— Query parameters that are not one zod object in the code ——
