// Which database errors mean "the database is not there right now" (restart, failover, network) and
// which mean "a concurrent writer won" (unique violation, serialization failure, deadlock). Prisma
// wraps driver errors differently per adapter and path, so the whole cause chain is searched.

/** Prisma's codes for an unreachable, closed or overloaded connection. */
const PRISMA_UNAVAILABLE = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2037"]);
/** Node socket errors. */
const SOCKET_UNAVAILABLE = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "EPIPE", "EHOSTUNREACH"]);
/** SQLSTATEs: admin_shutdown, crash_shutdown, cannot_connect_now, too_many_connections; class 08 is connection exceptions. */
const SQLSTATE_UNAVAILABLE = new Set(["57P01", "57P02", "57P03", "53300"]);
/** Messages of pg, PGlite and Prisma's driver adapters that carry no code. */
const UNAVAILABLE_MESSAGES = [
  "Connection terminated",
  "is not queryable",
  "PGlite is closed",
  "PGlite is closing",
  "Server has closed the connection",
  "Can't reach database server",
  // P2028 when no pooled connection came free within maxWait: the database is saturated.
  "Unable to start a transaction in the given time",
];

/** unique_violation, serialization_failure, deadlock_detected. */
const SQLSTATE_CONFLICT = new Set(["23505", "40001", "40P01"]);
const PRISMA_CONFLICT = new Set(["P2002", "P2034"]);

type Codes = { codes: string[]; messages: string[] };

function collect(error: unknown, out: Codes = { codes: [], messages: [] }, depth = 0): Codes {
  if (!error || typeof error !== "object" || depth > 6) return out;
  const e = error as { code?: unknown; message?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown }; originalCode?: unknown; kind?: unknown };
  for (const c of [e.code, e.originalCode, e.kind]) if (typeof c === "string") out.codes.push(c);
  if (typeof e.message === "string") out.messages.push(e.message);
  collect(e.cause, out, depth + 1);
  collect(e.meta?.driverAdapterError, out, depth + 1);
  return out;
}

/** The database cannot be reached or dropped the connection: worth a retry in a moment (503). */
export function isDatabaseUnavailable(error: unknown): boolean {
  const { codes, messages } = collect(error);
  if (codes.some((c) => PRISMA_UNAVAILABLE.has(c) || SOCKET_UNAVAILABLE.has(c) || SQLSTATE_UNAVAILABLE.has(c) || /^08[0-9A-Z]{3}$/.test(c))) return true;
  if (codes.some((c) => c === "DatabaseNotReachable" || c === "ConnectionClosed" || c === "SocketTimeout" || c === "TooManyConnections")) return true;
  return messages.some((m) => UNAVAILABLE_MESSAGES.some((u) => m.includes(u)));
}

/** A concurrent transaction won (unique violation, serialization failure, deadlock): a conflict (409). */
export function isWriteConflict(error: unknown): boolean {
  const { codes } = collect(error);
  return codes.some((c) => PRISMA_CONFLICT.has(c) || SQLSTATE_CONFLICT.has(c) || c === "UniqueConstraintViolation" || c === "TransactionWriteConflict");
}
