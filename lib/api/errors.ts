import "server-only";
import { NextResponse } from "next/server";
import { ZodError, type z } from "zod";
import type { errorCodeSchema } from "./schemas";
import { isDatabaseUnavailable } from "@/lib/db/errors";

/** The codes (lib/api/schemas.ts lists them for the OpenAPI document); `unavailable` (503) is answered below. */
export type ApiErrorCode = Exclude<z.infer<typeof errorCodeSchema>, "unavailable">;

const STATUS: Record<ApiErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  internal: 500,
};

/** An expected failure: mapped to its status and a Chinese message. */
export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
  get status() {
    return STATUS[this.code];
  }
}

export const DATABASE_UNAVAILABLE = "数据库暂时不可用，请稍后重试";
export const notSignedIn = () => new ApiError("unauthorized", "未登录或登录已过期，请重新登录");
export const forbidden = () => new ApiError("forbidden", "没有权限访问该数据");
export const notFound = (what: string) => new ApiError("not_found", `${what}不存在`);

/** At most this many problems are spelled out in one response; the rest are counted. */
export const MAX_LISTED_ISSUES = 50;

/** Joins messages, listing at most MAX_LISTED_ISSUES of them (a hostile body can carry thousands). */
export function listIssues(messages: string[]): string {
  const shown = messages.slice(0, MAX_LISTED_ISSUES).join("；");
  return messages.length > MAX_LISTED_ISSUES ? `${shown}；……共 ${messages.length} 项` : shown;
}

/** A name taken from the request (a field, a key), cut short before it is echoed back. */
export const shortName = (name: PropertyKey) => (String(name).length > 40 ? `${String(name).slice(0, 40)}…` : String(name));

export function zodMessage(error: ZodError): string {
  return listIssues(error.issues.map((i) => (i.path.length ? `${i.path.map(shortName).join(".")}：${i.message}` : i.message)));
}

export function errorResponse(error: unknown): NextResponse {
  if (error instanceof ApiError) {
    return NextResponse.json({ error: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) } }, { status: error.status });
  }
  if (error instanceof ZodError) {
    return NextResponse.json({ error: { code: "bad_request", message: zodMessage(error) } }, { status: 400 });
  }
  if (isDatabaseUnavailable(error)) {
    // A restart or failover: the transaction was rolled back, and the pool reconnects by itself.
    console.warn("database unavailable", error instanceof Error ? error.message : error);
    return NextResponse.json({ error: { code: "unavailable", message: DATABASE_UNAVAILABLE } }, { status: 503, headers: { "Retry-After": "5" } });
  }
  console.error("unexpected API error", error);
  return NextResponse.json({ error: { code: "internal", message: "服务器内部错误，请稍后重试" } }, { status: 500 });
}

/** Wraps a route handler so every failure becomes a typed JSON error. */
export function handle<Args extends unknown[]>(fn: (...args: Args) => Promise<Response>) {
  return async (...args: Args): Promise<Response> => {
    try {
      return await fn(...args);
    } catch (error) {
      return errorResponse(error);
    }
  };
}
