import "server-only";
// The query of GET /api/v1/audit: the route parses with it and the OpenAPI document describes it.
import { z } from "zod";
import { regionParam } from "@/lib/api/schemas";
import { auditFilterSchema } from "./queries";

/** The town, the audit filters, and json or csv. */
export const auditQuery = auditFilterSchema.extend({
  town: regionParam.meta({ description: "乡镇的12位统计用区划代码", example: "321281101000" }),
  format: z.enum(["json", "csv"], { error: "format 只能是 json 或 csv" }).default("json").meta({ description: "json（默认）或 csv（下载）" }),
});
