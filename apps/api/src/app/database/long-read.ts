import { Global, Inject, Injectable, Module } from '@nestjs/common';
import type { PoolClient, QueryConfig } from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { APP_CONFIG, type ResolvedConfig } from '../config/app-config';
import { DomainError } from '../common/errors/domain-error';
import { msg } from '../i18n/message';
import { CLIENT_TIMEOUT_MARGIN_MS } from './data-source-options';

/** Runs one read statement and answers its rows. */
export type SqlReader = <T>(sql: string, parameters: readonly unknown[]) => Promise<T[]>;

/** A read in one snapshot, every statement bounded by the long-read timeout. */
export interface LongRead {
  query: SqlReader;
  /**
   * The rows of a statement through a server-side cursor, `batchSize` at a time: each FETCH is a
   * statement of its own, and the next is sent only when the consumer asks, so memory stays flat.
   */
  rows<T>(sql: string, parameters: readonly unknown[], batchSize?: number): AsyncGenerator<T>;
}

const DEFAULT_BATCH = 1000;

/**
 * Long reads (streamed exports) on a connection of their own from the pool: a read-only
 * REPEATABLE READ transaction, so a summary and the lines after it come from one snapshot, whose
 * statements run under DB_EXPORT_STATEMENT_TIMEOUT_MS instead of the ordinary
 * DB_STATEMENT_TIMEOUT_MS (the client gives up a little after the server, as for the pool). A
 * download left unread longer than DB_IDLE_IN_TRANSACTION_TIMEOUT_MS is ended by the server. A
 * connection that failed is closed rather than handed back.
 *
 * At most DB_EXPORTS_MAX long reads run at once in a process, so exports never take the pool's
 * connections from ordinary requests; one more waits up to DB_EXPORTS_QUEUE_WAIT_MS for a slot
 * (first come, first served), then is refused with 429 `exports_busy` and Retry-After.
 */
@Injectable()
export class LongReads {
  private running = 0;
  private readonly queue: (() => void)[] = [];

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
  ) {}

  async run<T>(work: (read: LongRead) => Promise<T>): Promise<T> {
    await this.slot();
    try {
      return await this.read(work);
    } finally {
      this.handOver();
    }
  }

  /**
   * Runs work that reads through ordinary services (bounded, paged statements on the pool) under
   * the same export limit, without a connection of its own: report exports built from a report
   * service's answer (report-exports/).
   */
  async limited<T>(work: () => Promise<T>): Promise<T> {
    await this.slot();
    try {
      return await work();
    } finally {
      this.handOver();
    }
  }

  /** Takes a slot, waiting in line for one while all are taken. */
  private slot(): Promise<void> {
    if (this.running < this.config.database.exportsMax) {
      this.running += 1;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const next = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        this.queue.splice(this.queue.indexOf(next), 1);
        reject(new DomainError('exports_busy', msg('Other exports are running. Try again in a minute.')));
      }, this.config.database.exportsQueueWaitMs);
      this.queue.push(next);
    });
  }

  /** A finished read's slot goes to the next in line, or back to the free ones. */
  private handOver(): void {
    const next = this.queue.shift();
    if (next) next();
    else this.running -= 1;
  }

  private async read<T>(work: (read: LongRead) => Promise<T>): Promise<T> {
    const driver = this.dataSource.driver as PostgresDriver;
    const [client, release] = (await driver.obtainMasterConnection()) as [
      PoolClient,
      (error?: unknown) => void,
    ];
    const timeoutMs = this.config.database.exportStatementTimeoutMs;
    const query: SqlReader = async <R>(sql: string, parameters: readonly unknown[]) => {
      // node-postgres reads a query's own query_timeout (its types do not list it).
      const config: QueryConfig & { query_timeout: number } = {
        text: sql,
        values: [...parameters],
        query_timeout: timeoutMs + CLIENT_TIMEOUT_MARGIN_MS,
      };
      const result = await client.query(config);
      return result.rows as R[];
    };
    let cursors = 0;
    async function* rows<R>(sql: string, parameters: readonly unknown[], batchSize = DEFAULT_BATCH) {
      cursors += 1;
      const cursor = `long_read_${cursors}`;
      await query(`DECLARE ${cursor} NO SCROLL CURSOR FOR ${sql}`, parameters);
      for (;;) {
        const batch = await query<R>(`FETCH FORWARD ${batchSize} FROM ${cursor}`, []);
        yield* batch;
        if (batch.length < batchSize) break;
      }
      await query(`CLOSE ${cursor}`, []);
    }
    try {
      await query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY', []);
      await query("SELECT set_config('statement_timeout', $1, true)", [`${timeoutMs}ms`]);
      // A long read fetches every row of its cursors: plan them for the whole result, not for
      // the first tenth of it (PostgreSQL's default for cursors, made for paging through one).
      await query("SELECT set_config('cursor_tuple_fraction', '1', true)", []);
      const result = await work({ query, rows });
      await query('COMMIT', []);
      release();
      return result;
    } catch (error) {
      // Closed, not reused: it may be mid-statement or inside the failed transaction.
      release(error instanceof Error ? error : new Error(String(error)));
      throw error;
    }
  }
}

/** Global: every export in the process shares the one limit. */
@Global()
@Module({ providers: [LongReads], exports: [LongReads] })
export class LongReadsModule {}
