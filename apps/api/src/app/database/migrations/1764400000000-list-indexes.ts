import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes behind the list convention (docs/lists.md): every keyset sort is `(key, id)` so a page
 * continues after its cursor on the index, whatever its depth; filters that name a parent lead
 * their index; text search uses trigram indexes so `ILIKE '%term%'` does not read every row. Also
 * the two lookups detail reads made by scanning: a deliverable's cut-downs and a version's files.
 */
export class ListIndexes1764400000000 implements MigrationInterface {
  name = 'ListIndexes1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE EXTENSION IF NOT EXISTS pg_trgm;

      -- Briefs: sorts, the goal filter, search on the title.
      CREATE INDEX briefs_due_idx ON briefs (due_date, id);
      CREATE INDEX briefs_title_idx ON briefs (title, id);
      CREATE INDEX briefs_created_idx ON briefs (created_at, id);
      CREATE INDEX briefs_updated_idx ON briefs (updated_at, id);
      CREATE INDEX briefs_title_trgm_idx ON briefs USING gin (title gin_trgm_ops);
      CREATE INDEX brief_goals_goal_idx ON brief_goals (goal_id);

      -- Deliverables: sorts, per brief in due order (brief page and ?briefId=), cut-downs, search.
      DROP INDEX deliverables_brief_idx;
      CREATE INDEX deliverables_brief_due_idx ON deliverables (brief_id, due_date, id);
      CREATE INDEX deliverables_due_idx ON deliverables (due_date, id);
      CREATE INDEX deliverables_title_idx ON deliverables (title, id);
      CREATE INDEX deliverables_created_idx ON deliverables (created_at, id);
      CREATE INDEX deliverables_updated_idx ON deliverables (updated_at, id);
      CREATE INDEX deliverables_derived_from_idx ON deliverables (derived_from_id, created_at, id)
        WHERE derived_from_id IS NOT NULL;
      CREATE INDEX deliverables_title_trgm_idx ON deliverables USING gin (title gin_trgm_ops);
      -- The review queue: who the current step names, on in-review rows only.
      CREATE INDEX deliverables_queue_role_idx
        ON deliverables ((review_policy->'steps'->current_step->>'approverRole'), due_date, id)
        WHERE status = 'in_review';
      CREATE INDEX deliverables_queue_named_idx
        ON deliverables USING gin ((review_policy->'steps'->current_step->'approverUserIds') jsonb_path_ops)
        WHERE status = 'in_review';

      -- A version's files (the deliverable page) and a reviewer's own decisions (reviewer scope).
      CREATE INDEX stored_files_version_idx ON stored_files (version_id) WHERE version_id IS NOT NULL;
      CREATE INDEX approval_decisions_approver_idx ON approval_decisions (approver_id);

      -- Contracts: the usual sort, and search on reference and title.
      CREATE INDEX contracts_start_idx ON contracts (start_date, id);
      CREATE INDEX contracts_reference_trgm_idx ON contracts USING gin (reference gin_trgm_ops);
      CREATE INDEX contracts_title_trgm_idx ON contracts USING gin (title gin_trgm_ops);

      -- Audit log, notices, outbox and comments page on (time, id).
      DROP INDEX audit_events_at_idx;
      DROP INDEX audit_events_entity_idx;
      DROP INDEX audit_events_actor_idx;
      CREATE INDEX audit_events_at_idx ON audit_events (at, id);
      CREATE INDEX audit_events_entity_idx ON audit_events (entity, entity_id, at, id);
      CREATE INDEX audit_events_actor_idx ON audit_events (actor_id, at, id);
      DROP INDEX notifications_user_idx;
      CREATE INDEX notifications_user_idx ON notifications (user_id, created_at, id);
      DROP INDEX mail_outbox_created_idx;
      CREATE INDEX mail_outbox_created_idx ON mail_outbox (created_at, id);
      DROP INDEX comments_version_idx;
      CREATE INDEX comments_version_idx ON comments (version_id, created_at, id);

      -- People search by name or e-mail.
      CREATE INDEX users_name_idx ON users (name, id);
      CREATE INDEX users_search_trgm_idx ON users USING gin (name gin_trgm_ops, email gin_trgm_ops);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP INDEX users_search_trgm_idx;
      DROP INDEX users_name_idx;
      DROP INDEX comments_version_idx;
      CREATE INDEX comments_version_idx ON comments (version_id, created_at);
      DROP INDEX mail_outbox_created_idx;
      CREATE INDEX mail_outbox_created_idx ON mail_outbox (created_at DESC);
      DROP INDEX notifications_user_idx;
      CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC);
      DROP INDEX audit_events_actor_idx;
      DROP INDEX audit_events_entity_idx;
      DROP INDEX audit_events_at_idx;
      CREATE INDEX audit_events_at_idx ON audit_events (at DESC);
      CREATE INDEX audit_events_entity_idx ON audit_events (entity, entity_id, at DESC);
      CREATE INDEX audit_events_actor_idx ON audit_events (actor_id, at DESC);
      DROP INDEX contracts_title_trgm_idx;
      DROP INDEX contracts_reference_trgm_idx;
      DROP INDEX contracts_start_idx;
      DROP INDEX approval_decisions_approver_idx;
      DROP INDEX stored_files_version_idx;
      DROP INDEX deliverables_queue_named_idx;
      DROP INDEX deliverables_queue_role_idx;
      DROP INDEX deliverables_title_trgm_idx;
      DROP INDEX deliverables_derived_from_idx;
      DROP INDEX deliverables_updated_idx;
      DROP INDEX deliverables_created_idx;
      DROP INDEX deliverables_title_idx;
      DROP INDEX deliverables_due_idx;
      DROP INDEX deliverables_brief_due_idx;
      CREATE INDEX deliverables_brief_idx ON deliverables (brief_id);
      DROP INDEX brief_goals_goal_idx;
      DROP INDEX briefs_title_trgm_idx;
      DROP INDEX briefs_updated_idx;
      DROP INDEX briefs_created_idx;
      DROP INDEX briefs_title_idx;
      DROP INDEX briefs_due_idx;
    `);
  }
}
