/**
 * API integration tests against a real PostgreSQL: one embedded cluster per run (or
 * TEST_DATABASE_URL), a fresh database per suite.
 */
const swc = require('./jest.swc.cjs');

module.exports = {
  displayName: 'api-integration',
  testEnvironment: 'node',
  rootDir: __dirname,
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.int-spec.ts'],
  transform: { '^.+\\.[tj]s$': ['@swc/jest', swc] },
  // These packages ship only ES modules: compile them to CommonJS like our code.
  transformIgnorePatterns: [
    '/node_modules/(?!(intl-messageformat|@formatjs|@apidevtools/json-schema-ref-parser)/)',
  ],
  moduleFileExtensions: ['ts', 'js', 'mjs'],
  moduleNameMapper: { '^@agency-portal/shared$': '<rootDir>/../../libs/shared/src/index.ts' },
  globalSetup: '<rootDir>/test/support/global-setup.mjs',
  globalTeardown: '<rootDir>/test/support/global-teardown.mjs',
  testTimeout: 30000,
  maxWorkers: 2,
};
