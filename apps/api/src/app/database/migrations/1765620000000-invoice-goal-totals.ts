import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Per invoice and goal, the count and net amount of its lines: what the spend report and the goal
 * ledger add up, a few rows per invoice instead of every line (a million at the large data's scale).
 *
 * A record derived at write time, never a copy that can drift: the submission writes it from the
 * stored lines in the invoice's own transaction, and the lines cannot change afterwards (a trigger
 * refuses updates other than `live`, which follows the invoice's status, and deletes), nor can
 * the totals. `test/spend/invoice-goal-totals.int-spec.ts` compares them with the lines.
 */
export class InvoiceGoalTotals1765620000000 implements MigrationInterface {
  name = 'InvoiceGoalTotals1765620000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE invoice_goal_totals (
        invoice_id uuid NOT NULL REFERENCES invoices (id),
        goal_id uuid NOT NULL REFERENCES marketing_goals (id),
        line_count integer NOT NULL CHECK (line_count > 0),
        amount_minor bigint NOT NULL CHECK (amount_minor >= 0),
        PRIMARY KEY (invoice_id, goal_id)
      );
      CREATE INDEX invoice_goal_totals_goal_idx ON invoice_goal_totals (goal_id);

      INSERT INTO invoice_goal_totals (invoice_id, goal_id, line_count, amount_minor)
      SELECT invoice_id, goal_id, count(*), sum(amount_minor) FROM invoice_lines GROUP BY invoice_id, goal_id;

      -- A submitted invoice's lines are what it billed: only \`live\` may change (it follows the
      -- status), and the link to a rate card item may be cleared when the item goes (ON DELETE SET NULL).
      CREATE FUNCTION invoice_lines_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE'
           AND to_jsonb(NEW) - 'live' - 'rate_card_item_id' = to_jsonb(OLD) - 'live' - 'rate_card_item_id'
           AND (NEW.rate_card_item_id IS NULL OR NEW.rate_card_item_id = OLD.rate_card_item_id) THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'invoice lines are immutable once submitted: % is not allowed', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END;
      $$;
      CREATE TRIGGER invoice_lines_immutable BEFORE UPDATE OR DELETE ON invoice_lines
        FOR EACH ROW EXECUTE FUNCTION invoice_lines_immutable();

      CREATE FUNCTION invoice_goal_totals_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'invoice_goal_totals is derived from immutable lines: % is not allowed', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END;
      $$;
      CREATE TRIGGER invoice_goal_totals_immutable BEFORE UPDATE OR DELETE ON invoice_goal_totals
        FOR EACH ROW EXECUTE FUNCTION invoice_goal_totals_immutable();

      -- The goal ledger's billed figures from the totals (the same sums, without reading every line).
      CREATE OR REPLACE VIEW goal_budget_ledger AS
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
        SELECT i.contract_id, t.goal_id,
               sum(t.amount_minor) FILTER (WHERE i.status IN ('submitted', 'approved', 'paid')) AS invoiced,
               sum(t.amount_minor) FILTER (WHERE i.status IN ('approved', 'paid')) AS approved,
               sum(t.amount_minor) FILTER (WHERE i.status = 'paid') AS paid
          FROM invoice_goal_totals t JOIN invoices i ON i.id = t.invoice_id
         GROUP BY i.contract_id, t.goal_id
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
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE OR REPLACE VIEW goal_budget_ledger AS
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
      DROP TRIGGER invoice_goal_totals_immutable ON invoice_goal_totals;
      DROP FUNCTION invoice_goal_totals_immutable();
      DROP TRIGGER invoice_lines_immutable ON invoice_lines;
      DROP FUNCTION invoice_lines_immutable();
      DROP TABLE invoice_goal_totals;
    `);
  }
}
