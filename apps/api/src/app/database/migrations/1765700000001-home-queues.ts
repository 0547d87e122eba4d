import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes behind the home queues (home/home-queues.ts), each partial on the rows a queue reads:
 * - briefs waiting for the agency's answer, oldest sent first (the agency's "to answer" and the
 *   lead's "unanswered");
 * - people invited who have not set a password yet (the admin's "pending invites");
 * - the lead's own contracts and the agencies whose relationship they hold, and the agencies whose
 *   owner may have been deactivated (the admin's queue joins users by this column).
 * The review queues use the partial in-review indexes of 1764400000000-list-indexes.
 */
export class HomeQueues1765700000001 implements MigrationInterface {
  name = 'HomeQueues1765700000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE INDEX briefs_sent_idx ON briefs (sent_at, id) WHERE status = 'sent';
      CREATE INDEX users_pending_invite_idx ON users (created_at, id) WHERE password_hash IS NULL AND active;
      CREATE INDEX contracts_owner_idx ON contracts (owner_id, status);
      CREATE INDEX agencies_relationship_owner_idx ON agencies (relationship_owner_id);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP INDEX agencies_relationship_owner_idx;
      DROP INDEX contracts_owner_idx;
      DROP INDEX users_pending_invite_idx;
      DROP INDEX briefs_sent_idx;
    `);
  }
}
