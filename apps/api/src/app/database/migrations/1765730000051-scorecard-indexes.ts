import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Agency scorecards (`GET /api/scorecards`) read an agency's invoices issued in a quarter (the
 * approved spend behind its KPI contribution). Invoices were indexed by agency and submission
 * instant only; this index makes the quarter a range scan of the agency's rows. Deliverables,
 * versions, decisions and daily metrics are already reached through indexes
 * (`deliverables_brief_due_idx`, the versions' and decisions' unique keys, the metrics' primary key).
 */
export class ScorecardIndexes1765730000051 implements MigrationInterface {
  name = 'ScorecardIndexes1765730000051';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX invoices_agency_issue_idx ON invoices (agency_id, issue_date) INCLUDE (status, currency)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX invoices_agency_issue_idx`);
  }
}
