/**
 * The large-data generator at a tiny scale against real PostgreSQL (the API's throwaway
 * embedded cluster per run, or TEST_DATABASE_URL), so it cannot rot silently.
 */
const swc = require('../../apps/api/jest.swc.cjs');

module.exports = {
  displayName: 'seed',
  testEnvironment: 'node',
  rootDir: __dirname,
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.int-spec.ts'],
  transform: { '^.+\\.[tj]s$': ['@swc/jest', swc] },
  // These packages ship only ES modules: compile them to CommonJS like our code.
  transformIgnorePatterns: ['/node_modules/(?!(intl-messageformat|@formatjs)/)'],
  moduleFileExtensions: ['ts', 'js', 'mjs'],
  moduleNameMapper: { '^@agency-portal/shared$': '<rootDir>/../../libs/shared/src/index.ts' },
  globalSetup: '<rootDir>/../../apps/api/test/support/global-setup.mjs',
  globalTeardown: '<rootDir>/../../apps/api/test/support/global-teardown.mjs',
  testTimeout: 60000,
};
