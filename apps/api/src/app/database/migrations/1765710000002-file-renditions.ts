import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Renditions of stored files for the review screen: a web-sized `preview` of an image and a
 * `poster` frame of a video, one of each kind per file (a second worker's insert does nothing).
 * A `failed` row keeps a file that cannot be rendered from being tried again; a `ready` one has
 * its bytes in file storage. Deleted with their file.
 */
export class FileRenditions1765710000002 implements MigrationInterface {
  name = 'FileRenditions1765710000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE file_renditions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        file_id uuid NOT NULL REFERENCES stored_files (id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('preview', 'poster')),
        status text NOT NULL CHECK (status IN ('ready', 'failed')),
        storage_key text,
        content_type text,
        size_bytes bigint CHECK (size_bytes >= 0),
        sha256 char(64),
        width integer CHECK (width > 0),
        height integer CHECK (height > 0),
        error text,
        took_ms integer NOT NULL CHECK (took_ms >= 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (file_id, kind),
        CHECK (
          status = 'failed'
          OR (storage_key IS NOT NULL AND content_type IS NOT NULL AND size_bytes IS NOT NULL
              AND sha256 IS NOT NULL AND width IS NOT NULL AND height IS NOT NULL)
        )
      )
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE file_renditions`);
  }
}
