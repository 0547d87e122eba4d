import { DataSource, type DataSourceOptions } from 'typeorm';
import { CLIENT_TIMEOUT_MARGIN_MS } from './data-source-options';

/**
 * Runs the pending migrations of `options` on a one-connection data source of their own whose
 * statements may run `statementTimeoutMs` (DB_MIGRATION_STATEMENT_TIMEOUT_MS), each migration in
 * its own transaction. The application's pool keeps the request timeout: a backfill over a large
 * table must not be cancelled at 30 s and leave the portal restarting into the same migration.
 * Returns the names of the migrations applied.
 */
export async function runMigrations(
  options: DataSourceOptions,
  statementTimeoutMs: number,
): Promise<string[]> {
  const migrator = new DataSource({
    ...options,
    migrationsRun: false,
    extra: {
      ...(options.extra as Record<string, unknown> | undefined),
      max: 1,
      statement_timeout: statementTimeoutMs,
      query_timeout: statementTimeoutMs + CLIENT_TIMEOUT_MARGIN_MS,
      application_name: 'agency-portal-migrations',
    },
  });
  await migrator.initialize();
  try {
    const applied = await migrator.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await migrator.destroy();
  }
}
