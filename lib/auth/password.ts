import "server-only";
// Password hashing and the password policy. Hashes never leave lib/auth and lib/users.
import bcrypt from "bcryptjs";
import { randomInt } from "node:crypto";
import { z } from "zod";

/** bcrypt cost 10: ≈ 70 ms per hash with bcryptjs, enough for a sign-in form. */
export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, 10);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

export const PASSWORD_RULE = "至少8位，须同时包含字母和数字，且不能包含用户名";

/** ≥ 8 characters with letters and digits, not containing the username (any case). bcrypt reads at most 72 bytes. */
export function passwordSchema(username: string) {
  return z
    .string()
    .min(8, "密码至少8位")
    .max(64, "密码不能超过64位")
    .regex(/[A-Za-z]/, "密码须包含字母")
    .regex(/[0-9]/, "密码须包含数字")
    .refine((p) => !username || !p.toLowerCase().includes(username.toLowerCase()), "密码不能包含用户名");
}

// No 0/O, 1/l/I: the temporary password is read out or copied by hand.
const LETTERS = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";
const DIGITS = "23456789";

/** A temporary password shown once to the admin, e.g. "Tq7m-Kx4p-Wd9z": 12 random characters. */
export function generateTemporaryPassword(): string {
  const alphabet = LETTERS + DIGITS;
  for (;;) {
    const chars = Array.from({ length: 12 }, () => alphabet[randomInt(alphabet.length)]);
    const text = chars.join("");
    if (/[0-9]/.test(text) && /[A-Za-z]/.test(text)) return `${text.slice(0, 4)}-${text.slice(4, 8)}-${text.slice(8)}`;
  }
}
