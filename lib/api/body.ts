import "server-only";
// Request bodies read with a byte limit: the stream is cut off at the limit, so a hostile body
// costs at most that much memory and time, and nothing is parsed or written.
import { ApiError } from "./errors";

/** The cap on a JSON request body: a month's report with every 说明 filled is ≈ 20 KB. */
export const MAX_JSON_BYTES = 1024 * 1024;

const kb = (bytes: number) => (bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.round(bytes / 1024)} KB`);
export const bodyTooLarge = (limit: number, message = `请求内容超过 ${kb(limit)} 上限`) => new ApiError("payload_too_large", message);

/** The whole body as bytes, refused with 413 as soon as it passes `limit` (declared or streamed). */
export async function readBodyLimited(request: Request, limit: number, tooLarge: () => ApiError = () => bodyTooLarge(limit)): Promise<Uint8Array> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) throw tooLarge();
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

export const isJsonType = (type: string | null) => /^application\/json\s*(;|$)/i.test(type?.trim() ?? "");

/**
 * A JSON body of at most `limit` bytes: 415 unless it is sent as application/json, 413 when too
 * large, 400 when not JSON. `optional`: an empty body (no content) reads as `{}`.
 */
export async function readJsonBody(request: Request, opts: { limit?: number; optional?: boolean } = {}): Promise<unknown> {
  const type = request.headers.get("content-type");
  if (opts.optional && !type && !hasBody(request)) return {};
  if (!isJsonType(type)) throw new ApiError("unsupported_media_type", "请求体应为 JSON（Content-Type: application/json）");
  const bytes = await readBodyLimited(request, opts.limit ?? MAX_JSON_BYTES);
  if (opts.optional && bytes.length === 0) return {};
  try {
    return JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    throw new ApiError("bad_request", "请求体不是有效的 JSON");
  }
}

/** Whether the request declares content (a length above zero, or a chunked stream). */
export function hasBody(request: Request): boolean {
  const length = request.headers.get("content-length");
  if (length !== null) return Number(length) > 0;
  return request.headers.has("transfer-encoding") || request.body !== null;
}
