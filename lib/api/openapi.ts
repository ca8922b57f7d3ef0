// OpenAPI 3.1 document for /api/v1, generated from the same zod schemas the routes validate with.
import { z } from "zod";
import * as s from "./schemas";

const json = (schema: z.ZodType) => z.toJSONSchema(schema, { target: "draft-2020-12", io: "output", unrepresentable: "any" });
const inputJson = (schema: z.ZodType) => z.toJSONSchema(schema, { target: "draft-2020-12", io: "input", unrepresentable: "any" });

type Param = { name: string; required: boolean; schema: unknown; description?: string };

function queryParams(schema: z.ZodObject): Param[] {
  const doc = inputJson(schema) as { properties?: Record<string, { description?: string }>; required?: string[] };
  return Object.entries(doc.properties ?? {}).map(([name, prop]) => ({
    name,
    in: "query",
    required: doc.required?.includes(name) ?? false,
    description: prop.description,
    schema: prop,
  }));
}

const errors = {
  "400": { description: "参数错误", content: { "application/json": { schema: json(s.errorSchema) } } },
  "401": { description: "未登录或令牌无效", content: { "application/json": { schema: json(s.errorSchema) } } },
  "403": { description: "无权访问该地区", content: { "application/json": { schema: json(s.errorSchema) } } },
  "404": { description: "地区或指标不存在", content: { "application/json": { schema: json(s.errorSchema) } } },
};

const ok = (description: string, schema: z.ZodType) => ({ "200": { description, content: { "application/json": { schema: json(schema) } } }, ...errors });

// .refine() wraps the object; its shape is still the object's.
const seriesParams = z.object({ region: s.regionParam, indicator: s.indicatorParam, from: s.periodParam, to: s.periodParam });

export function openApiDocument() {
  return {
    openapi: "3.1.0",
    info: {
      title: "乡镇工业统计平台 API",
      version: "1.0.0",
      description:
        "乡镇工业月度统计数据接口。金额单位为万元，十进制数以字符串返回以保证精确；百分数为未舍入的数值；无值一律为 null。认证：浏览器会话 Cookie，或 `Authorization: Bearer <令牌>`（管理员创建的 API 令牌）。",
    },
    servers: [{ url: "/" }],
    components: { securitySchemes: { bearer: { type: "http", scheme: "bearer" }, session: { type: "apiKey", in: "cookie", name: "next-auth.session-token" } } },
    security: [{ bearer: [] }, { session: [] }],
    paths: {
      "/api/v1/regions": { get: { summary: "可访问的地区（树，按层级）", responses: ok("地区列表", z.object({ regions: z.array(s.regionSchema) })) } },
      "/api/v1/indicators": { get: { summary: "指标目录", responses: ok("指标列表", z.object({ indicators: z.array(s.indicatorSchema) })) } },
      "/api/v1/overview": {
        get: {
          summary: "地区概览：各下级地区 × 指标的累计值、同比、完成年计划、时序进度、占比、排名、贡献率与拉动",
          parameters: queryParams(s.overviewQuery),
          responses: ok("概览", s.overviewSchema),
        },
      },
      "/api/v1/series": {
        get: { summary: "地区 × 指标的月度序列（含上年同期与当月值）", parameters: queryParams(seriesParams), responses: ok("序列", s.seriesSchema) },
      },
      "/api/v1/rankings": {
        get: { summary: "下级地区按总量或增幅排名（含较上月变化）", parameters: queryParams(s.rankingsQuery), responses: ok("排名", s.rankingSchema) },
      },
    },
  };
}
