import { type Channel, minorDigits, revenueCurrencyFor } from '@agency-portal/shared';
import { type Loader, TableBuffer } from '../copy';
import type { Domain } from '../context';
import type { Random } from '../random';
import { TABLES } from '../tables';
import { addDays, DAY, dayStart, HOUR, isoDate, type Instant } from '../time';

/**
 * Outcomes (issue 14): every published deliverable's daily figures per channel from its
 * publication day to yesterday, as the platforms' exports report them, and the goals' own
 * outcomes (followers, revenue the brand's shop attributes to the campaign as a whole).
 *
 * Shapes: a post peaks on its first days and decays (a half-life of a few days, then a long
 * tail a platform keeps reporting for weeks or months); channels differ in reach, engagement and
 * click rates and only video channels count views; conversions follow clicks, revenue follows
 * conversions at an order value in the currency the revenue rule asks for (the served revenue
 * goals', else the contract's: KRW, IDR or USD). A post is cross-posted to another channel its goals
 * name now and then. How long each post is measured is scaled so the whole comes to
 * `rows` (10 million at scale 1).
 *
 * The inputs are read from the database (the deliverables, briefs, contracts and goals already
 * written), so the same step runs inside the full build and on its own on an existing large
 * database (`npm run seed:large -- --only metrics`, see `replaceMetrics` in cli.ts).
 */

/** Deliverables per batch: generated while the batch before streams into the database. */
const BATCH_DELIVERABLES = 2000;

interface ChannelShape {
  /** Median impressions on the first day. */
  impressions: number;
  reach: [number, number];
  engagement: [number, number];
  ctr: [number, number];
  /** Share of impressions that are video views (null: the channel reports none). */
  views: [number, number] | null;
}

const SHAPES: Partial<Record<Channel, ChannelShape>> = {
  instagram: {
    impressions: 9000,
    reach: [0.55, 0.8],
    engagement: [0.02, 0.06],
    ctr: [0.004, 0.012],
    views: [0.2, 0.5],
  },
  facebook: {
    impressions: 7000,
    reach: [0.6, 0.85],
    engagement: [0.008, 0.025],
    ctr: [0.006, 0.018],
    views: [0.1, 0.3],
  },
  tiktok: {
    impressions: 20000,
    reach: [0.7, 0.9],
    engagement: [0.04, 0.1],
    ctr: [0.002, 0.008],
    views: [0.6, 0.9],
  },
  youtube: {
    impressions: 12000,
    reach: [0.5, 0.75],
    engagement: [0.02, 0.05],
    ctr: [0.005, 0.015],
    views: [0.3, 0.6],
  },
  x: { impressions: 5000, reach: [0.5, 0.8], engagement: [0.005, 0.02], ctr: [0.004, 0.012], views: null },
  linkedin: {
    impressions: 2500,
    reach: [0.6, 0.85],
    engagement: [0.015, 0.04],
    ctr: [0.008, 0.02],
    views: null,
  },
  pinterest: {
    impressions: 4000,
    reach: [0.6, 0.85],
    engagement: [0.005, 0.02],
    ctr: [0.01, 0.03],
    views: null,
  },
  threads: {
    impressions: 3000,
    reach: [0.6, 0.85],
    engagement: [0.02, 0.05],
    ctr: [0.002, 0.006],
    views: null,
  },
  kakao: { impressions: 6000, reach: [0.7, 0.9], engagement: [0.01, 0.03], ctr: [0.01, 0.03], views: null },
  line: { impressions: 6000, reach: [0.7, 0.9], engagement: [0.01, 0.03], ctr: [0.01, 0.03], views: null },
  email: { impressions: 8000, reach: [0.9, 1], engagement: [0.02, 0.05], ctr: [0.02, 0.05], views: null },
  web: { impressions: 3000, reach: [0.8, 0.95], engagement: [0.01, 0.03], ctr: [0.02, 0.06], views: null },
};
const DEFAULT_SHAPE = SHAPES.instagram as ChannelShape;

/** A typical order, in major units of each currency. */
const ORDER_VALUE: Record<string, number> = { USD: 48, KRW: 62_000, IDR: 720_000 };

/** Outcomes the brand's own analytics report per goal and day (KPI → median per day). */
const GOAL_OUTCOMES: Partial<Record<string, number>> = { followers: 900, revenue: 0, conversions: 40 };

interface Measured {
  id: string;
  channel: Channel;
  second: Channel | null;
  published: Instant;
  currency: string;
  /** Days measured: from publication to min(yesterday, publication + life). */
  days: number;
  /** Median impressions on day one. */
  scale: number;
  halfLife: number;
}

export interface MetricOptions {
  random: Random;
  /** Figures run to the day before this. */
  now: Instant;
  /** How many daily rows to aim for. */
  rows: number;
  /** Who the imports are by (the lead: the integration runs under a social lead's key). */
  importerId: string;
  log: (line: string) => void;
}

export interface MetricFacts {
  deliverables: number;
  rows: number;
  goalOutcomes: number;
  imports: number;
}

interface DeliverableRow {
  id: string;
  channel: Channel | null;
  published: string;
  currency: string;
  goal_channels: Channel[];
  revenue_goals: string[];
}

async function measuredDeliverables(loader: Loader, random: Random, now: Instant): Promise<Measured[]> {
  const { rows } = await loader.client.query<DeliverableRow>(`
    SELECT d.id, d.channel, (extract(epoch FROM d.published_at) * 1000)::bigint::text AS published,
           c.currency,
           ARRAY(SELECT DISTINCT ch FROM brief_goals bg JOIN marketing_goals g ON g.id = bg.goal_id,
                        unnest(g.channels) ch
                  WHERE bg.brief_id = d.brief_id ORDER BY ch) AS goal_channels,
           ARRAY(SELECT g.target_currency FROM brief_goals bg JOIN marketing_goals g ON g.id = bg.goal_id
                  WHERE bg.brief_id = d.brief_id AND g.kpi_metric = 'revenue' AND g.target_currency IS NOT NULL)
             AS revenue_goals
      FROM deliverables d
      JOIN briefs b ON b.id = d.brief_id
      JOIN contracts c ON c.id = b.contract_id
     WHERE d.status = 'published' AND d.published_at IS NOT NULL
     ORDER BY d.id`);
  const yesterday = dayStart(isoDate(now)) - DAY;
  const measured: Measured[] = [];
  for (const row of rows) {
    const published = Number(row.published);
    const channel = row.channel ?? row.goal_channels[0] ?? 'instagram';
    const revenue = revenueCurrencyFor(
      row.revenue_goals.map((currency) => ({ kpiMetric: 'revenue', targetCurrency: currency })),
      row.currency,
    );
    const others = row.goal_channels.filter((other) => other !== channel);
    const available = Math.floor((yesterday - dayStart(isoDate(published))) / DAY) + 1;
    if (available < 1) continue;
    measured.push({
      id: row.id,
      channel,
      second: others.length > 0 && random.chance(0.2) ? random.pick(others) : null,
      published,
      // A deliverable whose revenue goals disagree gets no revenue (the import would refuse it).
      currency: 'currency' in revenue ? revenue.currency : '',
      days: available,
      scale: random.logNormal(1, 0.9),
      halfLife: random.between(1.5, 6),
    });
  }
  return measured;
}

/**
 * How long each post is measured so the rows come to `target`: a life of `λ·w` days (w drawn per
 * post), cut at yesterday; λ found by bisection.
 */
function sizeLives(measured: Measured[], random: Random, target: number): void {
  const weights = measured.map(() => random.logNormal(1, 0.6));
  const rowsFor = (lambda: number) =>
    measured.reduce(
      (sum, post, index) =>
        sum +
        Math.min(post.days, Math.max(1, Math.round(lambda * (weights[index] ?? 1)))) * (post.second ? 2 : 1),
      0,
    );
  let low = 1;
  let high = 5000;
  for (let step = 0; step < 40; step++) {
    const middle = (low + high) / 2;
    if (rowsFor(middle) < target) low = middle;
    else high = middle;
  }
  measured.forEach((post, index) => {
    post.days = Math.min(post.days, Math.max(1, Math.round(high * (weights[index] ?? 1))));
  });
}

function count(value: number): number {
  return Math.max(0, Math.round(value));
}

/** One post's rows on one channel (share: the cross-post's fraction of the main one's audience). */
function writePost(
  random: Random,
  post: Measured,
  channel: Channel,
  share: number,
  importFor: (day: string) => string,
  now: Instant,
  out: TableBuffer<typeof TABLES.performanceMetrics.columns>,
): number {
  const shape = SHAPES[channel] ?? DEFAULT_SHAPE;
  const first = dayStart(isoDate(post.published));
  const reach = random.between(...shape.reach);
  const engagement = random.between(...shape.engagement);
  const ctr = random.between(...shape.ctr);
  const views = shape.views ? random.between(...shape.views) : null;
  const conversion = random.between(0.01, 0.05);
  const digits = post.currency ? minorDigits(post.currency) : 0;
  const order = (ORDER_VALUE[post.currency] ?? 0) * 10 ** digits;
  const base = shape.impressions * post.scale * share;
  for (let day = 0; day < post.days; day++) {
    const at = first + day * DAY;
    const date = isoDate(at);
    // Decay from the first day to a tail of a few percent; weekends a little busier.
    const decay = 0.97 * 0.5 ** (day / post.halfLife) + 0.03;
    // 1970-01-01 was a Thursday.
    const weekday = (Math.floor(at / DAY) + 4) % 7;
    const noise = random.logNormal(1, 0.25) * (weekday === 0 || weekday === 6 ? 1.15 : 1);
    const impressions = count(base * decay * noise);
    const clicks = count(impressions * ctr * random.between(0.8, 1.2));
    const conversions = count(clicks * conversion * random.between(0.5, 1.5));
    const revenue =
      post.currency && conversions > 0
        ? Math.round((conversions * order * random.logNormal(1, 0.3)) / 10 ** digits) * 10 ** digits
        : null;
    out.push({
      deliverable_id: post.id,
      metric_date: date,
      channel,
      impressions,
      reach: count(impressions * reach),
      engagements: count(impressions * engagement * random.between(0.8, 1.2)),
      clicks,
      video_views: views === null ? null : count(impressions * views),
      conversions,
      revenue_minor: revenue,
      revenue_currency: revenue === null ? null : post.currency,
      import_id: importFor(date),
      // The platform's export of a day arrives the next morning.
      updated_at: Math.min(now, at + DAY + 7 * HOUR),
    });
  }
  return post.days;
}

interface GoalRow {
  id: string;
  kpi_metric: string;
  target_currency: string | null;
  period_start: string;
  period_end: string;
}

/** Writes the metric imports, the goals' own outcomes and the deliverables' daily figures (in key order). */
export async function writeMetrics(loader: Loader, options: MetricOptions): Promise<MetricFacts> {
  const { random, now, log } = options;
  const started = performance.now();
  const measured = await measuredDeliverables(loader, random, now);
  sizeLives(measured, random, options.rows);
  const total = measured.reduce((sum, post) => sum + post.days * (post.second ? 2 : 1), 0);
  log(
    `  metrics: ${measured.length.toLocaleString('en')} published deliverables, ${total.toLocaleString('en')} daily rows to write`,
  );

  // The integration's imports: one batch a day of every deliverable's figures, one per goal.
  const perDay = new Map<number, number>();
  for (const post of measured) {
    const first = Math.floor(dayStart(isoDate(post.published)) / DAY);
    for (let day = 0; day < post.days; day++)
      perDay.set(first + day, (perDay.get(first + day) ?? 0) + (post.second ? 2 : 1));
  }
  const imports = new TableBuffer(TABLES.metricImports);
  const dayImports = new Map<string, string>();
  for (const [day, rows] of [...perDay].sort(([a], [b]) => a - b)) {
    const id = random.uuid();
    dayImports.set(isoDate(day * DAY), id);
    imports.push(
      importRow(
        id,
        null,
        'deliverables',
        options.importerId,
        rows,
        Math.min(now, (day + 1) * DAY + 7 * HOUR),
      ),
    );
  }
  const goals = await goalOutcomes(loader, random, now, options.importerId, imports);
  await loader.write(imports, goals.rows);
  log(
    `  metrics: ${goals.count.toLocaleString('en')} goal outcomes, ${dayImports.size + goals.imports} imports`,
  );

  const importFor = (day: string): string => dayImports.get(day) as string;
  let writing: Promise<void> = Promise.resolve();
  let written = 0;
  let reported = 0;
  for (let from = 0; from < measured.length; from += BATCH_DELIVERABLES) {
    const out = new TableBuffer(TABLES.performanceMetrics);
    let rows = 0;
    for (const post of measured.slice(from, from + BATCH_DELIVERABLES)) {
      rows += writePost(random, post, post.channel, 1, importFor, now, out);
      if (post.second)
        rows += writePost(random, post, post.second, random.between(0.2, 0.6), importFor, now, out);
    }
    await writing;
    writing = loader.write(out).then(() => {
      written += rows;
      if (written - reported >= 1_000_000 || written === total) {
        reported = written;
        const seconds = (performance.now() - started) / 1000;
        log(
          `  metrics: ${(written / 1e6).toFixed(1)}M of ${(total / 1e6).toFixed(1)}M rows ` +
            `(${Math.round((100 * written) / Math.max(1, total))}%), ${seconds.toFixed(0)} s`,
        );
      }
    });
  }
  await writing;
  // The goal dashboard's daily groups (apps/api's GoalMetricDays migration): built once from the
  // rows, as the triggers that keep them are off for a fast load.
  const mark = performance.now();
  await loader.timed('goal_metric_days', () => loader.client.query('SELECT goal_metric_days_rebuild(NULL)'));
  log(`  metrics: goal_metric_days built in ${((performance.now() - mark) / 1000).toFixed(1)} s`);
  // The scorecards' quarterly sums per deliverable (DeliverableMetricQuarters), likewise.
  const quarters = performance.now();
  await loader.timed('deliverable_metric_quarters', () =>
    loader.client.query('SELECT deliverable_metric_quarters_rebuild()'),
  );
  log(
    `  metrics: deliverable_metric_quarters built in ${((performance.now() - quarters) / 1000).toFixed(1)} s`,
  );
  return {
    deliverables: measured.length,
    rows: total,
    goalOutcomes: goals.count,
    imports: dayImports.size + goals.imports,
  };
}

/**
 * The goals' own outcomes, each goal's by one import: followers gained, the shop's revenue not
 * attributed to a post, conversions from other sources; every day of the period up to yesterday.
 */
async function goalOutcomes(
  loader: Loader,
  random: Random,
  now: Instant,
  importerId: string,
  imports: TableBuffer<typeof TABLES.metricImports.columns>,
): Promise<{ rows: TableBuffer<typeof TABLES.goalOutcomes.columns>; count: number; imports: number }> {
  const { rows: goals } = await loader.client.query<GoalRow>(`
    SELECT id, kpi_metric, target_currency, to_char(period_start, 'YYYY-MM-DD') AS period_start,
           to_char(period_end, 'YYYY-MM-DD') AS period_end
      FROM marketing_goals WHERE kpi_metric IN ('followers', 'revenue', 'conversions') ORDER BY id`);
  const outcomes = new TableBuffer(TABLES.goalOutcomes);
  const yesterday = isoDate(dayStart(isoDate(now)) - DAY);
  let total = 0;
  let written = 0;
  for (const goal of goals) {
    const last = goal.period_end < yesterday ? goal.period_end : yesterday;
    if (last < goal.period_start) continue;
    const median =
      goal.kpi_metric === 'revenue'
        ? (ORDER_VALUE[goal.target_currency ?? ''] ?? 0) * random.between(5, 30)
        : (GOAL_OUTCOMES[goal.kpi_metric] ?? 0) * random.logNormal(1, 0.5);
    const digits =
      goal.kpi_metric === 'revenue' && goal.target_currency ? minorDigits(goal.target_currency) : 0;
    const id = random.uuid();
    let rows = 0;
    for (let date = goal.period_start; date <= last; date = addDays(date, 1)) {
      outcomes.push({
        goal_id: goal.id,
        outcome_date: date,
        metric: goal.kpi_metric,
        value: count(median * random.logNormal(1, 0.35)) * 10 ** digits,
        currency: goal.kpi_metric === 'revenue' ? goal.target_currency : null,
        note: '',
        import_id: id,
        updated_at: Math.min(now, dayStart(date) + DAY + 8 * HOUR),
      });
      rows++;
    }
    total += rows;
    written++;
    imports.push(
      importRow(id, goal.id, 'goal', importerId, rows, Math.min(now, dayStart(last) + DAY + 8 * HOUR)),
    );
  }
  return { rows: outcomes, count: total, imports: written };
}

function importRow(
  id: string,
  goalId: string | null,
  target: 'deliverables' | 'goal',
  createdBy: string,
  rows: number,
  at: Instant,
) {
  return {
    id,
    source: 'api',
    target,
    goal_id: goalId,
    status: 'imported',
    created_by: createdBy,
    rows_total: rows,
    rows_checked: rows,
    rows_imported: rows,
    inserted: rows,
    created_at: at - 60_000,
    started_at: at - 60_000,
    finished_at: at,
  };
}

/** The reporting domain of the full build (after spend): the lead's integration wrote the figures. */
export const metrics: Domain = {
  name: 'metrics',
  plan() {
    // Everything it needs is in the database by the time it writes.
  },
  async write(ctx, loader) {
    const lead = ctx.org.accounts['lead'];
    if (!lead) throw new Error('no lead account');
    await writeMetrics(loader, {
      random: ctx.random.fork('metrics'),
      now: ctx.now,
      rows: ctx.volumes.metricRows,
      importerId: lead.id,
      log: ctx.log,
    });
  },
};
