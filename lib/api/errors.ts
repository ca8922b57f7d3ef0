import "server-only";
import { NextResponse } from "next/server";
import { ZodError } from "zod";
import { isDatabaseUnavailable } from "@/lib/db/errors";

export type ApiErrorCode = "bad_request" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "unprocessable" | "internal";

const STATUS: Record<ApiErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
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

export const notSignedIn = () => new ApiError("unauthorized", "未登录或登录已过期，请重新登录");
export const forbidden = () => new ApiError("forbidden", "没有权限访问该数据");
export const DATABASE_UNAVAILABLE = "数据库暂时不可用，请稍后重试";
export const notFound = (what: string) => new ApiError("not_found", `${what}不存在`);

export function zodMessage(error: ZodError): string {
  return error.issues.map((i) => (i.path.length ? `${i.path.join(".")}：${i.message}` : i.message)).join("；");
}

export function errorResponse(error: unknown): NextResponse {
  if (error instanceof ApiError) {
    return NextResponse.json({ error: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) } }, { status: error.status });
  }
  if (error instanceof ZodError) {
    return NextResponse.json({ error: { code: "bad_request", message: zodMessage(error) } }, { status: 400 });
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
  if (isDatabaseUnavailable(error)) {
    // A restart or failover: the transaction was rolled back, and the pool reconnects by itself.
    console.warn("database unavailable", error instanceof Error ? error.message : error);
    return NextResponse.json({ error: { code: "unavailable", message: DATABASE_UNAVAILABLE } }, { status: 503, headers: { "Retry-After": "5" } });
  }
