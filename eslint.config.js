// Lint rules for the grader, its tests and tools. Formatting is Prettier's job
// (`npm run lint` runs both), so no rule here is about layout.
import js from '@eslint/js';
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';
import { LAYERS } from './tools/layers.js';

// The grader reads bottom-up (tools/layers.js): a folder may import an earlier
// layer, never a later one. A path that a lower layer holds inside a later
// layer's folder (grader/config/types.ts in grader/config) stays allowed.
const laterLayers = LAYERS.slice(0, -1).flatMap((layer, i) => {
  const lowerPaths = LAYERS.slice(0, i + 1).flatMap((lower) => lower.paths);
  const laterPaths = LAYERS.slice(i + 1).flatMap((later) => later.paths);
  const message = `${layer.name} must not import a later layer (see tools/layers.js)`;
  const exceptIn = (from) =>
    lowerPaths.filter((p) => p.startsWith(`${from}/`)).map((p) => `./${p.slice(from.length + 1)}`);
  const plain = laterPaths.filter((from) => exceptIn(from).length === 0);
  return layer.paths.flatMap((target) => [
    { target: `./${target}`, from: plain.map((from) => `./${from}`), message },
    ...laterPaths
      .filter((from) => exceptIn(from).length > 0)
      .map((from) => ({ target: `./${target}`, from: `./${from}`, except: exceptIn(from), message })),
  ]);
});

export default tseslint.config(
  {
    ignores: ['node_modules/', '.ci/nodes/', 'out/', 'fixtures/', 'templates/', '.gradelab-cache/', 'dist/', 'dist.*/'],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.js'],
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['*.js', 'bin/*.js', 'tools/*.js'] } },
    },
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [importX.createNodeResolver({ extensions: ['.ts', '.js'] })] },
    rules: {
      // Type-aware rules that catch real bugs in this code: a promise nobody awaits
      // loses an error (or a submission); an exhaustive switch keeps a new status or
      // error code from falling through silently. The stylistic type-aware sets
      // (strict-type-checked) are left out: they cost a lot of churn for little.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      // Type-only imports vanish when tsx/oxc strip types; marking them keeps a
      // module's real (runtime) dependencies visible.
      '@typescript-eslint/consistent-type-imports': [
        'error',
        // `typeof import('…')` stays allowed: vi.mock's importOriginal needs it.
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Stripping control characters (ANSI colours, bytes XML forbids) is deliberate here.
      'no-control-regex': 'off',
      'import-x/no-cycle': 'error',
      'import-x/no-self-import': 'error',
      'import-x/no-restricted-paths': ['error', { zones: laterLayers }],
    },
  },
  {
    // Student-facing code and the reference solution: plain classes, no type-aware rules needed.
    files: ['exercises/**', 'solutions/**'],
    rules: { '@typescript-eslint/no-unused-vars': 'off' },
  },
);
