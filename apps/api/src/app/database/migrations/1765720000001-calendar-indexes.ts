import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The content calendar (`GET /api/calendar`) reads a window of days: planned work by due date
 * (`deliverables_due_idx`, `deliverables_status_due_idx` already serve it) and published work by the
 * instant it went out, which nothing indexed. A partial index keeps that second range a scan of
 * published rows only; the per-channel index serves a calendar filtered to one channel, the
 * commonest filter a social lead sets.
 */
export class CalendarIndexes1765720000001 implements MigrationInterface {
  name = 'CalendarIndexes1765720000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE INDEX deliverables_published_at_idx ON deliverables (published_at, id) WHERE status = 'published';
      CREATE INDEX deliverables_channel_due_idx ON deliverables (channel, due_date, id);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP INDEX deliverables_channel_due_idx;
      DROP INDEX deliverables_published_at_idx;
    `);
  }
}
