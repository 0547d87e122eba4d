import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { IDEMPOTENCY_KEY_PATTERN } from '@agency-portal/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { UnitOfWork, type UniqueViolations } from '../database/unit-of-work';
import type { Actor } from '../auth/actor';
import { DomainError, fieldError } from '../common/errors/domain-error';
import { APP_CONFIG, type ResolvedConfig } from '../config/app-config';

/** The answer to a request, the first time or replayed. */
export interface Answer<T> {
  status: number;
  body: T;
  replayed: boolean;
}

/** JSON with keys in one order, so the same request always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export function requestHash(body: unknown): string {
  return createHash('sha256').update(canonicalJson(body)).digest('hex');
}

/**
 * Idempotency keys (the IETF draft's `Idempotency-Key` header, Stripe's semantics), per user:
 * the first request with a key does its work and stores its answer with the key in the same
 * transaction; a later one with the same key and the same body gets that answer and changes
 * nothing; with another body it is refused (422). Two requests racing on one key: the second's
 * insert of the key waits on the first's uncommitted row, then finds it and replays it. A
 * request that fails stores nothing, so a retry runs again. Keys are kept IDEMPOTENCY_KEY_TTL_HOURS
 * (at least 24) and swept hourly; an older one counts as unused.
 */
@Injectable()
export class IdempotencyService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
  ) {}

  /** Checks the header's form; undefined when the request carries none. */
  keyOf(header: string | undefined): string | undefined {
    if (header === undefined) return undefined;
    if (!IDEMPOTENCY_KEY_PATTERN.test(header)) {
      throw fieldError(
        'Idempotency-Key',
        'The Idempotency-Key header must be 1 to 200 visible ASCII characters.',
      );
    }
    return header;
  }

  async once<T>(
    actor: Actor,
    key: string | undefined,
    body: unknown,
    status: number,
    work: (manager: EntityManager) => Promise<T>,
    uniques: UniqueViolations = {},
  ): Promise<Answer<T>> {
    if (key === undefined) {
      return { status, body: await this.uow.run(work, uniques), replayed: false };
    }
    const hash = requestHash(body);
    return this.uow.run(async (manager) => {
      const claimed: unknown[] = await manager.query(
        `INSERT INTO idempotency_keys (user_id, key, request_hash, response_status, response_body)
         VALUES ($1, $2, $3, 0, 'null')
         ON CONFLICT (user_id, key) DO UPDATE
           SET request_hash = EXCLUDED.request_hash, response_status = 0, response_body = 'null', created_at = now()
           WHERE idempotency_keys.created_at < now() - make_interval(hours => $4)
         RETURNING key`,
        [actor.id, key, hash, this.config.idempotencyKeyTtlHours],
      );
      if (claimed.length === 0) return this.replay<T>(manager, actor, key, hash);
      const answer = await work(manager);
      await manager.query(
        `UPDATE idempotency_keys SET response_status = $3, response_body = $4 WHERE user_id = $1 AND key = $2`,
        [actor.id, key, status, JSON.stringify(answer)],
      );
      return { status, body: answer, replayed: false };
    }, uniques);
  }

  /** Removes keys past their time; returns how many. */
  async sweep(): Promise<number> {
    const removed: unknown[] = await this.dataSource.query(
      `DELETE FROM idempotency_keys WHERE created_at < now() - make_interval(hours => $1) RETURNING key`,
      [this.config.idempotencyKeyTtlHours],
    );
    return removed.length;
  }

  private async replay<T>(
    manager: EntityManager,
    actor: Actor,
    key: string,
    hash: string,
  ): Promise<Answer<T>> {
    const rows: { request_hash: string; response_status: number; response_body: T }[] = await manager.query(
      `SELECT request_hash, response_status, response_body FROM idempotency_keys WHERE user_id = $1 AND key = $2`,
      [actor.id, key],
    );
    const row = rows[0];
    if (!row || row.request_hash !== hash) {
      throw new DomainError(
        'idempotency_key_reused',
        'This Idempotency-Key was already used for a different request; use a new key for a new invoice.',
      );
    }
    return { status: row.response_status, body: row.response_body, replayed: true };
  }
}
