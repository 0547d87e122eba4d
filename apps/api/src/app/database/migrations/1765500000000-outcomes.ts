import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Outcomes: what published deliverables achieved per day and channel, a goal's own outcomes, and
 * the imports (files and integration batches) that wrote them (docs/outcomes.md).
 *
 * performance_metrics is one plain table keyed (deliverable, day, channel): every read goes by
 * deliverable (the key's prefix, also for a goal: its deliverables' keys), so monthly partitions
 * would prune nothing on those paths, and an upsert by natural key is one probe of the primary
 * key. Rows are narrow (about 120 bytes: 10M rows are some 1.2 GB plus the key) — counts are
 * integers (4 bytes; a day of one post), revenue bigint minor units. fillfactor 90 leaves room for the re-import of recent days to update in place (HOT: no
 * index covers a figure).
 *
 * deliverables.post_key is the platform's id of the post taken from its link ("instagram:Cx1…",
 * "youtube:dQw4w9WgXcQ"), or the link without query for other sites, so a platform's export that
 * names posts by link or id finds its deliverable through one index.
 */
export class Outcomes1765500000000 implements MigrationInterface {
  name = 'Outcomes1765500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION post_key(link text) RETURNS text
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
        SELECT coalesce(
          CASE
            WHEN host IN ('youtube.com', 'youtu.be', 'youtube-nocookie.com') THEN 'youtube:' || coalesce(
              substring(query FROM '(?:^|&)v=([A-Za-z0-9_-]+)'),
              substring(path FROM '^/(?:shorts|live|embed|v)/([A-Za-z0-9_-]+)'),
              CASE WHEN host = 'youtu.be' THEN substring(path FROM '^/([A-Za-z0-9_-]+)') END)
            WHEN host = 'tiktok.com' THEN 'tiktok:' || substring(path FROM '/(?:video|photo)/([0-9]+)')
            WHEN host = 'instagram.com' THEN
              'instagram:' || substring(path FROM '^/(?:[^/]+/)?(?:p|reel|reels|tv)/([A-Za-z0-9_-]+)')
            WHEN host IN ('x.com', 'twitter.com') THEN 'x:' || substring(path FROM '/status(?:es)?/([0-9]+)')
            WHEN host = 'linkedin.com' THEN 'linkedin:' || coalesce(
              substring(path FROM 'urn(?::|%3[Aa])li(?::|%3[Aa])(?:activity|share|ugcPost)(?::|%3[Aa])([0-9]+)'),
              substring(path FROM '-activity-([0-9]+)'))
            WHEN host IN ('facebook.com', 'fb.com', 'fb.watch') THEN 'facebook:' || coalesce(
              substring(path FROM '/(?:posts|videos|reel)/(?:[^/]+/)?([A-Za-z0-9]+)/?$'),
              substring(query FROM '(?:^|&)(?:story_fbid|fbid|v)=([A-Za-z0-9]+)'))
            WHEN host LIKE '%klaviyo.com' THEN 'email:' || substring(path FROM '/campaign/([A-Za-z0-9]+)')
          END,
          'url:' || host || CASE WHEN path = '/' THEN '' ELSE regexp_replace(path, '/+$', '') END)
        FROM (
          SELECT regexp_replace(lower(substring(rest FROM '^([^/?#]+)')), '^(www|m|mobile|web)\\.', '') AS host,
                 coalesce(substring(rest FROM '^[^/?#]+(/[^?#]*)'), '/') AS path,
                 coalesce(substring(rest FROM '\\?([^#]*)'), '') AS query
            FROM (SELECT regexp_replace(btrim(link), '^[A-Za-z][A-Za-z0-9+.-]*://', '') AS rest) stripped
        ) parts
      $$;

      COMMENT ON FUNCTION post_key(text) IS
        'The platform''s id of a post from its link (instagram:CODE, youtube:ID, x:ID, …), else url:host/path';

      -- A cell of an export: a link, or the platform's bare id of a post on the row's channel.
      CREATE FUNCTION post_key_for(value text, channel text) RETURNS text
        LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT CASE
          WHEN value ~ '^[A-Za-z][A-Za-z0-9+.-]*://' OR value ~ '^[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+/' THEN post_key(value)
          WHEN channel IS NULL OR btrim(value) = '' THEN NULL
          ELSE channel || ':' || btrim(value)
        END
      $$;

      ALTER TABLE deliverables ADD COLUMN post_key text GENERATED ALWAYS AS (post_key(post_url)) STORED;
      CREATE INDEX deliverables_post_key_idx ON deliverables (post_key) WHERE post_key IS NOT NULL;

      CREATE TABLE metric_imports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        source text NOT NULL CHECK (source IN ('file', 'api')),
        target text NOT NULL DEFAULT 'deliverables' CHECK (target IN ('deliverables', 'goal')),
        goal_id uuid REFERENCES marketing_goals (id),
        status text NOT NULL
          CHECK (status IN ('mapping', 'queued', 'checking', 'importing', 'imported', 'refused', 'failed')),
        created_by uuid NOT NULL REFERENCES users (id),
        file_id uuid REFERENCES stored_files (id),
        file_name text,
        file_type text CHECK (file_type IN ('csv', 'xlsx')),
        -- The workbook's sheet the figures are on (XLSX).
        sheet text,
        headers text[] NOT NULL DEFAULT '{}',
        header_row integer NOT NULL DEFAULT 1 CHECK (header_row >= 1),
        sample jsonb NOT NULL DEFAULT '[]',
        suggested_preset text,
        preset text,
        mapping jsonb,
        rows_total integer,
        rows_checked integer NOT NULL DEFAULT 0,
        rows_imported integer NOT NULL DEFAULT 0,
        inserted integer NOT NULL DEFAULT 0,
        updated integer NOT NULL DEFAULT 0,
        unchanged integer NOT NULL DEFAULT 0,
        removed integer NOT NULL DEFAULT 0,
        error_count integer NOT NULL DEFAULT 0,
        failure text,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz,
        CHECK (target = 'deliverables' OR goal_id IS NOT NULL OR status = 'mapping'),
        CHECK ((source = 'file') = (file_id IS NOT NULL))
      );
      CREATE INDEX metric_imports_created_idx ON metric_imports (created_at, id);
      CREATE INDEX metric_imports_status_created_idx ON metric_imports (status, created_at, id);
      CREATE INDEX metric_imports_goal_created_idx ON metric_imports (goal_id, created_at, id)
        WHERE goal_id IS NOT NULL;

      CREATE TABLE metric_import_errors (
        import_id uuid NOT NULL REFERENCES metric_imports (id) ON DELETE CASCADE,
        position integer NOT NULL,
        line integer NOT NULL,
        column_name text,
        code text NOT NULL,
        value text,
        params jsonb NOT NULL DEFAULT '{}',
        PRIMARY KEY (import_id, position)
      );

      -- Channels are checked by the API, as on goals, briefs and deliverables (a new channel needs
      -- no migration). The import that last wrote a row is kept without an index: nothing reads by it.
      CREATE TABLE performance_metrics (
        deliverable_id uuid NOT NULL REFERENCES deliverables (id),
        metric_date date NOT NULL,
        channel text NOT NULL,
        impressions integer CHECK (impressions >= 0),
        reach integer CHECK (reach >= 0),
        engagements integer CHECK (engagements >= 0),
        clicks integer CHECK (clicks >= 0),
        video_views integer CHECK (video_views >= 0),
        conversions integer CHECK (conversions >= 0),
        revenue_minor bigint CHECK (revenue_minor >= 0),
        revenue_currency char(3),
        import_id uuid NOT NULL REFERENCES metric_imports (id),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((revenue_minor IS NULL) = (revenue_currency IS NULL)),
        PRIMARY KEY (deliverable_id, metric_date, channel)
      ) WITH (fillfactor = 90);

      CREATE TABLE goal_outcomes (
        goal_id uuid NOT NULL REFERENCES marketing_goals (id),
        outcome_date date NOT NULL,
        metric text NOT NULL CHECK (metric IN
          ('impressions', 'reach', 'engagements', 'clicks', 'video_views', 'conversions', 'revenue', 'followers')),
        value bigint NOT NULL CHECK (value >= 0),
        currency char(3),
        note text NOT NULL DEFAULT '',
        import_id uuid NOT NULL REFERENCES metric_imports (id),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((metric = 'revenue') = (currency IS NOT NULL)),
        PRIMARY KEY (goal_id, outcome_date, metric)
      );
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE goal_outcomes;
      DROP TABLE performance_metrics;
      DROP TABLE metric_import_errors;
      DROP TABLE metric_imports;
      ALTER TABLE deliverables DROP COLUMN post_key;
      DROP FUNCTION post_key_for(text, text);
      DROP FUNCTION post_key(text);
    `);
  }
}
