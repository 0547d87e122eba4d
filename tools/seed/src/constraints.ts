import type { ClientBase } from 'pg';

interface ForeignKey {
  name: string;
  child: string;
  parent: string;
  child_columns: string[];
  parent_columns: string[];
}

/**
 * Checks every foreign key of the public schema the way PostgreSQL validates one, in one pass
 * per constraint. Used when rows were written with per-row triggers off (session_replication_role
 * = replica): the load is committed only if every reference holds. Returns the broken ones.
 */
export async function brokenForeignKeys(
  client: ClientBase,
  /** Only the keys of these (referencing) tables; null for all. */
  children: readonly string[] | null = null,
): Promise<{ name: string; rows: number }[]> {
  const { rows: keys } = await client.query<ForeignKey>(
    `
    SELECT c.conname AS name, c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent,
           ARRAY(SELECT quote_ident(a.attname) FROM unnest(c.conkey) WITH ORDINALITY AS k(attnum, n)
                   JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum ORDER BY k.n) AS child_columns,
           ARRAY(SELECT quote_ident(a.attname) FROM unnest(c.confkey) WITH ORDINALITY AS k(attnum, n)
                   JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum ORDER BY k.n) AS parent_columns
      FROM pg_constraint c JOIN pg_namespace ns ON ns.oid = c.connamespace
     WHERE c.contype = 'f' AND ns.nspname = 'public'
       AND ($1::text[] IS NULL OR c.conrelid::regclass::text = ANY($1::text[]))
     ORDER BY c.conname`,
    [children],
  );
  const broken: { name: string; rows: number }[] = [];
  for (const key of keys) {
    const present = key.child_columns.map((column) => `child.${column} IS NOT NULL`).join(' AND ');
    const matches = key.child_columns
      .map((column, index) => `parent.${key.parent_columns[index] as string} = child.${column}`)
      .join(' AND ');
    const { rows } = await client.query<{ count: string }>(
      `SELECT count(*) AS count FROM ${key.child} child
        WHERE ${present} AND NOT EXISTS (SELECT 1 FROM ${key.parent} parent WHERE ${matches})`,
    );
    const count = Number(rows[0]?.count ?? 0);
    if (count > 0) broken.push({ name: key.name, rows: count });
  }
  return broken;
}
