import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Weekly digests by e-mail. `digest_subscriptions`: one row per person and goal or business unit
 * (exactly one of the two, each pair once), listed per person newest first. `digest_deliveries`:
 * one row per subscription and week (the Monday of the subscriber's own week), written in the
 * transaction that queues the e-mail, so a retry or a second process never sends a week twice.
 * Both go with the subscription, the user, the goal or the unit they belong to.
 */
export class DigestSubscriptions1765740000001 implements MigrationInterface {
  name = 'DigestSubscriptions1765740000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE digest_subscriptions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        goal_id uuid REFERENCES marketing_goals (id) ON DELETE CASCADE,
        business_unit_id uuid REFERENCES business_units (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT digest_subscriptions_one_subject CHECK ((goal_id IS NULL) <> (business_unit_id IS NULL))
      );
      CREATE UNIQUE INDEX digest_subscriptions_user_goal_key ON digest_subscriptions (user_id, goal_id) WHERE goal_id IS NOT NULL;
      CREATE UNIQUE INDEX digest_subscriptions_user_unit_key ON digest_subscriptions (user_id, business_unit_id) WHERE business_unit_id IS NOT NULL;
      CREATE INDEX digest_subscriptions_user_created_idx ON digest_subscriptions (user_id, created_at, id);
      CREATE INDEX digest_subscriptions_goal_idx ON digest_subscriptions (goal_id) WHERE goal_id IS NOT NULL;
      CREATE INDEX digest_subscriptions_unit_idx ON digest_subscriptions (business_unit_id) WHERE business_unit_id IS NOT NULL;

      CREATE TABLE digest_deliveries (
        subscription_id uuid NOT NULL REFERENCES digest_subscriptions (id) ON DELETE CASCADE,
        week date NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (subscription_id, week)
      );
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE digest_deliveries;
      DROP TABLE digest_subscriptions;
    `);
  }
}
