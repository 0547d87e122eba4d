import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Agency scorecards read their raw facts (scorecard-sql.ts) from a snapshot per agency and
 * quarter instead of aggregating the workflow, the invoices and ten million daily metric rows on
 * every request (8–9 s at the large volume). The queue's job `scorecards.refresh` recomputes the
 * open and the previous quarter every five minutes, older quarters once a day; a read that finds a
 * pair missing or older than its limit (15 minutes for those two quarters, a day for older ones)
 * computes it itself first. `computed_at` is what the pages and exports show as "figures as of".
 */
export class AgencyQuarterFacts1765770000001 implements MigrationInterface {
  name = 'AgencyQuarterFacts1765770000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE agency_quarter_facts (
        agency_id uuid NOT NULL REFERENCES agencies (id) ON DELETE CASCADE,
        quarter text NOT NULL CHECK (quarter ~ '^[0-9]{4}-Q[1-4]$'),
        facts jsonb NOT NULL,
        computed_at timestamptz NOT NULL,
        PRIMARY KEY (agency_id, quarter)
      )`);
    await queryRunner.query(
      `CREATE INDEX agency_quarter_facts_quarter_idx ON agency_quarter_facts (quarter, computed_at)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE agency_quarter_facts`);
  }
}
