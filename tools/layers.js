// The grader's folders in the order they may depend on each other, lowest
// first: a file may import its own layer and the layers before it, never a
// later one. ESLint (eslint.config.js) and the import-graph check
// (tools/import-graph.ts) both read this table, so the rule lives in one place.
// Every file under grader/ must belong to a layer; the most specific path wins
// (grader/config/types.ts sits below the cases, the rest of grader/config above).
// `step` marks the pipeline's steps: no step names another step's files in a
// string (a path to read or bundle), since lint sees only imports.

/** @type {import('./layers.d.ts').Layer[]} */
export const LAYERS = [
  {
    name: 'shared',
    paths: [
      'grader/shared',
      'grader/errors.ts',
      'grader/package-root.ts',
      'grader/build-info.ts',
      'grader/rust-threads.ts',
      'grader/schema.ts',
      'grader/schema-precompiled.ts',
      'grader/suggest.ts',
      'grader/write-atomic.ts',
      'grader/text-caps.ts',
      'grader/terminal-text.ts',
      'grader/stage-clock.ts',
    ],
  },
  { name: 'course', paths: ['grader/course'] },
  { name: 'config types', paths: ['grader/config/types.ts'] },
  { name: 'cases', paths: ['grader/cases'] },
  { name: 'config', paths: ['grader/config'] },
  { name: 'results', paths: ['grader/results'] },
  { name: 'submission files', paths: ['grader/submission-files'] },
  { name: '01-discover', paths: ['grader/01-discover'], step: true },
  { name: '02-load', paths: ['grader/02-load'], step: true },
  { name: '03-sandbox', paths: ['grader/03-sandbox'], step: true },
  { name: '04-compare', paths: ['grader/04-compare'], step: true },
  { name: '05-diagnose', paths: ['grader/05-diagnose'], step: true },
  { name: '06-score', paths: ['grader/06-score'], step: true },
  {
    name: 'grading',
    paths: ['grader/grade.ts', 'grader/grade-frame.ts', 'grader/judging-strategies.ts', 'grader/not-loaded.ts'],
  },
  { name: 'cache', paths: ['grader/cache'] },
  { name: 'roster', paths: ['grader/roster'] },
  { name: 'term', paths: ['grader/term'] },
  { name: '07-render', paths: ['grader/07-render'], step: true },
  { name: 'gradescope', paths: ['grader/gradescope'] },
  { name: 'runs', paths: ['grader/runs'] },
  { name: 'cli', paths: ['grader/cli'] },
];
