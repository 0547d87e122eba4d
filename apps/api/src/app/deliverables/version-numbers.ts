import type { EntityManager } from 'typeorm';

/** The latest version number of each deliverable that has one (one grouped query). */
export async function latestVersionNumbers(
  manager: EntityManager,
  ids: readonly string[],
): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows: { deliverable_id: string; number: string }[] = await manager.query(
    'SELECT deliverable_id, MAX(number)::text AS number FROM deliverable_versions WHERE deliverable_id = ANY($1) GROUP BY deliverable_id',
    [ids],
  );
  return new Map(rows.map((row) => [row.deliverable_id, Number(row.number)]));
}
