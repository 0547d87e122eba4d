import type { Actor } from '../auth/actor';

/**
 * Reviewers read what they review (domain: roles). A reviewer sees a contract, and every brief,
 * deliverable, version, comment and file under it, when:
 * - the approval policy that applies to the contract names them, by role or by name
 *   (`effective_approval_policies`, the same view that explains the policy); or
 * - a deliverable of the brief is or was reviewed under a policy snapshot that names them; or
 * - they decided on a version of the brief's deliverables (their history stays readable).
 * Anything else answers 404, like another agency's records. These are SQL fragments for the access
 * service (access-rules.ts), which is the only place that puts them into queries.
 */
export function isScopedReviewer(actor: Actor): boolean {
  return actor.role === 'reviewer';
}

/** A jsonb step `step` names the reviewer (parameters :scopeReviewerRole, :scopeReviewerName). */
const STEP_NAMES_REVIEWER = `(step->>'approverRole' = :scopeReviewerRole
  OR step->'approverUserIds' @> jsonb_build_array(CAST(:scopeReviewerName AS text)))`;

/**
 * The conditions are uncorrelated `IN (subquery)`s, so PostgreSQL works each set out once per
 * query (a hashed subplan), not once per listed row.
 */

/** Contracts whose applicable policy names the reviewer. */
const CONTRACTS_NAMING_REVIEWER = `SELECT applied.contract_id FROM effective_approval_policies applied
  JOIN approval_policies policy ON policy.id = applied.policy_id
  CROSS JOIN LATERAL jsonb_array_elements(policy.steps) step
  WHERE ${STEP_NAMES_REVIEWER}`;

/** Briefs with a deliverable reviewed under a snapshot naming the reviewer, or decided on by them. */
const BRIEFS_REVIEWED_BY_REVIEWER = `SELECT scoped.brief_id FROM deliverables scoped
  CROSS JOIN LATERAL jsonb_array_elements(COALESCE(scoped.review_policy->'steps', '[]'::jsonb)) step
  WHERE ${STEP_NAMES_REVIEWER}
  UNION
  SELECT scoped.brief_id FROM deliverables scoped
  JOIN deliverable_versions version ON version.deliverable_id = scoped.id
  JOIN approval_decisions decision ON decision.version_id = version.id
  WHERE decision.approver_id = CAST(:scopeReviewerId AS uuid)`;

/** The reviewer's role and id; the id twice, as text (in jsonb) and as a uuid (in a column). */
export function reviewerParameters(actor: Actor): Record<string, string> {
  return { scopeReviewerRole: actor.role, scopeReviewerName: actor.id, scopeReviewerId: actor.id };
}

/** SQL condition: the reviewer may read the brief `briefColumn` (its id) under contract `contractColumn`. */
export function reviewerBriefCondition(briefColumn: string, contractColumn: string): string {
  return `(${contractColumn} IN (${CONTRACTS_NAMING_REVIEWER})
    OR ${briefColumn} IN (${BRIEFS_REVIEWED_BY_REVIEWER}))`;
}

/** SQL condition: the reviewer may read the contract `contractColumn` (its id). */
export function reviewerContractCondition(contractColumn: string): string {
  return `(${contractColumn} IN (${CONTRACTS_NAMING_REVIEWER})
    OR ${contractColumn} IN (SELECT reviewed.contract_id FROM briefs reviewed
                              WHERE reviewed.id IN (${BRIEFS_REVIEWED_BY_REVIEWER})))`;
}
