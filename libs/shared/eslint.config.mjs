import { strict } from '../../eslint.config.mjs';

export default [
  ...strict,
  {
    // Framework-free: the shared lib is used by the API and the browser alike.
    files: ['**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@nestjs/*', '@angular/*', 'typeorm', 'rxjs', 'class-validator', 'class-transformer'],
              message: 'libs/shared stays framework-free.',
            },
          ],
        },
      ],
    },
  },
];
