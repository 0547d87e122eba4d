import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Comments pin to a rectangle (`region`: x, y, w, h in fractions of the preview) as well as a
 * point or a timecode. The API validates pins (`CommentPinDto`, shared `pinProblem`); the table
 * now also refuses a pin of another shape, so no path around the API stores a region reaching
 * outside its preview. The slack matches the API's rounding tolerance.
 */
export class RegionPins1765710000001 implements MigrationInterface {
  name = 'RegionPins1765710000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE comments ADD CONSTRAINT comments_pin_shape CHECK (
        pin IS NULL OR (
          jsonb_typeof(pin) = 'object'
          AND jsonb_typeof(pin -> 'fileId') = 'string'
          AND CASE pin ->> 'kind'
            WHEN 'point' THEN
              jsonb_typeof(pin -> 'x') = 'number' AND jsonb_typeof(pin -> 'y') = 'number'
              AND (pin -> 'x')::numeric BETWEEN 0 AND 1 AND (pin -> 'y')::numeric BETWEEN 0 AND 1
            WHEN 'region' THEN
              jsonb_typeof(pin -> 'x') = 'number' AND jsonb_typeof(pin -> 'y') = 'number'
              AND jsonb_typeof(pin -> 'w') = 'number' AND jsonb_typeof(pin -> 'h') = 'number'
              AND (pin -> 'x')::numeric >= 0 AND (pin -> 'y')::numeric >= 0
              AND (pin -> 'w')::numeric > 0 AND (pin -> 'h')::numeric > 0
              AND (pin -> 'x')::numeric + (pin -> 'w')::numeric <= 1.000000001
              AND (pin -> 'y')::numeric + (pin -> 'h')::numeric <= 1.000000001
            WHEN 'timecode' THEN
              jsonb_typeof(pin -> 'seconds') = 'number' AND (pin -> 'seconds')::numeric >= 0
            ELSE false
          END
        )
      )
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE comments DROP CONSTRAINT comments_pin_shape`);
  }
}
