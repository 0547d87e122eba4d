import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Domain events in an outbox written with each change, a delivery record per subscriber (the
 * dedupe key), and mail rows that a sender claims before sending, so a crash loses or doubles
 * nothing. Events are append-only, like the audit log.
 */
export class OutboxEvents1765000100000 implements MigrationInterface {
  name = 'OutboxEvents1765000100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE outbox_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        type text NOT NULL,
        payload jsonb NOT NULL,
        audience jsonb NOT NULL DEFAULT '{}',
        actor_id uuid,
        occurred_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX outbox_events_occurred_idx ON outbox_events (occurred_at);

      CREATE FUNCTION outbox_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'outbox_events is append-only';
      END $$;
      CREATE TRIGGER outbox_events_append_only BEFORE UPDATE OR DELETE ON outbox_events
        FOR EACH ROW EXECUTE FUNCTION outbox_events_append_only();

      CREATE TABLE outbox_deliveries (
        event_id uuid NOT NULL REFERENCES outbox_events (id),
        subscriber text NOT NULL,
        delivered_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (event_id, subscriber)
      );

      ALTER TABLE mail_outbox
        ADD COLUMN event_id uuid REFERENCES outbox_events (id),
        ADD COLUMN claimed_at timestamptz,
        ADD COLUMN attempts integer NOT NULL DEFAULT 0;
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE mail_outbox DROP COLUMN event_id, DROP COLUMN claimed_at, DROP COLUMN attempts;
      DROP TABLE outbox_deliveries;
      DROP TABLE outbox_events;
      DROP FUNCTION outbox_events_append_only();
    `);
  }
}
