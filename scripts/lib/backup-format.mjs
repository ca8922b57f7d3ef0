// The backup file: plain SQL that psql can run, one statement per line (string literals escape their
// line breaks), so restore can read it line by line without parsing SQL. Layout:
//   -- comment lines, one of them "-- tis-backup: {json header}" (format, migrations, row counts)
//   \set ON_ERROR_STOP on, BEGIN, checks (migrations match, tables empty), INSERTs in dependency
//   order with user triggers off, sequences, a row-count check, COMMIT, "-- tis-backup end".
export const FORMAT = 1;
export const HEADER_PREFIX = "-- tis-backup: ";
export const END_MARKER = "-- tis-backup end";
/** Session settings that make every value's text form unambiguous, on both sides. */
export const SESSION_SETTINGS = ["standard_conforming_strings = on", "TimeZone = 'UTC'", "DateStyle = 'ISO, YMD'", "IntervalStyle = 'postgres'", "extra_float_digits = 3", "bytea_output = 'hex'"];

export function quoteIdent(name) {
  return `"${String(name).replaceAll('"', '""')}"`;
}

const NEEDS_ESCAPE = /[\\\u0000-\u001f\u007f]/;
const ESCAPED = /[\\'\u0000-\u001f\u007f]/g;
const NAMED = { "\\": "\\\\", "'": "''", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f" };

/** A value's text form as a SQL literal on one line: '…', or E'…' when it holds backslashes or control characters. */
export function sqlLiteral(text) {
  if (text === null || text === undefined) return "NULL";
  const s = String(text);
  if (!NEEDS_ESCAPE.test(s)) return `'${s.replaceAll("'", "''")}'`;
  return `E'${s.replace(ESCAPED, (c) => NAMED[c] ?? `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`)}'`;
}

export function textArray(values) {
  return values.length ? `ARRAY[${values.map(sqlLiteral).join(", ")}]::text[]` : "ARRAY[]::text[]";
}

/** Fails unless the target's applied migrations are exactly the backup's. */
export function migrationsCheck(migrations) {
  return (
    `DO $tis$ DECLARE expected text[] := ARRAY(SELECT DISTINCT m FROM unnest(${textArray(migrations)}) AS m ORDER BY m); actual text[]; BEGIN ` +
    `IF to_regclass('_prisma_migrations') IS NULL THEN RAISE EXCEPTION '目标数据库还没有表结构：先用与备份同版本的程序运行 npm run db:deploy'; END IF; ` +
    `actual := ARRAY(SELECT DISTINCT migration_name::text FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY 1); ` +
    `IF actual <> expected THEN RAISE EXCEPTION '目标数据库的迁移与备份不一致。备份：%；数据库：%', expected, actual; END IF; END $tis$;`
  );
}

/** Fails when any of the tables already has a row. */
export function emptyCheck(tables) {
  return (
    `DO $tis$ DECLARE t text; found boolean; BEGIN FOREACH t IN ARRAY ${textArray(tables)} LOOP ` +
    `EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I)', t) INTO found; ` +
    `IF found THEN RAISE EXCEPTION '目标数据库不是空的（表 % 已有数据）：恢复到空数据库，或用 npm run db:restore -- <文件> --force 覆盖', t; END IF; END LOOP; END $tis$;`
  );
}

/** Fails unless every table holds as many rows as the backup says. */
export function countCheck(counts) {
  return (
    `DO $tis$ DECLARE expected jsonb := ${sqlLiteral(JSON.stringify(counts))}; t text; n bigint; BEGIN FOR t IN SELECT jsonb_object_keys(expected) LOOP ` +
    `EXECUTE format('SELECT count(*) FROM %I', t) INTO n; ` +
    `IF n <> (expected->>t)::bigint THEN RAISE EXCEPTION '表 % 恢复后有 % 行，备份中有 % 行', t, n, expected->>t; END IF; END LOOP; END $tis$;`
  );
}

/** Lines that restore runs itself rather than from the file (it has its own transaction). */
export function isControlLine(line) {
  return line === "" || line.startsWith("--") || line.startsWith("\\") || line === "BEGIN;" || line === "COMMIT;";
}

export function parseHeaderLine(line) {
  if (!line.startsWith(HEADER_PREFIX)) return null;
  try {
    return JSON.parse(line.slice(HEADER_PREFIX.length));
  } catch {
    return null;
  }
}
