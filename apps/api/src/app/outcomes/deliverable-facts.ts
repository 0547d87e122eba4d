import type { Channel, PublishedDeliverableFacts } from '@agency-portal/shared';
import { revenueCurrencyFor } from '@agency-portal/shared';
import { Brackets, type EntityManager } from 'typeorm';
import type { AccessService } from '../access/access.service';
import type { Actor } from '../auth/actor';

/** What the checks of a metric row need of its deliverable, with how exports name it. */
export interface DeliverableRecord extends PublishedDeliverableFacts {
  id: string;
  channel: Channel | null;
  postKey: string | null;
}

interface FactsRow {
  id: string;
  status: string;
  published_at: Date | null;
  channel: Channel | null;
  post_key: string | null;
  contract_currency: string;
  revenue_currencies: string[];
}

/**
 * The deliverables the actor may put figures on, found by id or by post key, with their facts, in
 * one query. A deliverable outside the actor's write scope is absent, exactly like a missing one.
 */
export async function deliverableRecords(
  manager: EntityManager,
  access: AccessService,
  actor: Actor,
  ids: readonly string[],
  postKeys: readonly string[] = [],
): Promise<DeliverableRecord[]> {
  if (ids.length === 0 && postKeys.length === 0) return [];
  const query = manager
    .createQueryBuilder()
    .from('deliverables', 'd')
    .innerJoin('briefs', 'b', 'b.id = d.brief_id')
    .innerJoin('contracts', 'c', 'c.id = b.contract_id')
    .select('d.id', 'id')
    .addSelect('d.status', 'status')
    .addSelect('d.published_at', 'published_at')
    .addSelect('d.channel', 'channel')
    .addSelect('d.post_key', 'post_key')
    .addSelect('c.currency', 'contract_currency')
    .addSelect(
      `coalesce((SELECT array_agg(DISTINCT g.target_currency::text) FROM brief_goals bg
          JOIN marketing_goals g ON g.id = bg.goal_id
         WHERE bg.brief_id = b.id AND g.kpi_metric = 'revenue' AND g.target_currency IS NOT NULL), '{}')`,
      'revenue_currencies',
    )
    .where(
      new Brackets((where) => {
        where.where('d.id = ANY(CAST(:factIds AS uuid[]))', { factIds: [...new Set(ids)] });
        if (postKeys.length > 0)
          where.orWhere('d.post_key = ANY(:factKeys)', { factKeys: [...new Set(postKeys)] });
      }),
    );
  access.scope(query, actor, 'deliverable_metrics_write', 'd');
  const rows = await query.getRawMany<FactsRow>();
  return rows.map((row) => ({
    id: row.id,
    status: row.status,
    publishedAt: row.published_at,
    channel: row.channel,
    postKey: row.post_key,
    revenue: revenueCurrencyFor(
      row.revenue_currencies.map((currency) => ({ kpiMetric: 'revenue', targetCurrency: currency.trim() })),
      row.contract_currency.trim(),
    ),
  }));
}

/** The post key each export cell stands for (a link, or the platform's id on the row's channel). */
export async function postKeysOf(
  manager: EntityManager,
  refs: readonly { value: string; channel: Channel | null }[],
): Promise<(string | null)[]> {
  if (refs.length === 0) return [];
  const rows: { key: string | null }[] = await manager.query(
    `SELECT post_key_for(r.value, r.channel) AS key
       FROM unnest(CAST($1 AS text[]), CAST($2 AS text[])) WITH ORDINALITY AS r(value, channel, position)
      ORDER BY r.position`,
    [refs.map((ref) => ref.value), refs.map((ref) => ref.channel)],
  );
  return rows.map((row) => row.key);
}
