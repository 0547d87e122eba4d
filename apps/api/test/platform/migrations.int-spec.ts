import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource, type MigrationInterface, type QueryRunner } from 'typeorm';
import { dataSourceOptions } from '../../src/app/database/data-source-options';
import { runMigrations } from '../../src/app/database/migrate';

/** A backfill that takes longer than a request may: 600 ms against a 200 ms request timeout. */
class SlowBackfill1700000000000 implements MigrationInterface {
  name = 'SlowBackfill1700000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE TABLE backfilled (id int PRIMARY KEY)');
    await queryRunner.query('INSERT INTO backfilled SELECT 1 FROM pg_sleep(0.6)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE backfilled');
  }
}

const TIMEOUTS = {
  connectTimeoutMs: 5000,
  statementTimeoutMs: 200,
  exportStatementTimeoutMs: 5000,
  exportsMax: 2,
  exportsQueueWaitMs: 1000,
  migrationStatementTimeoutMs: 5000,
  idleInTransactionTimeoutMs: 5000,
};

describe('migrations at startup', () => {
  const adminUrl = process.env['TEST_DATABASE_URL'] ?? '';
  const database = `test_migrations_${randomBytes(4).toString('hex')}`;
  let url: string;

  async function admin(sql: string): Promise<void> {
    const client = new Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  }

  beforeAll(async () => {
    await admin(`CREATE DATABASE ${database}`);
    const parsed = new URL(adminUrl);
    parsed.pathname = `/${database}`;
    url = parsed.toString();
  });

  afterAll(async () => {
    await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  });

  it('should run a migration longer than the request timeout on its own connection, and leave the pool at the request timeout', async () => {
    const options = { ...dataSourceOptions(url, TIMEOUTS), migrations: [SlowBackfill1700000000000] };

    // On the request pool the backfill is cancelled, and nothing of it stays.
    const pool = await new DataSource(options).initialize();
    try {
      await expect(pool.runMigrations({ transaction: 'each' })).rejects.toThrow(/statement timeout/);
      const tables = await pool.query<{ name: string | null }[]>(`SELECT to_regclass('backfilled') AS name`);
      expect(tables[0]?.name).toBeNull();
    } finally {
      await pool.destroy();
    }

    await expect(runMigrations(options, TIMEOUTS.migrationStatementTimeoutMs)).resolves.toEqual([
      'SlowBackfill1700000000000',
    ]);

    const after = await new DataSource(options).initialize();
    try {
      expect(await after.query('SELECT count(*)::int AS rows FROM backfilled')).toEqual([{ rows: 1 }]);
      expect(await after.query('SHOW statement_timeout')).toEqual([{ statement_timeout: '200ms' }]);
      // Applied once: a second start has nothing to run.
      await expect(runMigrations(options, TIMEOUTS.migrationStatementTimeoutMs)).resolves.toEqual([]);
    } finally {
      await after.destroy();
    }
  });
});
