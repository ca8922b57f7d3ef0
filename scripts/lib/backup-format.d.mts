// Types for the part of scripts/lib/backup-format.mjs that the tests use.

/** A value's text form as a SQL literal on one line: '…', or E'…' when it holds backslashes or control characters. */
export function sqlLiteral(text: string | null | undefined): string;
