import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A person's language and time zone. `locale` existed (default 'en') but was never checked: it now
 * must be one the portal speaks. `time_zone` is an IANA name, or NULL for "the browser's zone"; the
 * API validates the name (PostgreSQL has no check for IANA names that matches the runtime's list).
 */
export class UserLanguageAndTimeZone1765100000000 implements MigrationInterface {
  name = 'UserLanguageAndTimeZone1765100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`UPDATE users SET locale = 'en' WHERE locale NOT IN ('en', 'ko', 'id')`);
    await queryRunner.query(
      `ALTER TABLE users ADD CONSTRAINT users_locale_check CHECK (locale IN ('en', 'ko', 'id'))`,
    );
    await queryRunner.query(`ALTER TABLE users ADD COLUMN time_zone text NULL`);
    await queryRunner.query(
      `ALTER TABLE users ADD CONSTRAINT users_time_zone_length CHECK (char_length(time_zone) BETWEEN 1 AND 64)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE users DROP CONSTRAINT users_time_zone_length`);
    await queryRunner.query(`ALTER TABLE users DROP COLUMN time_zone`);
    await queryRunner.query(`ALTER TABLE users DROP CONSTRAINT users_locale_check`);
  }
}
