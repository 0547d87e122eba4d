import { FUNNEL_STAGES, type GoalStatus, type KpiMetric } from '@agency-portal/shared';
import { minorDigits } from '@agency-portal/shared';
import { TableBuffer } from '../copy';
import { KPI_NAMES } from '../labels';
import { account, staffOf, type Domain, type GoalPlan, type UnitPlan } from '../context';
import type { Random } from '../random';
import { TABLES } from '../tables';
import { addDays, addMonths, DAY, dayStart, isoDate } from '../time';

const KPIS: [KpiMetric, number][] = [
  ['reach', 5],
  ['impressions', 4],
  ['engagements', 4],
  ['video_views', 3],
  ['clicks', 2],
  ['conversions', 3],
  ['revenue', 2],
  ['followers', 2],
];

/** Typical half-year targets; revenue in whole units of the unit's currency per USD 1. */
const TARGETS: Record<KpiMetric, [number, number]> = {
  impressions: [5_000_000, 200_000_000],
  reach: [1_000_000, 50_000_000],
  engagements: [50_000, 2_000_000],
  clicks: [10_000, 500_000],
  video_views: [500_000, 20_000_000],
  conversions: [1_000, 50_000],
  revenue: [100_000, 5_000_000],
  followers: [10_000, 500_000],
};

export const USD_RATE: Record<string, number> = { USD: 1, KRW: 1350, IDR: 15_800 };

function roundTo(value: number, step: number): number {
  return Math.max(step, Math.round(value / step) * step);
}

function target(random: Random, kpi: KpiMetric, unit: UnitPlan): number {
  const [low, high] = TARGETS[kpi];
  const value = Math.exp(random.between(Math.log(low), Math.log(high)));
  if (kpi !== 'revenue') return roundTo(value, 1000);
  const major = roundTo(value * (USD_RATE[unit.currency] ?? 1), unit.currency === 'USD' ? 1000 : 1_000_000);
  return major * 10 ** minorDigits(unit.currency);
}

function statusOf(random: Random, start: string, end: string, today: string): GoalStatus {
  if (end < today)
    return random.weighted([
      ['achieved', 55],
      ['missed', 35],
      ['archived', 10],
    ] as const);
  if (start <= today) return 'active';
  return random.chance(0.5) ? 'draft' : 'active';
}

/** Half-year goals per unit from before the first contract to a year ahead, 2–4 each. */
export const goals: Domain = {
  name: 'goals',

  plan(ctx) {
    const random = ctx.random.fork('goals');
    const today = isoDate(ctx.now);
    const leads = staffOf(ctx, 'social_lead');
    const lead = account(ctx, 'lead');
    const first = new Date(ctx.since);
    let period = isoDate(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() < 6 ? 0 : 6, 1));
    const planned: GoalPlan[] = [];
    while (period <= addMonths(today, 12)) {
      const end = addDays(addMonths(period, 6), -1);
      const half = `${Number(period.slice(5, 7)) < 7 ? 'H1' : 'H2'} ${period.slice(0, 4)}`;
      for (const unit of ctx.org.units) {
        const owners = leads.filter((user) => user.unit === unit);
        for (const kpi of random.sample(
          KPIS.map(([metric]) => metric),
          random.int(2, 4),
        )) {
          const channels = random.sample(unit.channels, random.int(1, Math.min(3, unit.channels.length)));
          planned.push({
            id: random.uuid(),
            unit,
            owner: owners.length > 0 && random.chance(0.7) ? random.pick(owners) : lead,
            name: `${unit.name.replace(/ (Marketing|Brands|Partnerships|Social Hub)$/, '')} ${KPI_NAMES[kpi].toLowerCase()} ${half}`,
            description: `${KPI_NAMES[kpi]} from ${channels.join(', ')} in ${half}.`,
            kpi,
            target: target(random, kpi, unit),
            currency: kpi === 'revenue' ? unit.currency : null,
            periodStart: period,
            periodEnd: end,
            channels,
            funnel: random.pick(FUNNEL_STAGES),
            status: statusOf(random, period, end, today),
            createdAt: Math.min(ctx.now - DAY, dayStart(period) - random.int(10, 40) * DAY),
          });
        }
      }
      period = addMonths(period, 6);
    }
    ctx.goals = planned;
  },

  async write(ctx, loader) {
    const rows = new TableBuffer(TABLES.goals);
    for (const goal of ctx.goals) {
      rows.push({
        id: goal.id,
        business_unit_id: goal.unit.id,
        owner_id: goal.owner.id,
        name: goal.name,
        description: goal.description,
        kpi_metric: goal.kpi,
        target_value: goal.target,
        target_currency: goal.currency,
        period_start: goal.periodStart,
        period_end: goal.periodEnd,
        channels: goal.channels,
        funnel_stage: goal.funnel,
        status: goal.status,
        created_at: goal.createdAt,
        updated_at: goal.createdAt,
      });
      ctx.activity.record(goal.createdAt, goal.owner, 'goal.created', 'goal', goal.id, null, {
        businessUnitId: goal.unit.id,
        ownerId: goal.owner.id,
        name: goal.name,
        kpiMetric: goal.kpi,
        targetValue: goal.target,
        targetCurrency: goal.currency,
        periodStart: goal.periodStart,
        periodEnd: goal.periodEnd,
        status: goal.status,
      });
    }
    await loader.write(rows);
  },
};
