import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which approval policy applies to each contract, as one view: the contract's own policy, else its
 * business unit's, else the template of the nearest centre of excellence above the unit, else none
 * (the built-in default). The API explains the choice from it and scopes reviewers by it, so the
 * rule is written once.
 */
export class EffectiveApprovalPolicies1764300000000 implements MigrationInterface {
  name = 'EffectiveApprovalPolicies1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE VIEW effective_approval_policies AS
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
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP VIEW effective_approval_policies;');
  }
}
