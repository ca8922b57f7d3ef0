// Calls route handlers the way Next.js does, authenticated with a real API token from the database.
import { getPrisma } from "@/lib/db/client";
import { newToken } from "@/lib/api/tokens";

export async function createApiToken(username: string, opts: { regionCode?: string; readOnly?: boolean } = {}): Promise<string> {
  const db = getPrisma();
  const user = await db.user.findUniqueOrThrow({ where: { username }, select: { id: true } });
  const region = opts.regionCode ? await db.region.findUniqueOrThrow({ where: { code: opts.regionCode }, select: { id: true } }) : null;
  const { token, hash, display } = newToken("tis");
  await db.apiToken.create({ data: { name: `test ${username}`, tokenHash: hash, prefix: display, userId: user.id, regionId: region?.id ?? null, readOnly: opts.readOnly ?? true } });
  return token;
}

type Handler = (request: Request) => Promise<Response>;

export async function callApi(handler: Handler, path: string, token?: string) {
  const request = new Request(`http://localhost${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const response = await handler(request);
  const text = await response.text();
  return { status: response.status, text, body: JSON.parse(text) as Record<string, unknown> & { error?: { code: string; message: string } } };
}

type ParamHandler<P> = (request: Request, ctx: { params: Promise<P> }) => Promise<Response>;

/** Like callApi, for any method, a JSON body and a route with dynamic params (`[town]/[period]`). */
export async function callApiJson<P extends Record<string, string>>(handler: ParamHandler<P>, path: string, method: string, body: unknown, token: string | undefined, params: P) {
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  if (body !== undefined) headers["content-type"] = "application/json";
  const request = new Request(`http://localhost${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const response = await handler(request, { params: Promise.resolve(params) });
  const text = await response.text();
  return { status: response.status, text, body: JSON.parse(text) as Record<string, unknown> & { error?: { code: string; message: string; details?: Record<string, unknown> } } };
}
