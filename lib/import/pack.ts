import "server-only";
// The parsed records between preview and commit travel in ImportJob.summary (jsonb) as one
// string. Gzipped and base64'd: a 50k-row file's records are ≈13 MB of JSON but ≈1.5 MB packed,
// which PostgreSQL stores, returns and Prisma parses in a fraction of the time (each of storing
// and reading 13 MB took ≈1 s on the benchmark server). Unpacked strings are plain JSON (jobs
// previewed before packing was introduced).
import { gunzipSync, gzipSync } from "node:zlib";

const PACKED = "gzip+base64:";

export function packRecords(records: unknown[]): string {
  return PACKED + gzipSync(JSON.stringify(records), { level: 1 }).toString("base64");
}

export function unpackRecords<T>(packed: string): T[] {
  const json = packed.startsWith(PACKED) ? gunzipSync(Buffer.from(packed.slice(PACKED.length), "base64")).toString("utf8") : packed;
  return JSON.parse(json) as T[];
}
