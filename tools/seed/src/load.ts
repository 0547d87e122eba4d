import type { Client } from 'pg';
import { brokenForeignKeys } from './constraints';

export type Checks = 'per-row' | 'at-end' | 'auto';

/**
 * Tables whose primary key stays during the load: the metric rollups are upserted by it (their
 * rebuilds: goal_metric_days for the goal dashboard, deliverable_metric_quarters for scorecards).
 */
const KEPT_KEYS = ['goal_metric_days', 'deliverable_metric_quarters'];

/**
 * Which tables the load writes: all of the public schema, each empty (the full build), or only
 * the listed ones, whose rows it replaces (`--only metrics`: truncated in the transaction, so
 * COPY can still write them frozen).
 */
export type Target = { tables: 'all' } | { tables: readonly string[]; replace: true };

interface PlainIndex {
  name: string;
  definition: string;
}

/**
 * One transaction that loads the whole organisation, the way pg_restore loads a dump: rows
 * first, secondary indexes after, constraints verified before the commit.
 *
 * Fast (needs a superuser, as the embedded servers are): per-row triggers are off
 * (session_replication_role = replica), the tables (all checked empty) are truncated so COPY
 * can write them frozen, and without WAL when the server runs with wal_level=minimal; every
 * foreign key is then verified in one pass per constraint. Otherwise PostgreSQL checks each row
 * as it arrives. Either way the plain (non-unique) indexes and the primary keys nothing refers to
 * are dropped for the load and created again from their own definitions (a duplicate would fail
 * the commit), and nothing is visible to anyone before the commit.
 */
export class BulkLoad {
  private indexes: PlainIndex[] = [];

  private constructor(
    private readonly client: Client,
    /** Triggers off, tables truncated, rows written frozen. */
    readonly fast: boolean,
    private readonly target: Target,
  ) {}

  static async begin(client: Client, checks: Checks, target: Target = { tables: 'all' }): Promise<BulkLoad> {
    let fast = false;
    if (checks !== 'per-row') {
      try {
        await client.query('SET session_replication_role = replica');
        fast = true;
      } catch (error) {
        if (checks === 'at-end') throw error;
      }
    }
    await client.query('BEGIN');
    // This one big transaction need not wait for each WAL flush at its commit.
    await client.query('SET LOCAL synchronous_commit = off');
    const load = new BulkLoad(client, fast, target);
    await load.requireEmpty();
    await load.dropPlainIndexes();
    return load;
  }

  /** Creates the indexes again, verifies the foreign keys (fast mode) and commits. */
  async commit(log: (line: string) => void): Promise<void> {
    let mark = performance.now();
    for (const index of this.indexes) await this.client.query(index.definition);
    log(
      `  ${this.indexes.length} indexes and keys created in ${((performance.now() - mark) / 1000).toFixed(1)} s`,
    );
    if (this.fast) {
      mark = performance.now();
      await this.client.query('SET session_replication_role = DEFAULT');
      const broken = await brokenForeignKeys(this.client, this.only);
      if (broken.length > 0) {
        throw new Error(
          `Foreign keys broken, nothing was kept: ${broken.map((key) => `${key.name} (${key.rows} rows)`).join(', ')}`,
        );
      }
      log(`  foreign keys verified in ${((performance.now() - mark) / 1000).toFixed(1)} s`);
    }
    await this.client.query('COMMIT');
  }

  async rollback(): Promise<void> {
    await this.client.query('ROLLBACK').catch(() => undefined);
    if (this.fast) await this.client.query('SET session_replication_role = DEFAULT').catch(() => undefined);
  }

  /** The target's tables, or null for the whole public schema. */
  private get only(): readonly string[] | null {
    return this.target.tables === 'all' ? null : this.target.tables;
  }

  /**
   * Every table the data goes into must be empty; in fast mode they are then truncated (see
   * above). A replacing load truncates its tables whatever they hold.
   */
  private async requireEmpty(): Promise<void> {
    const { rows } = await this.client.query<{ name: string }>(
      `SELECT quote_ident(tablename) AS name FROM pg_tables
        WHERE schemaname = 'public' AND tablename <> 'migrations'
          AND ($1::text[] IS NULL OR tablename = ANY($1::text[])) ORDER BY tablename`,
      [this.only],
    );
    // Nobody writes into them from here on: the check below stays true until the commit.
    if (rows.length > 0) {
      await this.client.query(
        `LOCK TABLE ${rows.map((row) => row.name).join(', ')} IN ACCESS EXCLUSIVE MODE`,
      );
    }
    if (this.only) {
      if (rows.length !== this.only.length)
        throw new Error(`Not every table of ${this.only.join(', ')} exists.`);
      await this.client.query(`TRUNCATE ${rows.map((row) => row.name).join(', ')}`);
      return;
    }
    for (const { name } of rows) {
      const { rows: found } = await this.client.query<{ taken: boolean }>(
        `SELECT EXISTS (SELECT 1 FROM ${name}) AS taken`,
      );
      if (found[0]?.taken) {
        throw new Error(`Table ${name} is not empty; the large organisation goes into an empty database.`);
      }
    }
    // Empty already; with triggers off the audit table's guard against TRUNCATE does not fire.
    if (this.fast && rows.length > 0)
      await this.client.query(`TRUNCATE ${rows.map((row) => row.name).join(', ')}`);
  }

  /**
   * Indexes that back no constraint and enforce no uniqueness, and primary keys nothing refers
   * to, are cheaper built once after the rows (a sort) than kept up to date row by row.
   */
  private async dropPlainIndexes(): Promise<void> {
    const { rows } = await this.client.query<PlainIndex>(
      `
      SELECT index.indexrelid::regclass::text AS name, pg_get_indexdef(index.indexrelid) AS definition
        FROM pg_index index
        JOIN pg_class tab ON tab.oid = index.indrelid
        JOIN pg_namespace ns ON ns.oid = tab.relnamespace
       WHERE ns.nspname = 'public' AND tab.relkind = 'r' AND NOT index.indisunique
         AND NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conindid = index.indexrelid)
         AND ($1::text[] IS NULL OR tab.relname = ANY($1::text[]))
       ORDER BY 1`,
      [this.only],
    );
    for (const index of rows) await this.client.query(`DROP INDEX ${index.name}`);
    // Primary keys no foreign key references (the audit trail, notices, decisions, …) too.
    const { rows: keys } = await this.client.query<{ tab: string; name: string; definition: string }>(
      `
      SELECT con.conrelid::regclass::text AS tab, quote_ident(con.conname) AS name,
             pg_get_constraintdef(con.oid) AS definition
        FROM pg_constraint con
        JOIN pg_namespace ns ON ns.oid = con.connamespace
       WHERE ns.nspname = 'public' AND con.contype = 'p' AND con.conrelid <> 'public.migrations'::regclass
         AND NOT EXISTS (SELECT 1 FROM pg_constraint ref WHERE ref.contype = 'f' AND ref.confrelid = con.conrelid)
         AND ($1::text[] IS NULL OR con.conrelid::regclass::text = ANY($1::text[]))
         AND NOT con.conrelid::regclass::text = ANY($2::text[])
       ORDER BY 1`,
      [this.only, KEPT_KEYS],
    );
    for (const key of keys) await this.client.query(`ALTER TABLE ${key.tab} DROP CONSTRAINT ${key.name}`);
    this.indexes = [
      ...rows,
      ...keys.map((key) => ({
        name: key.name,
        definition: `ALTER TABLE ${key.tab} ADD CONSTRAINT ${key.name} ${key.definition}`,
      })),
    ];
  }
}
