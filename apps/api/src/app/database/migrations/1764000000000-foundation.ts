import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1764000000000 implements MigrationInterface {
  name = 'Foundation1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE business_units (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(btrim(name)) > 0),
        operating_model text NOT NULL CHECK (operating_model IN ('centralised', 'decentralised', 'coe')),
        parent_id uuid REFERENCES business_units (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (parent_id IS NULL OR parent_id <> id)
      );
      CREATE UNIQUE INDEX business_units_name_key ON business_units (lower(name));

      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL CHECK (email = lower(email)),
        name text NOT NULL,
        role text NOT NULL CHECK (role IN ('admin', 'social_lead', 'reviewer', 'finance', 'viewer', 'agency_admin', 'agency_member')),
        agency_id uuid,
        business_unit_id uuid REFERENCES business_units (id),
        password_hash text,
        active boolean NOT NULL DEFAULT true,
        locale text NOT NULL DEFAULT 'en',
        last_login_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT users_agency_role_check CHECK ((role IN ('agency_admin', 'agency_member')) = (agency_id IS NOT NULL))
      );
      CREATE UNIQUE INDEX users_email_key ON users (email);
      CREATE INDEX users_agency_idx ON users (agency_id);

      CREATE TABLE agencies (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(btrim(name)) > 0),
        legal_name text NOT NULL,
        services text[] NOT NULL DEFAULT '{}',
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'offboarded')),
        relationship_owner_id uuid NOT NULL REFERENCES users (id),
        offboarded_at timestamptz,
        offboard_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX agencies_name_key ON agencies (lower(name));
      ALTER TABLE users ADD CONSTRAINT users_agency_fk FOREIGN KEY (agency_id) REFERENCES agencies (id);

      CREATE TABLE sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        revoke_reason text,
        user_agent text,
        ip text,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX sessions_user_active_idx ON sessions (user_id) WHERE revoked_at IS NULL;

      CREATE TABLE refresh_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        session_id uuid NOT NULL REFERENCES sessions (id),
        token_hash text NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX refresh_tokens_session_idx ON refresh_tokens (session_id);

      CREATE TABLE invitations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id),
        token_hash text NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_by uuid REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX invitations_user_idx ON invitations (user_id);

      CREATE TABLE audit_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        at timestamptz NOT NULL DEFAULT now(),
        actor_id uuid REFERENCES users (id),
        actor_email text,
        action text NOT NULL,
        entity text NOT NULL,
        entity_id text NOT NULL,
        before jsonb,
        after jsonb
      );
      CREATE INDEX audit_events_at_idx ON audit_events (at DESC);
      CREATE INDEX audit_events_entity_idx ON audit_events (entity, entity_id, at DESC);
      CREATE INDEX audit_events_actor_idx ON audit_events (actor_id, at DESC);

      CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_events is append-only: % is not allowed', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END;
      $$;
      CREATE TRIGGER audit_events_no_update_delete BEFORE UPDATE OR DELETE ON audit_events
        FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
      CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
        FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();

      -- Login throttling counters (rate-limiter-flexible's RateLimiterPostgres layout).
      CREATE TABLE rate_limits (
        key varchar(255) PRIMARY KEY,
        points integer NOT NULL DEFAULT 0,
        expire bigint
      );
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE rate_limits;
      DROP TRIGGER audit_events_no_truncate ON audit_events;
      DROP TRIGGER audit_events_no_update_delete ON audit_events;
      DROP TABLE audit_events;
      DROP FUNCTION audit_events_append_only();
      DROP TABLE invitations;
      DROP TABLE refresh_tokens;
      DROP TABLE sessions;
      ALTER TABLE users DROP CONSTRAINT users_agency_fk;
      DROP TABLE agencies;
      DROP TABLE users;
      DROP TABLE business_units;
    `);
  }
}
