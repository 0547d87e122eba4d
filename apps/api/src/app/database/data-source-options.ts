import * as pg from 'pg';
import type { DataSourceOptions } from 'typeorm';
import type { DatabaseTimeouts } from '../config/app-config';
import { ENTITIES, MIGRATIONS } from './entities';

/** The client waits this much longer than the server's statement_timeout, so the server's cancel wins. */
export const CLIENT_TIMEOUT_MARGIN_MS = 2000;

/**
 * Pool settings that keep a request from hanging on a database that is down or frozen: a bounded
 * wait for a connection, a statement timeout (server side, and client side a little later for a
 * server that cannot even cancel), and an idle-in-transaction timeout that frees locks.
 */
export function poolOptions(timeouts: DatabaseTimeouts): Record<string, unknown> {
  return {
    connectionTimeoutMillis: timeouts.connectTimeoutMs,
    statement_timeout: timeouts.statementTimeoutMs,
    query_timeout: timeouts.statementTimeoutMs + CLIENT_TIMEOUT_MARGIN_MS,
    idle_in_transaction_session_timeout: timeouts.idleInTransactionTimeoutMs,
    keepAlive: true,
  };
}

export function dataSourceOptions(url: string, timeouts?: DatabaseTimeouts): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    // Passed explicitly so the bundler (and the generated package.json) know the API needs pg.
    driver: pg,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    // Failed queries surface as exceptions and are logged once by the exception filter.
    logging: false,
    extra: { max: 10, application_name: 'agency-portal', ...(timeouts ? poolOptions(timeouts) : {}) },
  };
}
