import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Deliverables filtered by status in due order (`GET /api/deliverables?status=in_review`): without
 * it PostgreSQL walked the due-date index and threw away the other statuses, 90,000 rows before the
 * first in-review one at 200,000 deliverables (87 ms); with it, the page is a range scan (< 1 ms).
 */
export class DeliverableStatusIndex1764400000001 implements MigrationInterface {
  name = 'DeliverableStatusIndex1764400000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE INDEX deliverables_status_due_idx ON deliverables (status, due_date, id);',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX deliverables_status_due_idx;');
  }
}
