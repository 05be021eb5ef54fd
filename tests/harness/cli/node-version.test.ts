/**
 * The Node version gate (bin/node-version.js, the first import of
 * bin/grader.js): an unsupported Node gets one line with the fix, and every
 * place that states the supported Nodes says the same.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OLDEST_MAJOR, unsupportedNode } from '../../../bin/node-version.js';
import { NODE_MAJOR } from '../../../grader/gradescope/scripts.ts';
import { WORKFLOW_NODE_VERSION } from '../../../tools/workflow-actions.ts';
import { REPO } from '../integrations/run-cli.ts';

const json = (file: string) => JSON.parse(readFileSync(path.join(REPO, file), 'utf8')) as Record<string, never>;

describe('the Node version gate', () => {
  it('refuses Node 20 and 22 in one line that names the fix, and no sandbox error', () => {
    expect(unsupportedNode('20.20.2')).toBe(
      'gradelab needs Node 24 or newer; this is Node 20.20.2. Install the current LTS from nodejs.org',
    );
    expect(unsupportedNode('22.12.0')).toMatch(/^gradelab needs Node 24 or newer; this is Node 22\.12\.0\./);
  });

  it('lets Node 24 and 26 through', () => {
    expect(unsupportedNode('24.0.0')).toBeUndefined();
    expect(unsupportedNode('26.12.1')).toBeUndefined();
  });

  it('agrees with engines, the student repository, Gradescope and the workflows', () => {
    expect(OLDEST_MAJOR).toBe(24);
    expect(json('package.json').engines).toEqual({ node: `>=${OLDEST_MAJOR}` });
    const student = readFileSync(path.join(REPO, 'templates', 'student', 'package.json.hbs'), 'utf8');
    expect(student).toContain(`"node": ">=${OLDEST_MAJOR}"`);
    expect(student).toContain(`"@types/node": "^${OLDEST_MAJOR}"`);
    expect(NODE_MAJOR).toBe(OLDEST_MAJOR);
    expect(WORKFLOW_NODE_VERSION).toBe(OLDEST_MAJOR);
  });
});
