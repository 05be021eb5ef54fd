/**
 * The workflow lint that `npm run lint` runs over every workflow gradelab
 * ships or writes (tools/lint-workflows.ts): it must catch what it is for, a
 * stale action major, an input the action lacks, an old Node, an action
 * nobody pinned, and a key the workflow syntax does not have.
 */
import { describe, expect, it } from 'vitest';
import { CURRENT_RUNTIME, PINNED_ACTIONS } from '../../../tools/workflow-actions.ts';
import { lintWorkflow, pinProblems } from '../../../tools/workflow-lint.ts';

const workflow = (steps: string) =>
  `name: t\non: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n${steps}`;

describe('the workflow lint', () => {
  it('pins only actions whose action.yml declares the current runtime', () => {
    for (const [name, pinned] of Object.entries(PINNED_ACTIONS)) expect(pinned.runtime, name).toBe(CURRENT_RUNTIME);
    expect(CURRENT_RUNTIME).toBe('node24');
  });

  it('passes a workflow on the pinned majors', () => {
    const text = workflow(
      '      - uses: actions/checkout@v7\n      - uses: actions/setup-node@v7\n        with:\n          node-version: 24\n',
    );
    expect(pinProblems(text, 'ok.yml')).toEqual([]);
  });

  it('flags an old major, at its line', () => {
    const problems = pinProblems(workflow('      - run: true\n      - uses: actions/checkout@v4\n'), 'old.yml');
    expect(problems).toEqual([
      { file: 'old.yml', line: 8, message: expect.stringMatching(/use actions\/checkout@v7/) },
    ]);
  });

  it('flags an input the action does not have, an old Node and an action nobody pinned', () => {
    const text = workflow(
      '      - uses: actions/setup-node@v7\n        with:\n          node-versoin: 24\n          node-version: 20\n      - uses: someone/else@v1\n',
    );
    expect(pinProblems(text, 'bad.yml').map((p) => [p.line, p.message])).toEqual([
      [9, expect.stringMatching(/has no input "node-versoin"/)],
      [10, expect.stringMatching(/node-version: 20; workflows run on Node 24/)],
      [11, expect.stringMatching(/someone\/else@v1: not an action this project pins/)],
    ]);
  });

  it('runs actionlint too: a key the workflow syntax lacks fails', async () => {
    const text = 'name: t\non: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    stepz:\n      - run: true\n';
    const problems = await lintWorkflow(text, 'typo.yml');
    expect(problems.map((p) => p.message).join('\n')).toMatch(/unexpected key "stepz"/);
  });
});
