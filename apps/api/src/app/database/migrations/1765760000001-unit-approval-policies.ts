import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The unit half of the approval-policy rule as a view of its own: for each business unit, its own
 * policy, else the template of the nearest centre of excellence above it (no row: the built-in
 * default). `effective_approval_policies` now reads it for each contract without a policy of its
 * own, so the walk up the unit tree is written once, and the admin's home can ask which units run
 * on the default without writing that walk again.
 */
export class UnitApprovalPolicies1765760000001 implements MigrationInterface {
  name = 'UnitApprovalPolicies1765760000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE VIEW unit_approval_policies AS
      WITH RECURSIVE chain (unit_id, ancestor_id, parent_id, operating_model, depth) AS (
        SELECT unit.id, unit.id, unit.parent_id, unit.operating_model, 0
          FROM business_units unit
        UNION ALL
        SELECT chain.unit_id, parent.id, parent.parent_id, parent.operating_model, chain.depth + 1
          FROM chain
          JOIN business_units parent ON parent.id = chain.parent_id
         WHERE chain.depth < 20
      )
      SELECT DISTINCT ON (chain.unit_id)
             chain.unit_id,
             policy.id AS policy_id,
             CASE WHEN chain.depth = 0 THEN 'business_unit' ELSE 'coe_template' END AS source,
             chain.ancestor_id AS source_unit_id
        FROM chain
        JOIN approval_policies policy ON policy.business_unit_id = chain.ancestor_id
       WHERE chain.depth = 0 OR chain.operating_model = 'coe'
       ORDER BY chain.unit_id, chain.depth;
    `);
    await queryRunner.query(`
      CREATE OR REPLACE VIEW effective_approval_policies AS
      SELECT contract.id AS contract_id,
             COALESCE(own.id, applied.policy_id) AS policy_id,
             CASE WHEN own.id IS NOT NULL THEN 'contract' ELSE COALESCE(applied.source, 'default') END AS source,
             CASE WHEN own.id IS NOT NULL THEN NULL::uuid ELSE applied.source_unit_id END AS unit_id
        FROM contracts contract
        LEFT JOIN approval_policies own ON own.contract_id = contract.id
        LEFT JOIN unit_approval_policies applied ON applied.unit_id = contract.business_unit_id;
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE OR REPLACE VIEW effective_approval_policies AS
      WITH RECURSIVE chain (contract_id, unit_id, parent_id, operating_model, depth) AS (
        SELECT contract.id, unit.id, unit.parent_id, unit.operating_model, 0
          FROM contracts contract
          JOIN business_units unit ON unit.id = contract.business_unit_id
        UNION ALL
        SELECT chain.contract_id, parent.id, parent.parent_id, parent.operating_model, chain.depth + 1
          FROM chain
          JOIN business_units parent ON parent.id = chain.parent_id
         WHERE chain.depth < 20
      ),
      candidates (contract_id, policy_id, source, unit_id, rank) AS (
        SELECT policy.contract_id, policy.id, 'contract', NULL::uuid, -1
          FROM approval_policies policy
         WHERE policy.contract_id IS NOT NULL
        UNION ALL
        SELECT chain.contract_id, policy.id,
               CASE WHEN chain.depth = 0 THEN 'business_unit' ELSE 'coe_template' END,
               chain.unit_id, chain.depth
          FROM chain
          JOIN approval_policies policy ON policy.business_unit_id = chain.unit_id
         WHERE chain.depth = 0 OR chain.operating_model = 'coe'
      )
      SELECT DISTINCT ON (contract.id)
             contract.id AS contract_id,
             candidate.policy_id,
             COALESCE(candidate.source, 'default') AS source,
             candidate.unit_id
        FROM contracts contract
        LEFT JOIN candidates candidate ON candidate.contract_id = contract.id
       ORDER BY contract.id, candidate.rank NULLS LAST;
    `);
    await queryRunner.query('DROP VIEW unit_approval_policies;');
  }
}
