// The linter of the repository, run by `npm test` (npm run lint): recommended rules for JavaScript
// and TypeScript, plus the few that guard this project's standards (no floats parsed for money is
// checked by review and the before-stop hook; here: no unused code, no console in the library).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.ts', 'tests/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-explicit-any': 'error',
      'no-constant-condition': ['error', { checkLoops: false }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    // The library never prints: only its interfaces do.
    files: ['src/**/*.ts'],
    ignores: ['src/cli/**', 'src/bench/**', 'src/fuzz/**', 'src/audit/bench.ts'],
    rules: { 'no-console': 'error' },
  },
);
