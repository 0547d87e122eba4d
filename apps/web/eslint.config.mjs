import nx from '@nx/eslint-plugin';
import { strict } from '../../eslint.config.mjs';

export default [
  ...nx.configs['flat/angular'],
  ...nx.configs['flat/angular-template'],
  ...strict,
  {
    files: ['**/*.ts'],
    rules: {
      // Angular's Validators are static functions that never read `this` (Validators.required is
      // passed unbound by design); instance methods taken off their object are still errors.
      '@typescript-eslint/unbound-method': ['error', { ignoreStatic: true }],
      '@angular-eslint/directive-selector': [
        'error',
        {
          type: 'attribute',
          prefix: 'ap',
          style: 'camelCase',
        },
      ],
      '@angular-eslint/component-selector': [
        'error',
        {
          type: 'element',
          prefix: 'ap',
          style: 'kebab-case',
        },
      ],
    },
  },
  {
    files: ['**/*.html'],
    // index.html is outside Angular's i18n (one file for every language build): it holds no words.
    ignores: ['**/src/index.html'],
    rules: {
      // Every text a person reads is marked for translation (docs/i18n.md). Icon ligatures and
      // technical attributes are not text.
      '@angular-eslint/template/i18n': [
        'error',
        {
          checkId: false,
          checkDuplicateId: true,
          checkText: true,
          checkAttributes: true,
          ignoreTags: ['mat-icon', 'code'],
          ignoreAttributes: [
            'accept',
            'align',
            'appearance',
            'aria-controls',
            'aria-current',
            'aria-describedby',
            'aria-expanded',
            'aria-haspopup',
            'aria-hidden',
            'aria-labelledby',
            'aria-live',
            'aria-modal',
            'aria-orientation',
            'autocapitalize',
            'data-testid',
            'fontIcon',
            'inputmode',
            'ariaCurrentWhenActive',
            'd',
            'matButton',
            'matColumnDef',
            'matTooltipPosition',
            'matTooltipShowDelay',
            'matSortActive',
            'matSortDirection',
            'mat-sort-header',
            'mode',
            'ngSrc',
            'preload',
            'rel',
            'scope',
            'sizes',
            'spellcheck',
            // mat-sort-header's first direction (asc | desc).
            'start',
            'step',
            'subscriptSizing',
            'tone',
            'track',
            'xPosition',
            'yPosition',
          ],
        },
      ],
    },
  },
];
