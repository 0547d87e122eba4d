import baseConfig from '../../eslint.config.mjs';

const RULE = '@nx/enforce-module-boundaries';
const [severity, options] = baseConfig.find((block) => block.rules?.[RULE]).rules[RULE];

export default [
  ...baseConfig,
  {
    files: ['**/*.ts', '**/*.mjs', '**/*.cjs'],
    rules: {
      [RULE]: [
        severity,
        {
          ...options,
          // The large-data generator builds on the API's own schema: it runs the API's migrations
          // and reuses its password hashing, default approval policy and demo PDF maker. Only
          // those folders may be imported, by path; libraries only the shared one.
          allow: [
            ...options.allow,
            '^(\\.\\./)+apps/api/src/app/(database|seed|auth|approval-policies)/[\\w.-]+$',
            '^(\\.\\./)+apps/api/jest\\.swc\\.cjs$',
          ],
          depConstraints: [
            ...options.depConstraints,
            { sourceTag: 'scope:tools', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:util'] },
          ],
        },
      ],
    },
  },
];
