import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * deliverable_metric_quarters: each deliverable's daily figures summed per calendar quarter (and
 * revenue currency), for the agency scorecards' KPI contribution, which read every published
 * deliverable of the agencies compared: about 1.9 M daily rows for one quarter at the large
 * volume (8 s), some 110,000 of these.
 *
 * Kept exact in the writing transaction like goal_metric_days: statement-level triggers on
 * performance_metrics add each statement's rows (INSERT, UPDATE as new minus old, DELETE) to
 * their quarter's row under its row lock, so concurrent writers lose no delta. The key has no
 * other dimension, so nothing can move a row between groups. seed:large loads the daily rows with
 * triggers off and calls `deliverable_metric_quarters_rebuild()`.
 */
const FIGURES = [
  'impressions',
  'reach',
  'engagements',
  'clicks',
  'video_views',
  'conversions',
  'revenue_minor',
];
const KEY = 'deliverable_id, quarter_start, revenue_currency';
const ROW = `deliverable_id, metric_date, ${FIGURES.join(', ')}, revenue_currency`;

function applyDelta(source: string): string {
  return `
    INSERT INTO deliverable_metric_quarters AS q (${KEY}, day_rows, ${FIGURES.join(', ')})
    SELECT m.deliverable_id, date_trunc('quarter', m.metric_date)::date, COALESCE(m.revenue_currency, ''),
           sum(m.sign), ${FIGURES.map((figure) => `sum(m.sign * COALESCE(m.${figure}, 0))`).join(', ')}
      FROM ${source}
     GROUP BY 1, 2, 3
    ON CONFLICT (${KEY}) DO UPDATE SET
        day_rows = q.day_rows + excluded.day_rows,
        ${FIGURES.map((figure) => `${figure} = q.${figure} + excluded.${figure}`).join(',\n        ')}`;
}

export class DeliverableMetricQuarters1765770000002 implements MigrationInterface {
  name = 'DeliverableMetricQuarters1765770000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE deliverable_metric_quarters (
        deliverable_id uuid NOT NULL REFERENCES deliverables (id) ON DELETE CASCADE,
        quarter_start date NOT NULL,
        revenue_currency text NOT NULL,
        day_rows integer NOT NULL,
        ${FIGURES.map((figure) => `${figure} bigint NOT NULL`).join(',\n        ')},
        PRIMARY KEY (${KEY})
      );

      CREATE FUNCTION deliverable_metric_quarters_rebuild() RETURNS void LANGUAGE plpgsql AS $fn$
      BEGIN
        DELETE FROM deliverable_metric_quarters;
        ${applyDelta(`(SELECT 1 AS sign, ${ROW} FROM performance_metrics) m`)};
      END;
      $fn$;
      CREATE FUNCTION deliverable_metric_quarters_inserted() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        ${applyDelta(`(SELECT 1 AS sign, ${ROW} FROM new_rows) m`)};
        RETURN NULL;
      END;
      $fn$;
      CREATE FUNCTION deliverable_metric_quarters_updated() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        ${applyDelta(`(SELECT 1 AS sign, ${ROW} FROM new_rows UNION ALL SELECT -1, ${ROW} FROM old_rows) m`)};
        RETURN NULL;
      END;
      $fn$;
      CREATE FUNCTION deliverable_metric_quarters_deleted() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        ${applyDelta(`(SELECT -1 AS sign, ${ROW} FROM old_rows) m`)};
        RETURN NULL;
      END;
      $fn$;
      CREATE TRIGGER deliverable_metric_quarters_inserted AFTER INSERT ON performance_metrics
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION deliverable_metric_quarters_inserted();
      CREATE TRIGGER deliverable_metric_quarters_updated AFTER UPDATE ON performance_metrics
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION deliverable_metric_quarters_updated();
      CREATE TRIGGER deliverable_metric_quarters_deleted AFTER DELETE ON performance_metrics
        REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION deliverable_metric_quarters_deleted();

      SELECT deliverable_metric_quarters_rebuild();`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TRIGGER deliverable_metric_quarters_deleted ON performance_metrics;
      DROP TRIGGER deliverable_metric_quarters_updated ON performance_metrics;
      DROP TRIGGER deliverable_metric_quarters_inserted ON performance_metrics;
      DROP FUNCTION deliverable_metric_quarters_deleted();
      DROP FUNCTION deliverable_metric_quarters_updated();
      DROP FUNCTION deliverable_metric_quarters_inserted();
      DROP FUNCTION deliverable_metric_quarters_rebuild();
      DROP TABLE deliverable_metric_quarters;`);
  }
}
