import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * goal_budget_ledger split each brief's estimate over its goals with window functions over all
 * briefs and summed every contract's invoices in CTEs it read twice, so asking for one goal
 * computed every brief's and invoice's shares first (300–650 ms at 20,000 briefs and a million
 * invoice lines: most of a goal dashboard's time). Now the goal filter reaches the keys, and each
 * key's commitment and billing are summed through brief_goals' and invoice_goal_totals' goal
 * indexes. Same columns, same figures (the spend and goal report tests compare them).
 */
export class GoalLedgerByGoal1765750000002 implements MigrationInterface {
  name = 'GoalLedgerByGoal1765750000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE OR REPLACE VIEW goal_budget_ledger AS
      WITH goal_keys AS (
        SELECT contract_id, goal_id FROM contract_goals
        UNION SELECT b.contract_id, bg.goal_id FROM brief_goals bg JOIN briefs b ON b.id = bg.brief_id
               WHERE brief_commits_budget(b.status)
        UNION SELECT i.contract_id, t.goal_id FROM invoice_goal_totals t JOIN invoices i ON i.id = t.invoice_id
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
        -- Each committing brief's estimate split evenly over its goals, the remainder to its first goal (by id).
        LEFT JOIN LATERAL (
          SELECT sum(b.budget_estimate_minor / n.goals
                     + CASE WHEN bg.goal_id = n.first_goal THEN b.budget_estimate_minor % n.goals ELSE 0 END) AS amount
            FROM brief_goals bg JOIN briefs b ON b.id = bg.brief_id
            CROSS JOIN LATERAL (
              SELECT count(*) AS goals, (array_agg(x.goal_id ORDER BY x.goal_id))[1] AS first_goal
                FROM brief_goals x WHERE x.brief_id = b.id) n
           WHERE bg.goal_id = k.goal_id AND b.contract_id = k.contract_id AND brief_commits_budget(b.status)
        ) cm ON true
        LEFT JOIN LATERAL (
          SELECT sum(t.amount_minor) FILTER (WHERE i.status IN ('submitted', 'approved', 'paid')) AS invoiced,
                 sum(t.amount_minor) FILTER (WHERE i.status IN ('approved', 'paid')) AS approved,
                 sum(t.amount_minor) FILTER (WHERE i.status = 'paid') AS paid
            FROM invoice_goal_totals t JOIN invoices i ON i.id = t.invoice_id
           WHERE t.goal_id = k.goal_id AND i.contract_id = k.contract_id
        ) bl ON true;
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
}
