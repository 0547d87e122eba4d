import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An in-app notice keeps the event it tells of, so it is worded when read: in the reader's language
 * and time zone of that moment, also after they change them. Notices from before keep their English
 * text (no event to word them from).
 */
export class NoticesWordedWhenRead1765200000000 implements MigrationInterface {
  name = 'NoticesWordedWhenRead1765200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE notifications ADD COLUMN event_id uuid REFERENCES outbox_events (id) ON DELETE SET NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE notifications DROP COLUMN event_id`);
  }
}
