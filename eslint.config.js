// The linter of the repository, run by `npm test` (npm run lint): recommended rules for JavaScript
// and TypeScript, plus the few that guard this project's standards (no floats parsed for money is
// checked by review and the before-stop hook; here: no unused code, no console in the library, no
// import cycle, the layers of src/ one way). Why these: docs/decisions/0015-tools-and-layers.md.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';

/**
 * The layers of src/, lowest first: a file may import from its own layer and from the layers before
 * it, never from one after it, so no cycle between folders can form. Every top-level entry of src/
 * is in this list (tests/layers.test.ts checks it): a new folder is placed here when it is made.
 * The order is the one the imports had when the rule came: schemas → parameters → arithmetic →
 * conditions → rulebook → programmes → explain → engine, then the evaluators and the interfaces.
 * load.ts (the file reader) sits above the pure evaluators so that they cannot reach the disk.
 */
export const LAYERS = [
  'errors.ts',
  'money.ts',
  'dates.ts',
  'version.ts',
  'schemas',
  'parameters',
  'arithmetic',
  'conditions',
  'rulebook',
  // Reforms overlay the packs of a rulebook: above it, below everything that evaluates.
  'reform',
  'programmes',
  'explain',
  // The rule book: the rules in words, from a loaded rulebook (decision 0024); read by the CLI only.
  'rulebook-doc',
  'engine',
  'options.ts',
  'evaluate.ts',
  'fast',
  'load.ts',
  'batch',
  // compare runs the baseline and a reform on the batch's readers and workers.
  'compare',
  'audit',
  // Curves over one income: evaluations many times over, never read by the engine.
  'analysis',
  'index.ts',
  'service',
  // What `benefit-rules/testing` exports (generators, ready properties): it may use the whole
  // library and nothing of the library uses it; only the CLI above it does, for `check`, and loads
  // it on demand, as fast-check is the user's to install (docs/decisions/0023).
  'testing',
  'cli',
];

const at = (entry) => `./src/${entry}`;
const layerZones = LAYERS.slice(0, -1).map((entry, i) => ({
  target: at(entry),
  from: LAYERS.slice(i + 1).map(at),
  message: `src/${entry} is below these in the layers (eslint.config.js LAYERS): move the shared code down instead.`,
}));

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.ts', 'tests/**/*.ts', 'tools/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      // no-cycle reads the files an import leads to: parse them as TypeScript.
      'import-x/extensions': ['.ts', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      // Sources import './x.js' for './x.ts' (NodeNext): resolve them the way tsc does.
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js', '.json'], extensionAlias: { '.js': ['.ts', '.js'] } })],
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-explicit-any': 'error',
      'no-constant-condition': ['error', { checkLoops: false }],
      eqeqeq: ['error', 'always'],
      // Packages are leaves: only our own files are followed, which keeps the rule fast.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          basePath: import.meta.dirname,
          zones: [...layerZones, { target: './src', from: ['./tools', './tests'], message: 'the product never imports the tools or the tests.' }],
        },
      ],
    },
  },
  {
    // The library never prints: only its interfaces do.
    files: ['src/**/*.ts'],
    ignores: ['src/cli/**'],
    rules: { 'no-console': 'error' },
  },
);
