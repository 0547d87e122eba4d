import { Injectable } from '@nestjs/common';
import type {
  CostFigures,
  DeliverableFigures,
  GoalDeliverableRow,
  GoalDeliverableSortKey,
  Page,
} from '@agency-portal/shared';
import { can, lastCompleteDay, NESTED_LIST_LIMIT, rollUpToMasters } from '@agency-portal/shared';
import { DataSource } from 'typeorm';
import { AccessService } from '../access/access.service';
import type { Actor } from '../auth/actor';
import { isAgencyActor } from '../auth/actor';
import { paginate, rawText, toPage, whereSearch, type ListSpec } from '../common/lists/paginate';
import { Deliverable } from '../deliverables/deliverable.entity';
import type { GoalDeliverableQueryDto } from './dto/goal-report.dto';
import { toCostFigures } from './goal-report.mapper';
import { linesCte, num, reportScopes, runNamed, servedCte } from './goal-report-sql';
import { GoalReportService } from './goal-report.service';

const MASTERS: ListSpec<GoalDeliverableSortKey> = {
  alias: 'deliverable',
  sorts: {
    title: { expression: 'deliverable.title', type: 'text' },
    dueDate: { expression: 'deliverable.due_date', type: 'date' },
  },
  defaultSort: 'title',
};

/** Lineage deeper than this is not followed (a cut of a cut of a cut … ; none is that deep). */
const MAX_LINEAGE_DEPTH = 20;

interface MemberRow {
  id: string;
  derived_from_id: string | null;
  title: string;
  channel: GoalDeliverableRow['channel'];
  status: string;
  post_url: string | null;
  published_at: Date | null;
  currency: string;
  spend: string | null;
  impressions: string | null;
  reach: string | null;
  engagements: string | null;
  clicks: string | null;
  video_views: string | null;
  conversions: string | null;
  revenue: string | null;
}

type Member = DeliverableFigures & { row: MemberRow };

/**
 * The deliverables serving a goal, as master assets: a page of masters (deliverables not cut from
 * another), each with what it and every cut-down of it (at any depth) cost and returned for the
 * goal. Two statements: the page, and the lineage of the page's masters with their figures.
 */
@Injectable()
export class GoalDeliverablesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly reports: GoalReportService,
  ) {}

  async list(
    actor: Actor,
    goalId: string,
    query: GoalDeliverableQueryDto,
  ): Promise<Page<GoalDeliverableRow>> {
    const goal = await this.reports.visibleGoal(actor, goalId);
    const qb = this.dataSource
      .getRepository(Deliverable)
      .createQueryBuilder('deliverable')
      .innerJoin(
        'brief_goals',
        'served',
        'served.brief_id = deliverable.brief_id AND served.goal_id = :goalId',
        {
          goalId: goal.id,
        },
      )
      .innerJoin('briefs', 'brief', 'brief.id = deliverable.brief_id')
      .innerJoin('contracts', 'contract', 'contract.id = brief.contract_id')
      .innerJoin('agencies', 'agency', 'agency.id = contract.agency_id')
      .addSelect(['brief.title AS brief_title', 'agency.id AS agency_id', 'agency.name AS agency_name'])
      .andWhere('deliverable.derived_from_id IS NULL');
    this.access.scope(qb, actor, 'deliverable_metrics', 'deliverable');
    whereSearch(qb, query.q, ['deliverable.title']);
    const page = await paginate(qb, MASTERS, query);
    const members = await this.lineage(
      actor,
      goal,
      page.rows.map((row) => row.id),
    );
    const spendVisible = isAgencyActor(actor) || can(actor.role, 'spend:read');
    const groups = new Map(rollUpToMasters(members).map((group) => [group.master.id, group]));
    const figures = (member: Member): CostFigures =>
      toCostFigures({ ...member, currency: member.row.currency }, spendVisible);
    return toPage(page, (deliverable) => {
      const raw = page.raw.get(deliverable.id);
      const group = groups.get(deliverable.id);
      const currency = group?.master.row.currency ?? '';
      const empty = toCostFigures(
        {
          currency,
          spendMinor: 0,
          impressions: null,
          reach: null,
          engagements: null,
          clicks: null,
          videoViews: null,
          conversions: null,
          revenueMinor: null,
        },
        spendVisible,
      );
      return {
        id: deliverable.id,
        title: deliverable.title,
        channel: deliverable.channel,
        status: deliverable.status,
        postUrl: deliverable.postUrl,
        publishedAt: deliverable.publishedAt ? deliverable.publishedAt.toISOString() : null,
        briefId: deliverable.briefId,
        briefTitle: rawText(raw, 'brief_title'),
        agencyId: rawText(raw, 'agency_id'),
        agencyName: rawText(raw, 'agency_name'),
        own: group ? figures(group.master) : empty,
        total: group ? toCostFigures({ ...group.total, currency }, spendVisible) : empty,
        cuts: (group?.cuts ?? []).slice(0, NESTED_LIST_LIMIT).map((cut) => ({
          id: cut.id,
          title: cut.row.title,
          channel: cut.row.channel,
          status: cut.row.status,
          postUrl: cut.row.post_url,
          publishedAt: cut.row.published_at ? cut.row.published_at.toISOString() : null,
          derivedFromId: cut.derivedFromId,
          figures: figures(cut),
        })),
        cutCount: group?.cuts.length ?? 0,
      };
    });
  }

  /** The masters and every cut of them that serves the goal and the reader sees, with their figures. */
  private async lineage(
    actor: Actor,
    goal: { id: string; periodStart: string; periodEnd: string },
    masterIds: string[],
  ): Promise<Member[]> {
    if (masterIds.length === 0) return [];
    const scopes = reportScopes(this.access, actor);
    const rows = await runNamed<MemberRow>(
      this.dataSource,
      `WITH RECURSIVE tree AS (
         SELECT d.id, 0 AS depth FROM deliverables d WHERE d.id = ANY(CAST(:masterIds AS uuid[]))
         UNION ALL
         SELECT d.id, t.depth + 1 FROM deliverables d JOIN tree t ON d.derived_from_id = t.id
          WHERE t.depth < ${MAX_LINEAGE_DEPTH}
       ), ${servedCte(scopes)}, ${linesCte(scopes)},
       metrics AS (
         SELECT m.deliverable_id, sum(m.impressions) AS impressions, sum(m.reach) AS reach,
                sum(m.engagements) AS engagements, sum(m.clicks) AS clicks, sum(m.video_views) AS video_views,
                sum(m.conversions) AS conversions,
                sum(m.revenue_minor) FILTER (WHERE m.revenue_currency = s.currency) AS revenue
           FROM tree t JOIN served s ON s.id = t.id JOIN performance_metrics m ON m.deliverable_id = t.id
          WHERE m.metric_date BETWEEN :start AND :end
          GROUP BY m.deliverable_id
       )
       SELECT d.id, d.derived_from_id, d.title, d.channel, d.status, d.post_url, d.published_at, s.currency,
              l.amount AS spend, m.impressions, m.reach, m.engagements, m.clicks, m.video_views,
              m.conversions, m.revenue
         FROM tree t
         JOIN served s ON s.id = t.id
         JOIN deliverables d ON d.id = t.id
         LEFT JOIN metrics m ON m.deliverable_id = t.id
         LEFT JOIN lines l ON l.deliverable_id = t.id
        ORDER BY t.depth, d.created_at, d.id`,
      {
        ...scopes.params,
        masterIds,
        goalIds: [goal.id],
        start: goal.periodStart,
        end: lastCompleteDay(goal.periodEnd, new Date().toISOString().slice(0, 10)),
      },
    );
    return rows.map((row) => ({
      id: row.id,
      derivedFromId: row.derived_from_id,
      impressions: num(row.impressions),
      reach: num(row.reach),
      engagements: num(row.engagements),
      clicks: num(row.clicks),
      videoViews: num(row.video_views),
      conversions: num(row.conversions),
      spendMinor: num(row.spend) ?? 0,
      revenueMinor: num(row.revenue),
      row,
    }));
  }
}
