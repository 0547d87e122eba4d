import type { EntityManager } from 'typeorm';

/** The active finance people, told of invoices to decide and of budget thresholds (less `except`). */
export async function financeUserIds(
  manager: EntityManager,
  except: string | null = null,
): Promise<string[]> {
  const rows: { id: string }[] = await manager.query(
    `SELECT id FROM users WHERE role = 'finance' AND active AND agency_id IS NULL AND id IS DISTINCT FROM $1 ORDER BY id`,
    [except],
  );
  return rows.map((row) => row.id);
}
