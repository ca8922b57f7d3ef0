// What a backup reads: the app's tables in the current schema (except _prisma_migrations), their
// columns, primary keys, foreign keys and sequences, in an order that satisfies the foreign keys.
// Read from the catalog rather than listed by hand, so a new migration's tables are covered.
const SCHEMA = "c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r'";

const names = (conkey, relid) =>
  `array_to_json(ARRAY(SELECT a.attname::text FROM unnest(${conkey}) WITH ORDINALITY AS k(n, i) JOIN pg_attribute a ON a.attrelid = ${relid} AND a.attnum = k.n ORDER BY k.i))::text`;

export async function readCatalog(conn) {
  const tables = new Map();
  for (const [oid, name] of await conn.rows(`SELECT c.oid::int, c.relname::text FROM pg_class c WHERE ${SCHEMA} AND c.relname <> '_prisma_migrations' ORDER BY 2`)) {
    tables.set(oid, { name, columns: [], primaryKey: [], parents: new Set(), selfRef: null, sequences: [] });
  }
  const columns = await conn.rows(
    `SELECT a.attrelid::int, a.attname::text, pg_get_serial_sequence(quote_ident(c.relname), a.attname) FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
     WHERE ${SCHEMA} AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = '' ORDER BY a.attrelid, a.attnum`,
  );
  for (const [oid, column, sequence] of columns) {
    tables.get(oid)?.columns.push(column);
    if (sequence) tables.get(oid)?.sequences.push({ column, sequence });
  }
  const constraints = await conn.rows(
    `SELECT con.contype::text, con.conrelid::int, con.confrelid::int, ${names("con.conkey", "con.conrelid")}, ${names("con.confkey", "con.confrelid")}
     FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid WHERE ${SCHEMA} AND con.contype IN ('p', 'f')`,
  );
  for (const [type, oid, refOid, cols, refCols] of constraints) {
    const table = tables.get(oid);
    if (!table) continue;
    if (type === "p") table.primaryKey = JSON.parse(cols);
    else if (refOid === oid) table.selfRef = { columns: JSON.parse(cols), refColumns: JSON.parse(refCols) };
    else if (tables.has(refOid)) table.parents.add(refOid);
  }
  return dependencyOrder(tables);
}

/** Parents before children; ties by name, so the same database gives the same file. */
function dependencyOrder(tables) {
  const done = new Set();
  const ordered = [];
  while (ordered.length < tables.size) {
    const ready = [...tables].filter(([oid, t]) => !done.has(oid) && [...t.parents].every((p) => done.has(p)));
    if (ready.length === 0) {
      const left = [...tables].filter(([oid]) => !done.has(oid)).map(([, t]) => t.name);
      throw new Error(`表之间有循环外键，无法排序 / Foreign keys form a cycle: ${left.join(", ")}`);
    }
    for (const [oid, table] of ready) {
      done.add(oid);
      ordered.push(table);
    }
  }
  return ordered;
}

/** Rows of a self-referencing table (Region's tree): every parent before its children. */
export function parentsFirst(rows, columns, selfRef) {
  const at = (names) => names.map((n) => columns.indexOf(n));
  const [own, ref] = [at(selfRef.refColumns), at(selfRef.columns)];
  const key = (row, idx) => JSON.stringify(idx.map((i) => row[i]));
  const byKey = new Map(rows.map((row) => [key(row, own), row]));
  const depth = new Map();
  const depthOf = (row, seen = 0) => {
    const k = key(row, own);
    if (depth.has(k)) return depth.get(k);
    const parent = ref.some((i) => row[i] === null) ? undefined : byKey.get(key(row, ref));
    const d = parent && parent !== row && seen < rows.length ? depthOf(parent, seen + 1) + 1 : 0;
    depth.set(k, d);
    return d;
  };
  return rows.map((row, i) => ({ row, i, d: depthOf(row) })).sort((a, b) => a.d - b.d || a.i - b.i).map((x) => x.row);
}
