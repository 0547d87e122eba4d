import { Injectable } from '@nestjs/common';
import {
  deliverableActions,
  HOME_PREVIEW_SIZE,
  HOME_QUEUES_BY_ROLE,
  TOTAL_COUNT_CAP,
  type BriefStatus,
  type HomeDto,
  type HomeItemDto,
  type HomeQueueDto,
  type HomeQueueKey,
  type ListQuery,
  type Page,
  type PageTotal,
  type StepDecision,
} from '@agency-portal/shared';
import { In, type ObjectLiteral } from 'typeorm';
import { AccessService } from '../access/access.service';
import type { Actor } from '../auth/actor';
import { notFound } from '../common/errors/domain-error';
import { paginate, pageMeta, rawText, type RowPage } from '../common/lists/paginate';
import { UnitOfWork } from '../database/unit-of-work';
import { ApprovalDecision, type Deliverable } from '../deliverables/deliverable.entity';
import { HOME_QUEUES, RAW, type QueueDefinition } from './home-queues';
import { toHomeItem } from './home.mapper';

/**
 * Each person's home: the queues of their role (HOME_QUEUES_BY_ROLE), each with its count, how
 * many are overdue, and its first rows, soonest due (oldest overdue) first; the rest of a queue
 * pages like any list. Every queue is scoped by the access service; the review queue's rows are
 * confirmed by the shared `deliverableActions` rule, so a row is only there if its person may
 * decide it now. Two queries per queue (page and capped count) and one for the decisions on the
 * page's versions: a bounded number whatever the data.
 */
@Injectable()
export class HomeService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly access: AccessService,
  ) {}

  async home(actor: Actor): Promise<HomeDto> {
    const keys = HOME_QUEUES_BY_ROLE[actor.role];
    const queues: HomeQueueDto[] = [];
    for (const key of keys) queues.push(await this.summary(actor, key));
    return { queues };
  }

  /** A queue's rows past the home's preview, a page at a time; only the caller's role's queues. */
  async queue(actor: Actor, key: HomeQueueKey, query: ListQuery): Promise<Page<HomeItemDto>> {
    if (!HOME_QUEUES_BY_ROLE[actor.role].includes(key)) throw notFound('Queue');
    const page = await this.page(actor, HOME_QUEUES[key], key, query);
    return { ...pageMeta(page.rows), items: page.items };
  }

  private async summary(actor: Actor, key: HomeQueueKey): Promise<HomeQueueDto> {
    const definition = HOME_QUEUES[key];
    const page = await this.page(actor, definition, key, { limit: HOME_PREVIEW_SIZE });
    const counts = await this.count(actor, definition);
    return { key, ...counts, items: page.items, nextCursor: page.rows.nextCursor };
  }

  private async page(
    actor: Actor,
    definition: QueueDefinition,
    key: HomeQueueKey,
    query: ListQuery,
  ): Promise<{ rows: RowPage<ObjectLiteral>; items: HomeItemDto[] }> {
    const qb = definition.build(this.uow.manager, this.access, actor);
    qb.addSelect(`CAST(${definition.due.expression} AS text)`, RAW.dueAt).addSelect(
      `(${definition.overdue})`,
      RAW.overdue,
    );
    const rows = await paginate(
      qb,
      { alias: definition.alias, sorts: { due: definition.due }, defaultSort: 'due' },
      { limit: query.limit, cursor: query.cursor },
    );
    const decidable = key === 'reviews' ? await this.decidable(actor, rows) : null;
    const items = rows.rows
      .filter((row) => decidable === null || decidable.has(String(row['id'])))
      .map((row) => toHomeItem(definition, row, rows.raw.get(String(row['id']))));
    return { rows, items };
  }

  /**
   * The review rows the shared rule lets the actor decide now: the SQL that chose them mirrors
   * `stepRefusal`, and this is the rule itself having the last word (one query for the page's
   * decisions).
   */
  private async decidable(actor: Actor, page: RowPage<ObjectLiteral>): Promise<Set<string>> {
    const rows = page.rows as Deliverable[];
    const versionIds = rows.flatMap((row) => (row.currentVersionId ? [row.currentVersionId] : []));
    const decisions = versionIds.length
      ? await this.uow.manager.find(ApprovalDecision, {
          select: { versionId: true, stepIndex: true, approverId: true },
          where: { versionId: In(versionIds) },
        })
      : [];
    const byVersion = new Map<string, StepDecision[]>();
    for (const decision of decisions) {
      byVersion.set(decision.versionId, [...(byVersion.get(decision.versionId) ?? []), decision]);
    }
    const allowed = new Set<string>();
    for (const row of rows) {
      const raw = page.raw.get(row.id);
      const actions = deliverableActions(
        {
          status: row.status,
          briefStatus: rawText(raw, RAW.briefStatus) as BriefStatus,
          derivedFromId: row.derivedFromId,
          currentStep: row.currentStep,
          hasVersion: row.currentVersionId !== null,
          steps: row.reviewPolicy?.steps ?? [],
          contractOwnerId: rawText(raw, RAW.contractOwnerId) || null,
          decisions: row.currentVersionId ? (byVersion.get(row.currentVersionId) ?? []) : [],
        },
        actor,
      );
      if (actions.includes('decide')) allowed.add(row.id);
    }
    return allowed;
  }

  /** How many rows the queue holds (capped like list totals) and how many are overdue, in one query. */
  private async count(
    actor: Actor,
    definition: QueueDefinition,
  ): Promise<{ total: PageTotal; overdue: number }> {
    const [sql, parameters] = definition
      .build(this.uow.manager, this.access, actor)
      .select(`(${definition.overdue})`, 'overdue')
      .limit(TOTAL_COUNT_CAP + 1)
      .getQueryAndParameters();
    const rows: { count: number; overdue: number }[] = await this.uow.manager.query(
      `SELECT count(*)::int AS count, count(*) FILTER (WHERE counted.overdue)::int AS overdue
         FROM (${sql}) counted`,
      parameters,
    );
    const count = rows[0]?.count ?? 0;
    return {
      total: count > TOTAL_COUNT_CAP ? { count: TOTAL_COUNT_CAP, exact: false } : { count, exact: true },
      overdue: rows[0]?.overdue ?? 0,
    };
  }
}
