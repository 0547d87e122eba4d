import { Injectable } from '@nestjs/common';
import type {
  GoalOutcomeDto,
  GoalOutcomeUpsertResult,
  MetricUpsertResult,
  Page,
  PerformanceMetricDto,
  RowError,
} from '@agency-portal/shared';
import {
  checkAgainstGoal,
  DEFAULT_PAGE_SIZE,
  MAX_STORED_ROW_ERRORS,
  TOTAL_COUNT_CAP,
} from '@agency-portal/shared';
import type { EntityManager } from 'typeorm';
import { AccessService } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import { DomainError, forbidden, notFound } from '../common/errors/domain-error';
import { UnitOfWork } from '../database/unit-of-work';
import { MarketingGoal } from '../goals/goal.entity';
import { msg } from '../i18n/message';
import { checkMetricRows, checkOutcomeRows } from './api-rows';
import { deliverableRecords } from './deliverable-facts';
import type { GoalOutcomeListQueryDto, MetricListQueryDto } from './dto/outcome.dto';
import { decodeKeyCursor, encodeKeyCursor } from './keyset';
import { checkResolvedRows } from './metric-checks';
import { writeGoalOutcomes, writeMetrics, type WriteCounts } from './metric-store';
import { MetricImport } from './outcome.entities';
import { toGoalOutcomeDto, toMetricDto, type GoalOutcomeRow, type MetricRow } from './outcome.mapper';
import { rowErrorMessage } from './row-messages';

/** A batch or file refused whole: 422 invalid_rows with every line's problem (the first 1000). */
export function invalidRows(errors: readonly RowError[]): DomainError {
  return new DomainError(
    'invalid_rows',
    msg('{count, plural, one {# problem} other {# problems}} found; nothing was stored.', {
      count: errors.length,
    }),
    {
      errorCount: errors.length,
      lines: errors
        .slice(0, MAX_STORED_ROW_ERRORS)
        .map((error) => ({ ...error, message: rowErrorMessage(error) })),
    },
  );
}

/**
 * Metrics pushed by integrations and a goal's own outcomes: every batch is checked whole, then
 * written in one transaction with its import record and audit entry, or refused with every line's
 * problem and nothing stored. Upserts by natural key make a retried batch change nothing.
 */
@Injectable()
export class MetricsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  async upsertMetrics(
    actor: Actor,
    items: readonly unknown[],
    now = new Date(),
  ): Promise<MetricUpsertResult> {
    const checked = checkMetricRows(items);
    return this.uow.run(async (manager) => {
      const records = await deliverableRecords(
        manager,
        this.access,
        actor,
        checked.rows.map((row) => row.deliverableId),
      );
      const byId = new Map(records.map((record) => [record.id, record]));
      const resolved = checkResolvedRows(
        checked.rows.map((row) => ({
          ...row,
          record: byId.get(row.deliverableId) ?? null,
          written: {
            deliverable: row.deliverableId,
            channel: row.channel,
            currency: row.currency,
            date: row.date,
          },
        })),
        { deliverable: 'deliverableId', date: 'date', channel: 'channel', currency: 'currency' },
        now,
      );
      const errors = [...checked.errors, ...resolved.errors].sort((a, b) => a.line - b.line);
      if (errors.length > 0) throw invalidRows(errors);
      const batch = await this.createBatch(manager, actor, null, items.length);
      const counts = await writeMetrics(manager, batch.id, resolved.stored);
      await this.finishBatch(manager, actor, batch, counts, { deliverables: byId.size });
      return { importId: batch.id, received: items.length, ...pick(counts) };
    });
  }

  async upsertGoalOutcomes(
    actor: Actor,
    goalId: string,
    items: readonly unknown[],
    now = new Date(),
  ): Promise<GoalOutcomeUpsertResult> {
    return this.uow.run(async (manager) => {
      const goal = await this.writableGoal(manager, actor, goalId);
      const checked = checkOutcomeRows(items);
      const errors = [...checked.errors];
      for (const row of checked.rows) {
        for (const problem of checkAgainstGoal(row, goal, now)) {
          errors.push({
            line: row.line,
            column: problem.column,
            code: problem.code,
            value: problem.column === 'date' ? row.date : row.currency,
            params: problem.params ?? {},
          });
        }
      }
      if (errors.length > 0) throw invalidRows(errors.sort((a, b) => a.line - b.line));
      const batch = await this.createBatch(manager, actor, goal.id, items.length);
      const counts = await writeGoalOutcomes(manager, goal.id, batch.id, checked.rows);
      await this.finishBatch(manager, actor, batch, counts, { goalId: goal.id });
      return { importId: batch.id, received: items.length, ...pick(counts), removed: counts.removed };
    });
  }

  /**
   * The goal, locked for the change (outcome writes to one goal take turns): 404 when the actor
   * cannot see it, 403 when they see it but may not write its outcomes (another unit's).
   */
  async writableGoal(manager: EntityManager, actor: Actor, goalId: string): Promise<MarketingGoal> {
    await this.access.require(actor, 'goal', goalId, manager);
    const goal = await manager
      .getRepository(MarketingGoal)
      .createQueryBuilder('goal')
      .setLock('pessimistic_write')
      .where('goal.id = :goalId', { goalId })
      .getOne();
    if (!goal) throw notFound('Goal');
    if (!(await this.access.allowed(actor, 'goal_outcomes_write', [goalId], manager)).has(goalId)) {
      throw forbidden(msg("Only the goal's own business unit records its outcomes."));
    }
    return goal;
  }

  private async createBatch(
    manager: EntityManager,
    actor: Actor,
    goalId: string | null,
    received: number,
  ): Promise<MetricImport> {
    const now = new Date();
    return manager.save(
      manager.create(MetricImport, {
        source: 'api',
        target: goalId ? 'goal' : 'deliverables',
        goalId,
        status: 'importing',
        createdBy: actor.id,
        fileId: null,
        rowsTotal: received,
        rowsChecked: received,
        startedAt: now,
      }),
    );
  }

  private async finishBatch(
    manager: EntityManager,
    actor: Actor,
    batch: MetricImport,
    counts: WriteCounts,
    facts: Record<string, unknown>,
  ): Promise<void> {
    Object.assign(batch, {
      status: 'imported',
      rowsImported: counts.inserted + counts.updated + counts.removed,
      ...counts,
      finishedAt: new Date(),
    });
    await manager.save(batch);
    await this.audit.record(manager, actor, {
      action: batch.target === 'goal' ? 'goal_outcomes.upserted' : 'metrics.upserted',
      entity: 'metric_import',
      entityId: batch.id,
      after: { source: 'api', received: batch.rowsTotal, ...counts, ...facts },
    });
  }

  async listMetrics(
    actor: Actor,
    deliverableId: string,
    query: MetricListQueryDto,
  ): Promise<Page<PerformanceMetricDto>> {
    await this.access.require(actor, 'deliverable_metrics', deliverableId);
    const sort = query.sort ?? '-date';
    const descending = sort.startsWith('-');
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const where = ['m.deliverable_id = $1'];
    const params: unknown[] = [deliverableId];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (query.channel) add('m.channel = ?', query.channel);
    if (query.from) add('m.metric_date >= CAST(? AS date)', query.from);
    if (query.to) add('m.metric_date <= CAST(? AS date)', query.to);
    const filtered = [...where];
    const filteredParams = [...params];
    if (query.cursor) {
      const [day, channel] = decodeKeyCursor(query.cursor, sort, 2);
      params.push(day, channel);
      where.push(
        `(m.metric_date, m.channel) ${descending ? '<' : '>'} (CAST($${params.length - 1} AS date), CAST($${params.length} AS text))`,
      );
    }
    const order = descending ? 'DESC' : 'ASC';
    const rows: MetricRow[] = await this.uow.manager.query(
      `SELECT m.*, to_char(m.metric_date, 'YYYY-MM-DD') AS day FROM performance_metrics m
        WHERE ${where.join(' AND ')} ORDER BY m.metric_date ${order}, m.channel ${order} LIMIT ${limit + 1}`,
      params,
    );
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map(toMetricDto),
      nextCursor: rows.length > limit && last ? encodeKeyCursor(sort, [last.day, last.channel]) : null,
      limit,
      ...(query.withTotal
        ? { total: await this.count('performance_metrics m', filtered, filteredParams) }
        : {}),
    };
  }

  async listGoalOutcomes(
    actor: Actor,
    goalId: string,
    query: GoalOutcomeListQueryDto,
  ): Promise<Page<GoalOutcomeDto>> {
    await this.access.require(actor, 'goal_outcomes', goalId);
    await this.access.require(actor, 'goal', goalId);
    const sort = query.sort ?? '-date';
    const descending = sort.startsWith('-');
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const where = ['o.goal_id = $1'];
    const params: unknown[] = [goalId];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (query.metric) add('o.metric = ?', query.metric);
    if (query.from) add('o.outcome_date >= CAST(? AS date)', query.from);
    if (query.to) add('o.outcome_date <= CAST(? AS date)', query.to);
    const filtered = [...where];
    const filteredParams = [...params];
    if (query.cursor) {
      const [day, metric] = decodeKeyCursor(query.cursor, sort, 2);
      params.push(day, metric);
      where.push(
        `(o.outcome_date, o.metric) ${descending ? '<' : '>'} (CAST($${params.length - 1} AS date), CAST($${params.length} AS text))`,
      );
    }
    const order = descending ? 'DESC' : 'ASC';
    const rows: GoalOutcomeRow[] = await this.uow.manager.query(
      `SELECT o.*, to_char(o.outcome_date, 'YYYY-MM-DD') AS day FROM goal_outcomes o
        WHERE ${where.join(' AND ')} ORDER BY o.outcome_date ${order}, o.metric ${order} LIMIT ${limit + 1}`,
      params,
    );
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map(toGoalOutcomeDto),
      nextCursor: rows.length > limit && last ? encodeKeyCursor(sort, [last.day, last.metric]) : null,
      limit,
      ...(query.withTotal ? { total: await this.count('goal_outcomes o', filtered, filteredParams) } : {}),
    };
  }

  private async count(
    from: string,
    where: string[],
    params: unknown[],
  ): Promise<{ count: number; exact: boolean }> {
    const rows: { count: number }[] = await this.uow.manager.query(
      `SELECT count(*)::int AS count FROM (SELECT 1 FROM ${from} WHERE ${where.join(' AND ')} LIMIT ${TOTAL_COUNT_CAP + 1}) counted`,
      params,
    );
    const count = rows[0]?.count ?? 0;
    return count > TOTAL_COUNT_CAP ? { count: TOTAL_COUNT_CAP, exact: false } : { count, exact: true };
  }
}

function pick(counts: WriteCounts): Pick<WriteCounts, 'inserted' | 'updated' | 'unchanged'> {
  return { inserted: counts.inserted, updated: counts.updated, unchanged: counts.unchanged };
}
