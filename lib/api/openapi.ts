// OpenAPI 3.1 document for /api/v1 (and /api/health), generated from the same zod schemas the routes
// validate with. tests/unit/api/openapi.test.ts checks it against an independent validator and
// against the route files: a route without a documented path and method fails the test.
import { z } from "zod";
import { attractionFilterSchema } from "@/lib/attraction/filters";
import { auditQuery } from "@/lib/audit/api";
import { bulletinExportSchema, bulletinHeadSchema } from "@/lib/bulletin/head";
import { enterpriseFilterSchema } from "@/lib/enterprises/filters";
import { EXPORT_TABLES } from "@/lib/export";
import { forecastQuery, forecastSchema } from "@/lib/forecast/schema";
import { MAX_UPLOAD_BYTES, MB } from "@/lib/import/limits";
import { sheetChoicesSchema, uploadFields } from "@/lib/import/http";
import { IMPORT_KINDS } from "@/lib/import/types";
import { projectFilterSchema } from "@/lib/projects/filters";
import { checksBody, commentBody, reasonBody, saveBody, transitionBody } from "@/lib/reports/api";
import * as s from "./schemas";
import { CSV, DOCX, XLSX, binary, errorContent, errorOf, idPath, inp, jsonBody, jsonOk, operation, out, pathParam, periodPath, queryParams, ref, responses, townPath, type JsonSchema, type Param } from "./openapi-builders";

const HEAD_NOTES = { issuer: "版头：发文机关；省略时为“<县名>经济发展局”", docNumber: "版头：发文字号，如 兴经发〔2026〕7号；省略时按统计期拟定", issueDate: "版头：成文日期 YYYY-MM-DD；省略时为今天（北京时间）" };
const includeNote = "省略时仅统计已审核数据；submitted：含已报送未审核数据";

/** The export's filters: the list pages' own zod schemas (each table reads the ones it knows). */
function exportFilterParams(): Param[] {
  const tablesOf: Record<string, string> = { q: "关键词（企业、项目、招商项目名称）", tier: "企业规模档（enterprises）", town: "乡镇代码（enterprises、projects、attraction）", park: "园区编号（enterprises）", industry: "行业代码，如 C34（enterprises）", scale: "above 规上 / below 规下（enterprises）", sort: "排序（enterprises、projects）", bucket: "项目投资额档（projects）", stage: "项目阶段（projects）", currency: "币种（attraction）", arrived: "是否到位（attraction）", tab: "signed 签约项目 / private 民资（attraction）" };
  const merged = new Map<string, JsonSchema[]>();
  for (const schema of [enterpriseFilterSchema, projectFilterSchema, attractionFilterSchema]) {
    for (const p of queryParams(schema)) {
      if (p.name === "page" || p.name === "period") continue; // an export is never paged; period is documented above
      const seen = merged.get(p.name) ?? [];
      if (!seen.some((x) => JSON.stringify(x) === JSON.stringify(p.schema))) seen.push(p.schema);
      merged.set(p.name, seen);
    }
  }
  return [...merged].map(([name, schemas]) => ({ name, in: "query" as const, required: false, description: tablesOf[name] ?? name, schema: schemas.length === 1 ? schemas[0] : { anyOf: schemas } }));
}

/** The upload form lib/import/http.ts reads: `file`, the fields of `uploadFields`, and `sheets` (JSON text). */
const uploadSchema = (() => {
  const fields = inp(uploadFields) as { properties: Record<string, JsonSchema>; required?: string[] };
  return {
    type: "object",
    properties: {
      file: { type: "string", contentMediaType: "application/octet-stream", description: `Excel（.xlsx / .xls）或 CSV 文件，最大 ${MB(MAX_UPLOAD_BYTES)}` },
      kind: { ...fields.properties.kind, description: "导入的数据类型：town_values 乡镇月报数据 · enterprises 企业名录 · enterprise_values 企业月度数据 · projects 项目 · plans 年度计划" },
      period: { ...fields.properties.period, description: "统计期 YYYY-MM（年度计划可只写 YYYY）；省略时按文件内容" },
      history: fields.properties.history,
      reopen: fields.properties.reopen,
      reopenReason: fields.properties.reopenReason,
      sheets: {
        type: "string",
        contentMediaType: "application/json",
        contentSchema: inp(sheetChoicesSchema),
        description: "可选：对预览中问题的回答，JSON 文本 { 工作表名: { period?: \"YYYY-MM\", unit?: \"元\" | \"万元\" | \"亿元\" } }，随文件重新上传",
      },
    },
    required: ["file", ...(fields.required ?? [])],
  };
})();

const transitionBodies = z.union([transitionBody.meta({ description: "submit / approve" }), commentBody.meta({ description: "return：退回意见" }), reasonBody.meta({ description: "reopen：重新打开的原因" })]);

const healthSchema = {
  type: "object",
  properties: {
    ok: { type: "boolean" },
    db: { type: "string", description: "数据库类型（pglite 内嵌 / postgres 服务器）" },
    pendingMigrations: { type: "array", items: { type: "string" }, description: "尚未应用的迁移" },
    error: { type: "object", properties: { code: { type: "string", enum: ["migrations_pending", "db_unavailable"] }, message: { type: "string" } }, required: ["code", "message"] },
  },
  required: ["ok"],
};

export function openApiDocument() {
  return {
    openapi: "3.1.0",
    info: {
      title: "乡镇工业统计平台 API",
      version: "1.0.0",
      description:
        "乡镇工业月度统计数据接口。金额单位为万元，十进制数以字符串返回以保证精确；百分数为未舍入的数值；无值一律为 null。认证：浏览器会话 Cookie，或 `Authorization: Bearer <令牌>`（管理员创建的 API 令牌）。错误一律为 `{ \"error\": { \"code\", \"message\", \"details\"? } }`，message 为中文说明；出错时不做任何修改。",
    },
    servers: [{ url: "/" }],
    tags: [
      { name: "数据查询", description: "地区、指标、概览、序列、排名" },
      { name: "月报", description: "乡镇月报的填报、审核流程与审核检查" },
      { name: "报送与审计", description: "报送情况、审计日志" },
      { name: "导出与通报", description: "Excel / CSV 导出、Word 通报" },
      { name: "数据导入", description: "上传预览、提交导入、模板" },
      { name: "系统", description: "公开接口：接口文档、健康检查" },
    ],
    components: {
      securitySchemes: {
        session: {
          type: "apiKey",
          in: "cookie",
          name: "next-auth.session-token",
          description: "登录后浏览器保存的会话 Cookie（HTTPS 下名为 __Secure-next-auth.session-token）。写操作须为本站页面的同源请求（防跨站请求伪造）。",
        },
        bearer: {
          type: "http",
          scheme: "bearer",
          description: "管理员在“API 令牌”中创建的令牌（tis_ 开头，只显示一次）。可限定地区范围与只读；不受同源检查限制。",
        },
      },
      schemas: {
        Error: out(s.errorSchema),
        Report: out(s.reportSchema),
        CheckResult: out(s.checkResultSchema),
      },
      responses,
    },
    security: [{ session: [] }, { bearer: [] }],
    paths: {
      "/api/v1/regions": {
        get: operation({ summary: "可访问的地区（树，按层级）", tags: ["数据查询"], ok: { "200": jsonOk("地区列表", out(z.object({ regions: z.array(s.regionSchema) }))) }, errors: ["Forbidden"] }),
      },
      "/api/v1/indicators": {
        get: operation({ summary: "指标目录", tags: ["数据查询"], ok: { "200": jsonOk("指标列表", out(z.object({ indicators: z.array(s.indicatorSchema) }))) } }),
      },
      "/api/v1/overview": {
        get: operation({
          summary: "地区概览：各下级地区 × 指标的累计值、同比、完成年计划、时序进度、占比、排名、贡献率与拉动",
          tags: ["数据查询"],
          parameters: queryParams(s.overviewQuery, { period: "统计期 YYYY-MM；省略时为该地区最近一个多数乡镇已报送的月份", include: includeNote }),
          ok: { "200": jsonOk("概览", out(s.overviewSchema)) },
          errors: ["BadRequest", "Forbidden", "NotFound"],
        }),
      },
      "/api/v1/series": {
        get: operation({
          summary: "地区 × 指标的月度序列（含上年同期与当月值）",
          tags: ["数据查询"],
          parameters: queryParams(s.seriesQuery, { from: "起始统计期 YYYY-MM", to: "结束统计期 YYYY-MM（一次最多120个月）", include: includeNote }),
          ok: { "200": jsonOk("序列", out(s.seriesSchema)) },
          errors: ["BadRequest", "Forbidden", "NotFound"],
        }),
      },
      "/api/v1/rankings": {
        get: operation({
          summary: "下级地区按总量或增幅排名（含较上月变化）",
          tags: ["数据查询"],
          parameters: queryParams(s.rankingsQuery, { period: "统计期 YYYY-MM；省略时为最近一个多数乡镇已报送的月份", include: includeNote, by: "total 按总量（默认）/ growth 按增幅" }),
          ok: { "200": jsonOk("排名", out(s.rankingSchema)) },
          errors: ["BadRequest", "Forbidden", "NotFound"],
        }),
      },
      "/api/v1/forecast": {
        get: operation({
          summary: "预计全年：按历年进度测算地区及各下级地区的全年数、区间、预计完成年计划，及预警（低于预警线）与超额名单",
          description:
            "预计全年 = 1–N月累计 ÷ 历年同期进度（本地往年1–N月累计占全年比重的中位数，最多取最近5个可用年份；不足2年用上级地区的进度，再不足按时序进度）。区间按往年中最快与最慢的进度测算。存量指标、无本期数据、无完整往年数据（如新设乡镇）时无预计值，reason 说明原因；年计划缺失、为零或负数时有预计值而无完成比例。",
          tags: ["数据查询"],
          parameters: queryParams(forecastQuery, { period: "统计期 YYYY-MM；省略时为该地区最近一个多数乡镇已报送的月份", include: includeNote, indicator: "指标代码（默认 gross_output 工业总产值）" }),
          ok: { "200": jsonOk("预计全年", out(forecastSchema)) },
          errors: ["BadRequest", "Forbidden", "NotFound"],
        }),
      },
      "/api/v1/reports/{town}/{period}": {
        get: operation({
          summary: "乡镇月报：数值、说明、状态与版本号，及上月累计、上年同期、年计划和审核结果",
          tags: ["月报"],
          parameters: [townPath, periodPath],
          ok: { "200": jsonOk("月报（尚未填报时 status 为 null、version 为 0）", out(s.reportViewSchema)) },
          errors: ["BadRequest", "Forbidden", "NotFound"],
        }),
        put: operation({
          summary: "保存月报草稿（带上读到的版本号；乐观锁）",
          description:
            "数值可为数字或文本（如 \"1.2亿\"、\"1,234.5\"），按指标单位换算为万元。version 与当前版本不一致（他人已先保存）时返回 409，details 中给出对方保存的版本号与数据，本次修改未保存。已报送或已审核（锁定）的月报不能修改（403）。",
          tags: ["月报"],
          write: true,
          parameters: [townPath, periodPath],
          requestBody: jsonBody(saveBody),
          ok: { "200": jsonOk("保存后的月报（version 已加 1）", ref("Report")) },
          errors: ["WriteForbidden", "NotFound", "PayloadTooLarge", "UnsupportedMediaType"],
          specific: {
            "400": errorOf("参数有误；逐项的数值错误在 details.fieldErrors 中", "bad_request", s.fieldErrorsDetails.optional()),
            "409": errorOf("版本冲突：他人已先保存。details 为对方保存后的版本号、状态与数据", "conflict", s.reportConflictDetails),
          },
        }),
      },
      "/api/v1/reports/{town}/{period}/{action}": {
        post: operation({
          summary: "月报流程操作：报送 submit、审核通过 approve、退回 return、重新打开 reopen",
          description:
            "请求体可省略（等同 {}）。带 version 时与当前版本不一致返回 409（details 为对方保存的数据）；当前状态不允许该操作（如审核草稿）也返回 409（details 为 { status }）。报送时服务器重新运行审核：有逻辑性错误或缺少核实说明时返回 422，details 列出问题。",
          tags: ["月报"],
          write: true,
          parameters: [townPath, periodPath, pathParam("action", "操作：submit 报送 · approve 审核通过 · return 退回（须填 comment）· reopen 重新打开已审核月报（须填 reason）", { type: "string", enum: ["submit", "approve", "return", "reopen"] })],
          requestBody: jsonBody(transitionBodies, false, "submit / approve：{ version? }；return：{ version?, comment }；reopen：{ version?, reason }"),
          ok: { "200": jsonOk("操作后的月报", ref("Report")) },
          errors: ["BadRequest", "WriteForbidden", "NotFound", "PayloadTooLarge", "UnsupportedMediaType"],
          specific: {
            "409": errorOf("版本冲突，或当前状态不允许该操作", "conflict", s.reportConflictDetails),
            "422": errorOf("报送被审核拦下：逻辑性错误须修正，核实性提示须填写说明", "unprocessable", s.checksFailedDetails),
          },
        }),
      },
      "/api/v1/checks": {
        post: operation({
          summary: "审核检查（不保存）：用乡镇已存的上月累计、上年同期与年计划检查所填数值",
          tags: ["月报"],
          write: true,
          requestBody: jsonBody(checksBody),
          ok: { "200": jsonOk("审核结果", ref("CheckResult")) },
          errors: ["WriteForbidden", "NotFound", "PayloadTooLarge", "UnsupportedMediaType"],
          specific: { "400": errorOf("参数有误；逐项的数值错误在 details.fieldErrors 中", "bad_request", s.fieldErrorsDetails.optional()) },
        }),
      },
      "/api/v1/submissions": {
        get: operation({
          summary: "报送情况：县内各乡镇（或市内无乡镇明细的各县（市、区））某月月报的状态、是否按时与按时报送率",
          tags: ["报送与审计"],
          parameters: queryParams(s.submissionsQuery),
          ok: { "200": jsonOk("报送情况", out(s.submissionBoardSchema)) },
          errors: ["BadRequest", "Forbidden", "NotFound"],
        }),
      },
      "/api/v1/audit": {
        get: operation({
          summary: "乡镇审计日志（可筛选；format=csv 时下载 CSV）",
          tags: ["报送与审计"],
          parameters: queryParams(auditQuery, { action: "操作类型，如 save、submit、approve、return、reopen、import", from: "起始日期 YYYY-MM-DD（北京时间）", to: "结束日期 YYYY-MM-DD（含当日）", field: "字段（指标名称）包含的文字" }),
          ok: {
            "200": {
              description: "审计日志（最多5万条，新的在前）",
              content: { "application/json": { schema: out(s.auditTrailSchema) }, [CSV]: { schema: { type: "string", description: "format=csv：审计日志 CSV（UTF-8）" } } },
            },
          },
          errors: ["BadRequest", "Forbidden", "NotFound"],
        }),
      },
      "/api/v1/export/{table}": {
        get: operation({
          summary: "导出列表为 Excel（默认）或 CSV，只含调用者可读的范围",
          tags: ["导出与通报"],
          parameters: [
            pathParam("table", "导出的表：overview 概览 · enterprises 企业 · projects 项目 · parks 园区 · attraction 招商 · private-economy 民营经济", { type: "string", enum: [...EXPORT_TABLES] }),
            { name: "format", in: "query", required: false, description: "xlsx（默认）或 csv", schema: { type: "string", enum: ["xlsx", "csv"], default: "xlsx" } },
            { name: "region", in: "query", required: false, description: "地区12位代码；省略时为调用者的范围", schema: inp(s.regionParam) },
            { name: "period", in: "query", required: false, description: "统计期 YYYY-MM；省略时为最近的统计期", schema: inp(s.periodParam) },
            { name: "indicator", in: "query", required: false, description: "指标代码（overview 表；默认 gross_output）", schema: inp(s.indicatorParam) },
            ...exportFilterParams(),
          ],
          ok: { "200": binary("导出文件", { [XLSX]: "Excel 工作簿", [CSV]: "format=csv：CSV（UTF-8）" }) },
          errors: ["BadRequest", "Forbidden", "NotFound"],
        }),
      },
      "/api/v1/bulletin/docx": {
        get: operation({
          summary: "通报 Word 文档：指定版本，否则最新版本，否则按已审核数据生成",
          tags: ["导出与通报"],
          parameters: [
            { name: "region", in: "query", required: false, description: "县（市、区）12位代码；省略时为调用者所在的县", schema: inp(s.regionParam) },
            { name: "period", in: "query", required: false, description: "统计期 YYYY-MM；省略时为最近一个多数乡镇已审核的月份", schema: inp(s.periodParam) },
            { name: "revision", in: "query", required: false, description: "通报版本号（正整数）；省略时为最新版本", schema: { type: "integer", minimum: 1 } },
            ...queryParams(bulletinHeadSchema, HEAD_NOTES).map((p) => ({ ...p, required: false })),
          ],
          ok: { "200": binary("通报（.docx）", { [DOCX]: "Word 文档" }) },
          errors: ["BadRequest", "Forbidden", "NotFound"],
        }),
        post: operation({
          summary: "把页面上编辑中的通报（未保存）导出为 Word 文档（仅县局审核员）",
          description: "请求体为版头（发文机关、文号、成文日期）、标题与正文，正文按编辑后的文字分节。",
          tags: ["导出与通报"],
          write: true,
          requestBody: jsonBody(bulletinExportSchema),
          ok: { "200": binary("通报（.docx）", { [DOCX]: "Word 文档" }) },
          errors: ["BadRequest", "WriteForbidden", "NotFound", "PayloadTooLarge", "UnsupportedMediaType"],
        }),
      },
      "/api/v1/import/jobs": {
        post: operation({
          summary: "上传导入文件：解析、校验并与已存数据比对，生成预览（只保存任务，不写数据）",
          tags: ["数据导入"],
          write: true,
          requestBody: { required: true, content: { "multipart/form-data": { schema: uploadSchema, encoding: { file: { contentType: `${XLSX}, application/vnd.ms-excel, text/csv, application/octet-stream` } } } } },
          ok: { "201": jsonOk("预览：将新增、更新、不变的条数，文件中的问题；committable 为 true 时可提交", out(s.importPreviewSchema)) },
          errors: ["BadRequest", "WriteForbidden", "UnsupportedMediaType"],
          specific: {
            "413": { description: `文件超过 ${MB(MAX_UPLOAD_BYTES)} 上限（未读完即拒绝）`, content: errorContent() },
            "422": errorOf("文件无法读取（格式不支持、损坏或过大的压缩内容）", "unprocessable", undefined),
          },
        }),
      },
      "/api/v1/import/jobs/{id}": {
        get: operation({
          summary: "导入任务：预览、进度（rowsDone / rowsTotal）或结果（只有上传者可见）",
          tags: ["数据导入"],
          parameters: [idPath],
          ok: { "200": jsonOk("导入任务", out(s.importJobSchema)) },
          errors: ["Forbidden", "NotFound"],
        }),
      },
      "/api/v1/import/jobs/{id}/commit": {
        post: operation({
          summary: "提交导入：在一个事务中全部写入或全部不写，并记审计日志",
          description: "已导入、正在导入、已失败，或预览后数据已变化时返回 409；预览中有错误时返回 422。出错时所有数据均未写入。",
          tags: ["数据导入"],
          write: true,
          parameters: [idPath],
          ok: { "200": jsonOk("导入结果：新增、更新、不变的条数", out(s.importCommitSchema)) },
          errors: ["WriteForbidden", "NotFound", "UnsupportedMediaType"],
          specific: {
            "409": errorOf("该文件已导入、正在导入、已失败（须重新上传），或数据在预览后发生变化", "conflict", undefined),
            "422": errorOf("预览中有错误，须修正文件后重新上传", "unprocessable", undefined),
          },
        }),
      },
      "/api/v1/import/jobs/{id}/problems": {
        get: operation({
          summary: "预览中发现的问题清单（.xlsx：工作表、行号、列、单元格内容、问题、处理建议；只有上传者可下载）",
          tags: ["数据导入"],
          parameters: [idPath],
          ok: { "200": binary("问题清单", { [XLSX]: "Excel 工作簿" }) },
          errors: ["Forbidden", "NotFound"],
        }),
      },
      "/api/v1/import/templates/{file}": {
        get: operation({
          summary: "导入模板（中文列标题与一行示例）",
          tags: ["数据导入"],
          parameters: [pathParam("file", "模板文件名：<数据类型>.xlsx", { type: "string", enum: IMPORT_KINDS.map((k) => `${k}.xlsx`) })],
          ok: { "200": binary("Excel 模板", { [XLSX]: "Excel 工作簿" }) },
          errors: ["Forbidden", "NotFound"],
        }),
      },
      "/api/v1/openapi.json": {
        get: operation({ summary: "本接口文档（OpenAPI 3.1，公开）", tags: ["系统"], public: true, ok: { "200": jsonOk("OpenAPI 文档", { type: "object" }) } }),
      },
      "/api/health": {
        get: operation({
          summary: "健康检查（公开）：执行一次真实查询并检查数据库迁移",
          tags: ["系统"],
          public: true,
          ok: { "200": jsonOk("正常", healthSchema), "503": jsonOk("数据库不可用，或有迁移尚未应用", healthSchema) },
        }),
      },
    },
  };
}
