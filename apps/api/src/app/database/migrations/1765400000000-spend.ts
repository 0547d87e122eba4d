import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Spend: a tax rate per contract, invoices with their lines and finance approvals, idempotency
 * keys for submissions, finance's exchange rates, the budget thresholds already announced, and
 * the budget ledger as views over the records (never a second copy that can drift).
 *
 * A deliverable is billed at most once among live invoices: `invoice_lines.live` follows its
 * invoice's status (a trigger keeps it so) and a partial unique index holds the billed
 * deliverables of live lines, so two invoices racing for one deliverable cannot both commit.
 */
export class Spend1765400000000 implements MigrationInterface {
  name = 'Spend1765400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE contracts
        ADD COLUMN tax_rate_bp integer NOT NULL DEFAULT 0
          CONSTRAINT contracts_tax_rate_bp_check CHECK (tax_rate_bp BETWEEN 0 AND 10000);

      CREATE TABLE invoices (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agency_id uuid NOT NULL REFERENCES agencies (id),
        contract_id uuid NOT NULL REFERENCES contracts (id),
        number text NOT NULL CHECK (length(number) BETWEEN 1 AND 60),
        issue_date date NOT NULL,
        due_date date NOT NULL,
        currency char(3) NOT NULL,
        net_minor bigint NOT NULL CHECK (net_minor >= 0),
        tax_rate_bp integer NOT NULL CHECK (tax_rate_bp BETWEEN 0 AND 10000),
        tax_minor bigint NOT NULL CHECK (tax_minor >= 0),
        gross_minor bigint NOT NULL,
        status text NOT NULL DEFAULT 'submitted'
          CHECK (status IN ('submitted', 'approved', 'rejected', 'paid', 'withdrawn')),
        version integer NOT NULL DEFAULT 0,
        approvals_required smallint NOT NULL CHECK (approvals_required IN (1, 2)),
        document_id uuid NOT NULL UNIQUE REFERENCES stored_files (id),
        notes text NOT NULL DEFAULT '',
        checks jsonb NOT NULL DEFAULT '{}',
        submitted_by uuid NOT NULL REFERENCES users (id),
        submitted_at timestamptz NOT NULL DEFAULT now(),
        approved_at timestamptz,
        rejected_by uuid REFERENCES users (id),
        rejected_at timestamptz,
        rejection_reason text,
        paid_by uuid REFERENCES users (id),
        paid_at timestamptz,
        payment_date date,
        payment_reference text,
        withdrawn_by uuid REFERENCES users (id),
        withdrawn_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT invoices_due_after_issue CHECK (due_date >= issue_date),
        CONSTRAINT invoices_gross_is_net_plus_tax CHECK (gross_minor = net_minor + tax_minor),
        CONSTRAINT invoices_rejection_has_reason CHECK (status <> 'rejected' OR rejection_reason IS NOT NULL),
        CONSTRAINT invoices_payment_recorded
          CHECK (status <> 'paid' OR (payment_date IS NOT NULL AND payment_reference IS NOT NULL))
      );
      -- An agency's number is unique among its live invoices: a rejected or withdrawn one may be sent again.
      CREATE UNIQUE INDEX invoices_agency_number_key ON invoices (agency_id, lower(number))
        WHERE status IN ('submitted', 'approved', 'paid');
      CREATE INDEX invoices_submitted_at_id_idx ON invoices (submitted_at, id);
      CREATE INDEX invoices_due_date_id_idx ON invoices (due_date, id);
      CREATE INDEX invoices_issue_date_id_idx ON invoices (issue_date, id);
      CREATE INDEX invoices_number_id_idx ON invoices (number, id);
      CREATE INDEX invoices_agency_submitted_idx ON invoices (agency_id, submitted_at, id);
      CREATE INDEX invoices_contract_status_idx ON invoices (contract_id, status) INCLUDE (net_minor);
      CREATE INDEX invoices_status_due_idx ON invoices (status, due_date, id);
      CREATE INDEX invoices_number_trgm_idx ON invoices USING gin (number gin_trgm_ops);

      CREATE TABLE invoice_lines (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        invoice_id uuid NOT NULL REFERENCES invoices (id),
        position integer NOT NULL,
        rate_card_item_id uuid REFERENCES rate_card_items (id) ON DELETE SET NULL,
        item_code text NOT NULL,
        description text NOT NULL,
        unit text NOT NULL CHECK (unit IN ('deliverable', 'hour', 'month')),
        quantity numeric(12, 2) NOT NULL CHECK (quantity > 0),
        unit_price_minor bigint NOT NULL CHECK (unit_price_minor >= 0),
        rate_card_price_minor bigint NOT NULL CHECK (rate_card_price_minor >= 0),
        amount_minor bigint NOT NULL CHECK (amount_minor >= 0),
        deliverable_id uuid REFERENCES deliverables (id),
        goal_id uuid NOT NULL REFERENCES marketing_goals (id),
        spec_quantity integer,
        billed_spec_quantity numeric(12, 2),
        live boolean NOT NULL DEFAULT true,
        CONSTRAINT invoice_lines_position_key UNIQUE (invoice_id, position),
        CONSTRAINT invoice_lines_whole_deliverables CHECK (unit <> 'deliverable' OR quantity = trunc(quantity)),
        CONSTRAINT invoice_lines_deliverable_billed CHECK (unit <> 'deliverable' OR deliverable_id IS NOT NULL)
      );
      CREATE UNIQUE INDEX invoice_lines_billed_deliverable_key ON invoice_lines (deliverable_id)
        WHERE live AND deliverable_id IS NOT NULL;
      CREATE INDEX invoice_lines_invoice_idx ON invoice_lines (invoice_id) INCLUDE (goal_id, amount_minor);
      CREATE INDEX invoice_lines_goal_idx ON invoice_lines (goal_id);
      CREATE INDEX invoice_lines_deliverable_idx ON invoice_lines (deliverable_id);

      -- A line holds its deliverable exactly while its invoice is live.
      CREATE FUNCTION invoice_lines_follow_status() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE invoice_lines SET live = NEW.status IN ('submitted', 'approved', 'paid')
         WHERE invoice_id = NEW.id;
        RETURN NULL;
      END $$;
      CREATE TRIGGER invoice_lines_follow_status AFTER UPDATE OF status ON invoices
        FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status)
        EXECUTE FUNCTION invoice_lines_follow_status();

      CREATE TABLE invoice_approvals (
        invoice_id uuid NOT NULL REFERENCES invoices (id),
        approver_id uuid NOT NULL REFERENCES users (id),
        approved_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (invoice_id, approver_id)
      );

      CREATE TABLE idempotency_keys (
        user_id uuid NOT NULL REFERENCES users (id),
        key text NOT NULL,
        request_hash char(64) NOT NULL,
        response_status integer NOT NULL,
        response_body jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, key)
      );
      CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at);

      CREATE TABLE exchange_rates (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        month date NOT NULL CHECK (extract(day FROM month) = 1),
        currency char(3) NOT NULL,
        reporting_currency char(3) NOT NULL,
        rate numeric(24, 12) NOT NULL CHECK (rate > 0),
        updated_by uuid NOT NULL REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT exchange_rates_key UNIQUE (currency, reporting_currency, month),
        CONSTRAINT exchange_rates_two_currencies CHECK (currency <> reporting_currency)
      );
      CREATE INDEX exchange_rates_month_id_idx ON exchange_rates (month, id);

      -- Thresholds a contract's invoiced amount has reached and that were announced; a row goes
      -- when the amount falls back below (a rejection), so the next crossing is announced again.
      CREATE TABLE budget_alerts (
        contract_id uuid NOT NULL REFERENCES contracts (id),
        threshold_percent integer NOT NULL CHECK (threshold_percent BETWEEN 1 AND 100),
        raised_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (contract_id, threshold_percent)
      );

      -- Which brief statuses commit their estimate: BUDGET_COMMITTING_BRIEF_STATUSES in libs/shared (a
      -- test keeps the two equal).
      CREATE FUNCTION brief_commits_budget(status text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
        SELECT status IN ('accepted', 'in_progress', 'completed')
      $$;

      CREATE VIEW contract_budget_ledger AS
      SELECT c.id,
             c.id AS contract_id,
             c.business_unit_id,
             c.agency_id,
             c.currency,
             c.budget_cap_minor AS cap_minor,
             COALESCE(committed.amount, 0)::bigint AS committed_minor,
             COALESCE(billed.invoiced, 0)::bigint AS invoiced_minor,
             COALESCE(billed.approved, 0)::bigint AS approved_minor,
             COALESCE(billed.paid, 0)::bigint AS paid_minor,
             (c.budget_cap_minor
               - GREATEST(COALESCE(committed.amount, 0), COALESCE(billed.invoiced, 0)))::bigint AS remaining_minor
        FROM contracts c
        LEFT JOIN LATERAL (
          SELECT sum(b.budget_estimate_minor) AS amount FROM briefs b
           WHERE b.contract_id = c.id AND brief_commits_budget(b.status)
        ) committed ON true
        LEFT JOIN LATERAL (
          SELECT sum(i.net_minor) FILTER (WHERE i.status IN ('submitted', 'approved', 'paid')) AS invoiced,
                 sum(i.net_minor) FILTER (WHERE i.status IN ('approved', 'paid')) AS approved,
                 sum(i.net_minor) FILTER (WHERE i.status = 'paid') AS paid
            FROM invoices i WHERE i.contract_id = c.id
        ) billed ON true;

      -- Per contract and goal: the goal's allocation as its cap; a brief's estimate split evenly
      -- over its goals (the remainder to the first goal by id); invoice lines by their goal.
      CREATE VIEW goal_budget_ledger AS
      WITH brief_shares AS (
        SELECT b.contract_id, bg.goal_id,
               b.budget_estimate_minor / count(*) OVER (PARTITION BY b.id)
                 + CASE WHEN row_number() OVER (PARTITION BY b.id ORDER BY bg.goal_id) = 1
                        THEN b.budget_estimate_minor % count(*) OVER (PARTITION BY b.id) ELSE 0 END AS amount
          FROM briefs b JOIN brief_goals bg ON bg.brief_id = b.id
         WHERE brief_commits_budget(b.status)
      ),
      committed AS (
        SELECT contract_id, goal_id, sum(amount) AS amount FROM brief_shares GROUP BY contract_id, goal_id
      ),
      billed AS (
        SELECT i.contract_id, l.goal_id,
               sum(l.amount_minor) FILTER (WHERE i.status IN ('submitted', 'approved', 'paid')) AS invoiced,
               sum(l.amount_minor) FILTER (WHERE i.status IN ('approved', 'paid')) AS approved,
               sum(l.amount_minor) FILTER (WHERE i.status = 'paid') AS paid
          FROM invoice_lines l JOIN invoices i ON i.id = l.invoice_id
         GROUP BY i.contract_id, l.goal_id
      ),
      goal_keys AS (
        SELECT contract_id, goal_id FROM contract_goals
        UNION SELECT contract_id, goal_id FROM committed
        UNION SELECT contract_id, goal_id FROM billed
      )
      SELECT md5(k.contract_id::text || ':' || k.goal_id::text)::uuid AS id,
             k.contract_id,
             k.goal_id,
             c.business_unit_id,
             c.agency_id,
             c.currency,
             cg.percent AS allocation_percent,
             COALESCE(c.budget_cap_minor * cg.percent / 100, 0)::bigint AS cap_minor,
             COALESCE(cm.amount, 0)::bigint AS committed_minor,
             COALESCE(bl.invoiced, 0)::bigint AS invoiced_minor,
             COALESCE(bl.approved, 0)::bigint AS approved_minor,
             COALESCE(bl.paid, 0)::bigint AS paid_minor,
             (COALESCE(c.budget_cap_minor * cg.percent / 100, 0)
               - GREATEST(COALESCE(cm.amount, 0), COALESCE(bl.invoiced, 0)))::bigint AS remaining_minor
        FROM goal_keys k
        JOIN contracts c ON c.id = k.contract_id
        LEFT JOIN contract_goals cg ON cg.contract_id = k.contract_id AND cg.goal_id = k.goal_id
        LEFT JOIN committed cm ON cm.contract_id = k.contract_id AND cm.goal_id = k.goal_id
        LEFT JOIN billed bl ON bl.contract_id = k.contract_id AND bl.goal_id = k.goal_id;

      CREATE VIEW business_unit_budget_ledger AS
      SELECT md5(business_unit_id::text || ':' || currency)::uuid AS id,
             business_unit_id, currency,
             sum(cap_minor)::bigint AS cap_minor,
             sum(committed_minor)::bigint AS committed_minor,
             sum(invoiced_minor)::bigint AS invoiced_minor,
             sum(approved_minor)::bigint AS approved_minor,
             sum(paid_minor)::bigint AS paid_minor,
             sum(remaining_minor)::bigint AS remaining_minor
        FROM contract_budget_ledger
       GROUP BY business_unit_id, currency;
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP VIEW business_unit_budget_ledger;
      DROP VIEW goal_budget_ledger;
      DROP VIEW contract_budget_ledger;
      DROP FUNCTION brief_commits_budget(text);
      DROP TABLE budget_alerts;
      DROP TABLE exchange_rates;
      DROP TABLE idempotency_keys;
      DROP TABLE invoice_approvals;
      DROP TRIGGER invoice_lines_follow_status ON invoices;
      DROP FUNCTION invoice_lines_follow_status();
      DROP TABLE invoice_lines;
      DROP TABLE invoices;
      ALTER TABLE contracts DROP COLUMN tax_rate_bp;
    `);
  }
}
