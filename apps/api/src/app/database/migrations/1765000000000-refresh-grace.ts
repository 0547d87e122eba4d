import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A spent refresh token keeps the answer it was exchanged for, sealed with the token itself
 * (only its hash is stored, so only whoever presents it again can open it): a retry within the
 * grace window gets the same answer instead of being taken for a stolen token.
 */
export class RefreshGrace1765000000000 implements MigrationInterface {
  name = 'RefreshGrace1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE refresh_tokens ADD COLUMN successor_sealed text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE refresh_tokens DROP COLUMN successor_sealed`);
  }
}
