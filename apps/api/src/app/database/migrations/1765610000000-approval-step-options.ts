import type { MigrationInterface, QueryRunner } from 'typeorm';

/** `{…}` with the two step options added as false where a step lacks them. */
const WITH_OPTIONS = `(SELECT jsonb_agg(jsonb_build_object('contractOwner', false, 'allowEarlierApprovers', false) || step
                         ORDER BY position)
                    FROM jsonb_array_elements(%s) WITH ORDINALITY AS listed (step, position))`;

/**
 * Approval steps gain two options, kept in the steps' jsonb: `contractOwner` (the contract's owner,
 * the social lead who runs its briefs, decides the step) and `allowEarlierApprovers` (someone who
 * decided an earlier step of the version may decide this one too; otherwise a person decides at
 * most one step of a version). Stored policies and the snapshots running reviews keep say both,
 * false: what the steps meant before.
 */
export class ApprovalStepOptions1765610000000 implements MigrationInterface {
  name = 'ApprovalStepOptions1765610000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`UPDATE approval_policies SET steps = ${WITH_OPTIONS.replace('%s', 'steps')}`);
    await queryRunner.query(
      `UPDATE deliverables
          SET review_policy = jsonb_set(review_policy, '{steps}',
                COALESCE(${WITH_OPTIONS.replace('%s', "review_policy->'steps'")}, '[]'::jsonb))
        WHERE review_policy IS NOT NULL AND jsonb_typeof(review_policy->'steps') = 'array'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const without = (steps: string) =>
      `(SELECT jsonb_agg(step - 'contractOwner' - 'allowEarlierApprovers' ORDER BY position)
          FROM jsonb_array_elements(${steps}) WITH ORDINALITY AS listed (step, position))`;
    await queryRunner.query(`UPDATE approval_policies SET steps = ${without('steps')}`);
    await queryRunner.query(
      `UPDATE deliverables
          SET review_policy = jsonb_set(review_policy, '{steps}', COALESCE(${without("review_policy->'steps'")}, '[]'::jsonb))
        WHERE review_policy IS NOT NULL AND jsonb_typeof(review_policy->'steps') = 'array'`,
    );
  }
}
