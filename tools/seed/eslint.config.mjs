import { strict } from '../../eslint.config.mjs';

const RULE = '@nx/enforce-module-boundaries';
const [severity, options] = strict.find((block) => block.rules?.[RULE]).rules[RULE];

export default [
  ...strict,
  {
    files: ['**/*.ts', '**/*.mjs', '**/*.cjs'],
    rules: {
      [RULE]: [
        severity,
        {
          ...options,
          // The large-data generator builds on the API's own schema: it runs the API's migrations
          // and reuses its password hashing, default approval policy, demo PDF maker and invoice
          // approval thresholds, and its test boots the API on the generated data. So it may import
          // the API's source by path; as libraries, only the shared one.
          allow: [...options.allow, '^(\\.\\./)+apps/api/(src/app/.+|jest\\.swc\\.cjs)$'],
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
