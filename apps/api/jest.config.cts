/** Unit tests: specs beside the code, no database. */
const swc = require('./jest.swc.cjs');

module.exports = {
  displayName: 'api',
  testEnvironment: 'node',
  rootDir: __dirname,
  roots: ['<rootDir>/src'],
  testMatch: ['**/*.spec.ts'],
  transform: { '^.+\\.[tj]s$': ['@swc/jest', swc] },
  // intl-messageformat and its @formatjs parts ship as ES modules only.
  transformIgnorePatterns: ['/node_modules/(?!(intl-messageformat|@formatjs)/)'],
  moduleFileExtensions: ['ts', 'js'],
  moduleNameMapper: { '^@agency-portal/shared$': '<rootDir>/../../libs/shared/src/index.ts' },
  coverageDirectory: '../../coverage/apps/api',
};
