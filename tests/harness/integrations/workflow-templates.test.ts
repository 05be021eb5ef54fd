/**
 * The workflow templates are text nobody runs here, so these checks keep them
 * honest: every `grader ci` option they use exists, the privileged workflow
 * follows the unprivileged one by name and never checks out the pull
 * request, and the unprivileged one holds no secret.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, runCli } from './run-cli.ts';

const dir = path.join(REPO, 'templates', 'workflows');
const read = (name: string) => readFileSync(path.join(dir, name), 'utf8');

/** The options of each `grader.js ci` command in a template (folded YAML lines included). */
function ciOptions(text: string): string[] {
  const commands = [...text.matchAll(/grader\/bin\/grader\.js ci ([^\n]*(?:\n {10}--[^\n]*)*)/g)].map((m) => m[1]);
  return commands.flatMap((c) => [...c.matchAll(/--([a-z-]+)/g)].map((m) => m[1]));
}

describe('workflow templates', () => {
  const help = runCli(['ci', '--help']).stdout;
  const templates = readdirSync(dir).filter((f) => f.endsWith('.yml'));

  it('use only options that grader ci has', () => {
    const used = templates.flatMap((f) => ciOptions(read(f)));
    expect(used).toContain('min-score');
    for (const option of new Set(used)) expect(help, `--${option}`).toContain(`--${option}`);
  });

  it('run the grading workflow after the submission workflow, by its name', () => {
    expect(read('submission.yml')).toMatch(/^name: submission$/m);
    expect(read('grade-submission.yml')).toMatch(/workflow_run:\n\s+workflows: \[submission\]/);
  });

  it('keep secrets out of the pull_request workflow and untrusted checkouts out of the privileged one', () => {
    const unprivileged = read('submission.yml');
    expect(unprivileged).toMatch(/^\s+pull_request:/m);
    expect(unprivileged).not.toContain('secrets.');
    expect(unprivileged).not.toContain('pull_request_target');
    const privileged = read('grade-submission.yml');
    expect(privileged).not.toContain('pull_request_target');
    // Its only checkout is the grader's; the pull request's files arrive as an artifact.
    expect(privileged.match(/uses: actions\/checkout/g)).toHaveLength(1);
    expect(privileged).not.toMatch(/ref: \$\{\{ github\.event\.workflow_run\.head/);
    expect(privileged).toContain('persist-credentials: false');
  });
});
