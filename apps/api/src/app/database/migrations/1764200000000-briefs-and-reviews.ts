import type { MigrationInterface, QueryRunner } from 'typeorm';

export class BriefsAndReviews1764200000000 implements MigrationInterface {
  name = 'BriefsAndReviews1764200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE briefs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        contract_id uuid NOT NULL REFERENCES contracts (id),
        title text NOT NULL CHECK (length(btrim(title)) > 0),
        objective text NOT NULL DEFAULT '',
        audience text NOT NULL DEFAULT '',
        key_messages text[] NOT NULL DEFAULT '{}',
        channels text[] NOT NULL,
        funnel_stage text NOT NULL CHECK (funnel_stage IN ('awareness', 'consideration', 'conversion', 'retention')),
        due_date date NOT NULL,
        budget_estimate_minor bigint NOT NULL CHECK (budget_estimate_minor >= 0),
        status text NOT NULL DEFAULT 'draft'
          CHECK (status IN ('draft', 'sent', 'accepted', 'declined', 'in_progress', 'completed', 'cancelled')),
        decline_reason text,
        override_reason text,
        override_by uuid REFERENCES users (id),
        override_at timestamptz,
        sent_at timestamptz,
        answered_at timestamptz,
        created_by uuid NOT NULL REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((status = 'declined') = (decline_reason IS NOT NULL)),
        CHECK (cardinality(channels) > 0)
      );
      CREATE INDEX briefs_contract_idx ON briefs (contract_id, status);

      CREATE TABLE brief_goals (
        brief_id uuid NOT NULL REFERENCES briefs (id) ON DELETE CASCADE,
        goal_id uuid NOT NULL REFERENCES marketing_goals (id),
        PRIMARY KEY (brief_id, goal_id)
      );

      CREATE TABLE deliverable_specs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        brief_id uuid NOT NULL REFERENCES briefs (id) ON DELETE CASCADE,
        position integer NOT NULL,
        rate_card_item_id uuid NOT NULL REFERENCES rate_card_items (id),
        quantity integer NOT NULL CHECK (quantity BETWEEN 1 AND 500),
        due_date date NOT NULL,
        channel text
      );
      CREATE INDEX deliverable_specs_brief_idx ON deliverable_specs (brief_id);

      CREATE TABLE deliverables (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        brief_id uuid NOT NULL REFERENCES briefs (id),
        spec_id uuid REFERENCES deliverable_specs (id),
        title text NOT NULL,
        channel text,
        due_date date NOT NULL,
        derived_from_id uuid REFERENCES deliverables (id),
        status text NOT NULL DEFAULT 'draft'
          CHECK (status IN ('draft', 'in_review', 'changes_requested', 'approved', 'rejected', 'published')),
        current_version_id uuid,
        current_step integer,
        review_started_at timestamptz,
        escalated_step integer,
        -- The approval policy that applied when the current version was submitted (steps may change later).
        review_policy jsonb,
        post_url text,
        published_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (derived_from_id IS NULL OR derived_from_id <> id),
        CHECK ((status = 'in_review') = (current_step IS NOT NULL))
      );
      CREATE INDEX deliverables_brief_idx ON deliverables (brief_id);
      CREATE INDEX deliverables_in_review_idx ON deliverables (review_started_at) WHERE status = 'in_review';

      CREATE TABLE deliverable_versions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        deliverable_id uuid NOT NULL REFERENCES deliverables (id),
        number integer NOT NULL CHECK (number >= 1),
        copy_text text NOT NULL DEFAULT '',
        uploaded_by uuid NOT NULL REFERENCES users (id),
        submitted_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (deliverable_id, number)
      );
      ALTER TABLE deliverables
        ADD CONSTRAINT deliverables_current_version_fk FOREIGN KEY (current_version_id) REFERENCES deliverable_versions (id);

      -- Uploaded files: bound to a deliverable from the first byte, attached to one version once submitted.
      ALTER TABLE stored_files ADD COLUMN deliverable_id uuid REFERENCES deliverables (id);
      ALTER TABLE stored_files ADD COLUMN version_id uuid REFERENCES deliverable_versions (id);
      CREATE INDEX stored_files_deliverable_idx ON stored_files (deliverable_id) WHERE version_id IS NULL;

      -- A submitted version is immutable: no UPDATE or DELETE, and its files stay attached.
      CREATE FUNCTION deliverable_versions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'deliverable_versions are immutable once submitted: % is not allowed', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END;
      $$;
      CREATE TRIGGER deliverable_versions_no_update_delete BEFORE UPDATE OR DELETE ON deliverable_versions
        FOR EACH ROW EXECUTE FUNCTION deliverable_versions_immutable();

      CREATE TABLE approval_policies (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        business_unit_id uuid UNIQUE REFERENCES business_units (id),
        contract_id uuid UNIQUE REFERENCES contracts (id),
        name text NOT NULL,
        steps jsonb NOT NULL CHECK (jsonb_typeof(steps) = 'array' AND jsonb_array_length(steps) BETWEEN 1 AND 10),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((business_unit_id IS NULL) <> (contract_id IS NULL))
      );

      CREATE TABLE approval_decisions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        version_id uuid NOT NULL REFERENCES deliverable_versions (id),
        step_index integer NOT NULL CHECK (step_index >= 0),
        step_name text NOT NULL,
        approver_id uuid NOT NULL REFERENCES users (id),
        decision text NOT NULL CHECK (decision IN ('approve', 'request_changes', 'reject')),
        comment text,
        decided_at timestamptz NOT NULL DEFAULT now(),
        -- Exactly one decision counts per step of a version.
        UNIQUE (version_id, step_index),
        CHECK (decision = 'approve' OR (comment IS NOT NULL AND length(btrim(comment)) > 0))
      );

      CREATE TABLE comments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        version_id uuid NOT NULL REFERENCES deliverable_versions (id),
        parent_id uuid REFERENCES comments (id),
        author_id uuid NOT NULL REFERENCES users (id),
        body text NOT NULL CHECK (length(btrim(body)) > 0),
        pin jsonb,
        resolved_at timestamptz,
        resolved_by uuid REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX comments_version_idx ON comments (version_id, created_at);

      CREATE TABLE mail_outbox (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        to_address text NOT NULL,
        subject text NOT NULL,
        body text NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'not_sent', 'failed')),
        error text,
        processed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX mail_outbox_created_idx ON mail_outbox (created_at DESC);
      CREATE INDEX mail_outbox_pending_idx ON mail_outbox (created_at) WHERE status = 'pending';
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE mail_outbox;
      DROP TABLE comments;
      DROP TABLE approval_decisions;
      DROP TABLE approval_policies;
      DROP TRIGGER deliverable_versions_no_update_delete ON deliverable_versions;
      DROP FUNCTION deliverable_versions_immutable();
      DROP INDEX stored_files_deliverable_idx;
      ALTER TABLE stored_files DROP COLUMN version_id;
      ALTER TABLE stored_files DROP COLUMN deliverable_id;
      ALTER TABLE deliverables DROP CONSTRAINT deliverables_current_version_fk;
      DROP TABLE deliverable_versions;
      DROP TABLE deliverables;
      DROP TABLE deliverable_specs;
      DROP TABLE brief_goals;
      DROP TABLE briefs;
    `);
  }
}
