import type { DataSource } from 'typeorm';
import { MarketingGoal } from '../goals/goal.entity';
import { writeGoalOutcomes, type StoredOutcome } from '../outcomes/metric-store';
import { GoalOutcome, MetricImport } from '../outcomes/outcome.entities';
import { User } from '../users/user.entity';
import { recordSeedEvent } from './seed-audit';

const DAY = 24 * 60 * 60 * 1000;

/**
 * The goals' own outcomes the brand measures itself, so the demo dashboards tell two stories: the
 * Indonesian community goal gains followers ahead of its pace (on track), creator-led revenue in
 * USD comes in through tracked links at about half the pace it needs (behind), and the Korean
 * awareness goal, fed only by two reels, is far behind. Daily figures from each goal's start to
 * yesterday, one `api` import per goal. Runs once, after the outcomes seed.
 */
export async function seedDemoGoalOutcomes(dataSource: DataSource, now = new Date()): Promise<boolean> {
  return dataSource.transaction(async (manager) => {
    if ((await manager.count(GoalOutcome)) > 0) return false;
    const lead = await manager.findOneByOrFail(User, { email: 'lead@demo.local' });
    const goal = (name: string) => manager.findOneByOrFail(MarketingGoal, { name });
    const plans: { goal: MarketingGoal; metric: 'followers' | 'revenue'; perDay: number; note: string }[] = [
      // 100,000 followers over a year: ~274 a day keeps pace; ~330 a day is ahead of it.
      {
        goal: await goal('Pertumbuhan komunitas Indonesia'),
        metric: 'followers',
        perDay: 330,
        note: 'TikTok + Instagram',
      },
      // USD 250,000 over a year needs ~USD 685 a day; ~USD 340 a day (minor units) is half that.
      {
        goal: await goal('Creator-led revenue'),
        metric: 'revenue',
        perDay: 34_000,
        note: 'Tracked links (GA4)',
      },
    ];
    let written = false;
    for (const plan of plans) {
      const rows: StoredOutcome[] = [];
      const start = Date.parse(`${plan.goal.periodStart}T00:00:00Z`);
      const yesterday = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - DAY;
      for (let at = start, index = 0; at <= yesterday; at += DAY, index++) {
        // Weekends higher, and a launch bump in the first fortnight.
        const weekly = 1 + 0.2 * Math.sin((index * 2 * Math.PI) / 7);
        const launch = index < 14 ? 1.4 : 1;
        rows.push({
          date: new Date(at).toISOString().slice(0, 10),
          metric: plan.metric,
          value: Math.round(plan.perDay * weekly * launch),
          currency: plan.metric === 'revenue' ? plan.goal.targetCurrency : null,
          note: plan.note,
        });
      }
      if (rows.length === 0) continue;
      const batch = await manager.save(
        manager.create(MetricImport, {
          source: 'api',
          target: 'goal',
          goalId: plan.goal.id,
          status: 'imported',
          createdBy: lead.id,
          fileId: null,
          startedAt: now,
          finishedAt: now,
        }),
      );
      const counts = await writeGoalOutcomes(manager, plan.goal.id, batch.id, rows);
      await manager.update(
        MetricImport,
        { id: batch.id },
        { ...counts, rowsTotal: rows.length, rowsChecked: rows.length, rowsImported: rows.length },
      );
      await recordSeedEvent(manager, 'goal_outcomes.upserted', 'metric_import', batch.id, {
        rows: rows.length,
      });
      written = true;
    }
    return written;
  });
}
