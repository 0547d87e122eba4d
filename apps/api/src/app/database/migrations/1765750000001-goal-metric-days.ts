import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * goal_metric_days: the deliverables' daily figures per goal, day and what the goal dashboard
 * breaks them down by (agency, channel, funnel stage, contract currency) and the revenue's
 * currency. A goal with 4,000 published deliverables reads some 5,000 of these rows for its
 * half-year instead of 120,000 daily rows (700 ms at 10M rows; see docs/large-data.md).
 *
 * Kept exact in the writing transaction, never refreshed after the fact:
 * - performance_metrics: statement-level triggers add each statement's rows (INSERT, the upsert's
 *   UPDATE as new minus old, DELETE) to their groups as sums and counts of non-null figures, so
 *   a sum over rows with no figure stays NULL as in the daily rows. Concurrent writers add to the
 *   same row under its row lock, so no delta is lost.
 * - brief_goals: a goal added to (removed from) a brief gains (loses) its deliverables' figures.
 * - a change of what a group is keyed by (a deliverable's channel or brief, a brief's funnel
 *   stage or contract, a contract's agency or currency) marks the goals concerned in
 *   goal_metric_stale: readers then compute those goals from the daily rows (exact, slower) until
 *   the queue's job `goal-reports.rollup` rebuilds them (at once, and every ten minutes).
 * Deleting daily rows does not lower a group's `updated_at` (when figures last arrived).
 */
const GROUP_KEY = 'goal_id, metric_date, agency_id, channel, funnel_stage, currency, revenue_currency';
const FIGURES = ['impressions', 'reach', 'engagements', 'clicks', 'video_views', 'conversions'];

/**
 * INSERT … SELECT of signed daily rows `source` (columns sign, deliverable_id, metric_date,
 * figures, revenue_minor, revenue_currency, updated_at) into their goals' groups.
 */
function applyDelta(source: string, goalJoin = 'JOIN brief_goals bg ON bg.brief_id = b.id'): string {
  const sums = FIGURES.map(
    (figure) => `sum(m.sign * COALESCE(m.${figure}, 0)), sum(m.sign * (m.${figure} IS NOT NULL)::int)`,
  ).join(',\n           ');
  const updates = [...FIGURES, 'revenue']
    .map(
      (figure) =>
        `${figure === 'revenue' ? 'revenue_minor' : figure} = r.${figure === 'revenue' ? 'revenue_minor' : figure} + excluded.${figure === 'revenue' ? 'revenue_minor' : figure}, n_${figure} = r.n_${figure} + excluded.n_${figure}`,
    )
    .join(',\n        ');
  return `
    INSERT INTO goal_metric_days AS r (${GROUP_KEY}, day_rows,
           ${FIGURES.map((figure) => `${figure}, n_${figure}`).join(', ')}, revenue_minor, n_revenue, updated_at)
    SELECT bg.goal_id, m.metric_date, c.agency_id, COALESCE(d.channel, ''), b.funnel_stage, c.currency,
           COALESCE(m.revenue_currency, ''), sum(m.sign),
           ${sums},
           sum(m.sign * COALESCE(m.revenue_minor, 0)), sum(m.sign * (m.revenue_minor IS NOT NULL)::int),
           max(m.updated_at) FILTER (WHERE m.sign > 0)
      FROM ${source}
      JOIN deliverables d ON d.id = m.deliverable_id
      JOIN briefs b ON b.id = d.brief_id
      JOIN contracts c ON c.id = b.contract_id
      ${goalJoin}
     GROUP BY 1, 2, 3, 4, 5, 6, 7
    ON CONFLICT (${GROUP_KEY}) DO UPDATE SET
        day_rows = r.day_rows + excluded.day_rows,
        ${updates},
        updated_at = GREATEST(r.updated_at, excluded.updated_at)`;
}

const ROW = `deliverable_id, metric_date, ${FIGURES.join(', ')}, revenue_minor, revenue_currency, updated_at`;

/** The full rebuild of one goal's groups (or of every goal's with NULL), for the job and seed:large. */
export const REBUILD_GOAL_METRIC_DAYS = `
  CREATE FUNCTION goal_metric_days_rebuild(goal uuid) RETURNS void LANGUAGE plpgsql AS $fn$
  DECLARE
    marked timestamptz;
  BEGIN
    -- A mark made while this runs is kept (a marker waits for this row lock, or adds a new row).
    SELECT marked_at INTO marked FROM goal_metric_stale WHERE goal_id = goal FOR UPDATE;
    DELETE FROM goal_metric_days WHERE goal IS NULL OR goal_id = goal;
    IF goal IS NULL THEN
      ${applyDelta(`(SELECT 1 AS sign, ${ROW} FROM performance_metrics) m`)};
    ELSE
      ${applyDelta(
        `(SELECT 1 AS sign, ${ROW} FROM performance_metrics
           WHERE deliverable_id IN (SELECT d.id FROM brief_goals g JOIN deliverables d ON d.brief_id = g.brief_id
                                     WHERE g.goal_id = goal)) m`,
        'JOIN brief_goals bg ON bg.brief_id = b.id AND bg.goal_id = goal',
      )};
    END IF;
    IF goal IS NULL THEN
      DELETE FROM goal_metric_stale;
    ELSE
      DELETE FROM goal_metric_stale WHERE goal_id = goal AND marked_at <= marked;
    END IF;
  END;
  $fn$;`;

export class GoalMetricDays1765750000001 implements MigrationInterface {
  name = 'GoalMetricDays1765750000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE goal_metric_days (
        goal_id uuid NOT NULL REFERENCES marketing_goals (id) ON DELETE CASCADE,
        metric_date date NOT NULL,
        agency_id uuid NOT NULL,
        channel text NOT NULL,
        funnel_stage text NOT NULL,
        currency char(3) NOT NULL,
        revenue_currency text NOT NULL,
        day_rows integer NOT NULL,
        ${[...FIGURES, 'revenue']
          .map(
            (figure) =>
              `${figure === 'revenue' ? 'revenue_minor' : figure} bigint NOT NULL, n_${figure} integer NOT NULL`,
          )
          .join(',\n        ')},
        updated_at timestamptz,
        PRIMARY KEY (${GROUP_KEY})
      );

      CREATE TABLE goal_metric_stale (
        goal_id uuid PRIMARY KEY REFERENCES marketing_goals (id) ON DELETE CASCADE,
        marked_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE FUNCTION goal_metric_days_inserted() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        ${applyDelta(`(SELECT 1 AS sign, ${ROW} FROM new_rows) m`)};
        RETURN NULL;
      END;
      $fn$;
      CREATE FUNCTION goal_metric_days_updated() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        ${applyDelta(`(SELECT 1 AS sign, ${ROW} FROM new_rows UNION ALL SELECT -1, ${ROW} FROM old_rows) m`)};
        RETURN NULL;
      END;
      $fn$;
      CREATE FUNCTION goal_metric_days_deleted() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        ${applyDelta(`(SELECT -1 AS sign, ${ROW} FROM old_rows) m`)};
        RETURN NULL;
      END;
      $fn$;
      CREATE TRIGGER goal_metric_days_inserted AFTER INSERT ON performance_metrics
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION goal_metric_days_inserted();
      CREATE TRIGGER goal_metric_days_updated AFTER UPDATE ON performance_metrics
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION goal_metric_days_updated();
      CREATE TRIGGER goal_metric_days_deleted AFTER DELETE ON performance_metrics
        REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION goal_metric_days_deleted();

      -- A brief's goals change: that goal gains or loses the brief's deliverables' figures.
      CREATE FUNCTION goal_metric_days_goal_added() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        ${applyDelta(
          `(SELECT 1 AS sign, ${ROW.split(', ')
            .map((column) => `pm.${column}`)
            .join(', ')} FROM performance_metrics pm
              JOIN deliverables pd ON pd.id = pm.deliverable_id
             WHERE pd.brief_id IN (SELECT brief_id FROM new_links)) m`,
          'JOIN new_links bg ON bg.brief_id = b.id',
        )};
        RETURN NULL;
      END;
      $fn$;
      CREATE FUNCTION goal_metric_days_goal_removed() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        ${applyDelta(
          `(SELECT -1 AS sign, ${ROW.split(', ')
            .map((column) => `pm.${column}`)
            .join(', ')} FROM performance_metrics pm
              JOIN deliverables pd ON pd.id = pm.deliverable_id
             WHERE pd.brief_id IN (SELECT brief_id FROM old_links)) m`,
          'JOIN old_links bg ON bg.brief_id = b.id',
        )};
        RETURN NULL;
      END;
      $fn$;
      CREATE TRIGGER goal_metric_days_goal_added AFTER INSERT ON brief_goals
        REFERENCING NEW TABLE AS new_links FOR EACH STATEMENT EXECUTE FUNCTION goal_metric_days_goal_added();
      CREATE TRIGGER goal_metric_days_goal_removed AFTER DELETE ON brief_goals
        REFERENCING OLD TABLE AS old_links FOR EACH STATEMENT EXECUTE FUNCTION goal_metric_days_goal_removed();

      -- What a group is keyed by changed: the goals concerned read the daily rows until rebuilt.
      CREATE FUNCTION goal_metric_days_deliverable_moved() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        INSERT INTO goal_metric_stale (goal_id)
        SELECT DISTINCT goal_id FROM brief_goals WHERE brief_id IN (OLD.brief_id, NEW.brief_id)
        ON CONFLICT (goal_id) DO UPDATE SET marked_at = now();
        RETURN NULL;
      END;
      $fn$;
      CREATE FUNCTION goal_metric_days_brief_moved() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        INSERT INTO goal_metric_stale (goal_id)
        SELECT DISTINCT goal_id FROM brief_goals WHERE brief_id = NEW.id
        ON CONFLICT (goal_id) DO UPDATE SET marked_at = now();
        RETURN NULL;
      END;
      $fn$;
      CREATE FUNCTION goal_metric_days_contract_moved() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        INSERT INTO goal_metric_stale (goal_id)
        SELECT DISTINCT bg.goal_id FROM brief_goals bg JOIN briefs b ON b.id = bg.brief_id WHERE b.contract_id = NEW.id
        ON CONFLICT (goal_id) DO UPDATE SET marked_at = now();
        RETURN NULL;
      END;
      $fn$;
      CREATE TRIGGER goal_metric_days_deliverable_moved AFTER UPDATE OF channel, brief_id ON deliverables
        FOR EACH ROW WHEN (OLD.channel IS DISTINCT FROM NEW.channel OR OLD.brief_id <> NEW.brief_id)
        EXECUTE FUNCTION goal_metric_days_deliverable_moved();
      CREATE TRIGGER goal_metric_days_brief_moved AFTER UPDATE OF funnel_stage, contract_id ON briefs
        FOR EACH ROW WHEN (OLD.funnel_stage <> NEW.funnel_stage OR OLD.contract_id <> NEW.contract_id)
        EXECUTE FUNCTION goal_metric_days_brief_moved();
      CREATE TRIGGER goal_metric_days_contract_moved AFTER UPDATE OF agency_id, currency ON contracts
        FOR EACH ROW WHEN (OLD.agency_id <> NEW.agency_id OR OLD.currency <> NEW.currency)
        EXECUTE FUNCTION goal_metric_days_contract_moved();

      ${REBUILD_GOAL_METRIC_DAYS}
      SELECT goal_metric_days_rebuild(NULL);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TRIGGER goal_metric_days_contract_moved ON contracts;
      DROP TRIGGER goal_metric_days_brief_moved ON briefs;
      DROP TRIGGER goal_metric_days_deliverable_moved ON deliverables;
      DROP TRIGGER goal_metric_days_goal_removed ON brief_goals;
      DROP TRIGGER goal_metric_days_goal_added ON brief_goals;
      DROP TRIGGER goal_metric_days_deleted ON performance_metrics;
      DROP TRIGGER goal_metric_days_updated ON performance_metrics;
      DROP TRIGGER goal_metric_days_inserted ON performance_metrics;
      DROP FUNCTION goal_metric_days_rebuild(uuid);
      DROP FUNCTION goal_metric_days_contract_moved();
      DROP FUNCTION goal_metric_days_brief_moved();
      DROP FUNCTION goal_metric_days_deliverable_moved();
      DROP FUNCTION goal_metric_days_goal_removed();
      DROP FUNCTION goal_metric_days_goal_added();
      DROP FUNCTION goal_metric_days_deleted();
      DROP FUNCTION goal_metric_days_updated();
      DROP FUNCTION goal_metric_days_inserted();
      DROP TABLE goal_metric_stale;
      DROP TABLE goal_metric_days;
    `);
  }
}
