import { createHash, randomBytes } from "node:crypto";

/** A new API or kiosk token: shown once; only its SHA-256 is stored. */
export function newToken(prefix: string): { token: string; hash: string; display: string } {
  const token = `${prefix}_${randomBytes(24).toString("base64url")}`;
  return { token, hash: hashToken(token), display: token.slice(0, prefix.length + 5) };
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}
