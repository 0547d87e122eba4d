import type { MigrationInterface, QueryRunner } from 'typeorm';

export class GoalsAndContracts1764100000000 implements MigrationInterface {
  name = 'GoalsAndContracts1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE stored_files (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        storage_key text NOT NULL UNIQUE,
        original_name text NOT NULL,
        content_type text NOT NULL,
        size_bytes bigint NOT NULL CHECK (size_bytes >= 0),
        sha256 char(64) NOT NULL,
        uploaded_by uuid REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE marketing_goals (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        business_unit_id uuid NOT NULL REFERENCES business_units (id),
        owner_id uuid NOT NULL REFERENCES users (id),
        name text NOT NULL CHECK (length(btrim(name)) > 0),
        description text NOT NULL DEFAULT '',
        kpi_metric text NOT NULL CHECK (kpi_metric IN ('impressions', 'reach', 'engagements', 'clicks', 'video_views', 'conversions', 'revenue', 'followers')),
        target_value bigint NOT NULL CHECK (target_value > 0),
        target_currency char(3),
        period_start date NOT NULL,
        period_end date NOT NULL,
        channels text[] NOT NULL,
        funnel_stage text NOT NULL CHECK (funnel_stage IN ('awareness', 'consideration', 'conversion', 'retention')),
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'active', 'achieved', 'missed', 'archived')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (period_end >= period_start),
        CHECK ((kpi_metric = 'revenue') = (target_currency IS NOT NULL)),
        CHECK (cardinality(channels) > 0)
      );
      CREATE INDEX marketing_goals_unit_idx ON marketing_goals (business_unit_id);

      CREATE TABLE contracts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agency_id uuid NOT NULL REFERENCES agencies (id),
        business_unit_id uuid NOT NULL REFERENCES business_units (id),
        owner_id uuid NOT NULL REFERENCES users (id),
        reference text NOT NULL,
        title text NOT NULL CHECK (length(btrim(title)) > 0),
        scope text NOT NULL DEFAULT '',
        start_date date NOT NULL,
        end_date date NOT NULL,
        currency char(3) NOT NULL,
        budget_cap_minor bigint NOT NULL CHECK (budget_cap_minor >= 0),
        renewal_notice_days integer NOT NULL DEFAULT 30 CHECK (renewal_notice_days BETWEEN 0 AND 365),
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'active', 'expired', 'terminated')),
        termination_reason text,
        terminated_at timestamptz,
        activated_at timestamptz,
        expired_at timestamptz,
        renewal_notified_at timestamptz,
        signed_document_id uuid REFERENCES stored_files (id),
        internal_notes text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (end_date >= start_date),
        CHECK ((status = 'terminated') = (termination_reason IS NOT NULL))
      );
      CREATE UNIQUE INDEX contracts_reference_key ON contracts (lower(reference));
      CREATE INDEX contracts_agency_idx ON contracts (agency_id, status);
      CREATE INDEX contracts_active_end_idx ON contracts (end_date) WHERE status = 'active';

      CREATE TABLE rate_card_items (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        contract_id uuid NOT NULL REFERENCES contracts (id) ON DELETE CASCADE,
        position integer NOT NULL,
        code text NOT NULL,
        description text NOT NULL,
        unit text NOT NULL CHECK (unit IN ('deliverable', 'hour', 'month')),
        unit_price_minor bigint NOT NULL CHECK (unit_price_minor >= 0)
      );
      CREATE UNIQUE INDEX rate_card_items_code_key ON rate_card_items (contract_id, lower(code));

      CREATE TABLE contract_goals (
        contract_id uuid NOT NULL REFERENCES contracts (id) ON DELETE CASCADE,
        goal_id uuid NOT NULL REFERENCES marketing_goals (id),
        percent integer NOT NULL CHECK (percent BETWEEN 1 AND 100),
        PRIMARY KEY (contract_id, goal_id)
      );
      CREATE INDEX contract_goals_goal_idx ON contract_goals (goal_id);

      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id),
        kind text NOT NULL,
        title text NOT NULL,
        body text NOT NULL DEFAULT '',
        link text,
        entity text,
        entity_id uuid,
        read_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC);
      CREATE INDEX notifications_unread_idx ON notifications (user_id) WHERE read_at IS NULL;
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE notifications;
      DROP TABLE contract_goals;
      DROP TABLE rate_card_items;
      DROP TABLE contracts;
      DROP TABLE marketing_goals;
      DROP TABLE stored_files;
    `);
  }
}
