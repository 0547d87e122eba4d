import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';

/**
 * Data source for the TypeORM CLI (`nx run api:migrate`, `migrate:revert`, `migration:show`).
 * Needs DATABASE_URL; `npm start` runs migrations itself against the embedded database.
 */
const url = process.env['DATABASE_URL'];
if (!url) {
  throw new Error('DATABASE_URL must be set for the migration CLI');
}
export default new DataSource(dataSourceOptions(url));
