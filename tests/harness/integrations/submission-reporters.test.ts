/**
 * The reporters of one submission, taken from the registry by name as
 * `grader ci` and `grader gradescope run` take them: each renders what its
 * renderer renders, and none leaks a hidden case's detail to students.
 */
import { describe, expect, it } from 'vitest';
import { renderAnnotations, type AnnotationContext } from '../../../grader/07-render/ci/annotations.ts';
import { submissionReporters } from '../../../grader/07-render/registry.ts';
import { check } from '../../../grader/schema.ts';
import { HIDDEN_DETAIL, outcomeResults, outcomeSubmission } from './every-outcome.ts';

const now = new Date('2026-01-02T00:00:00Z');
const submission = outcomeSubmission();
const one = { submission, results: outcomeResults([submission]) };
const context: AnnotationContext = { toRepoPath: (p) => p, now };

describe('one submission’s reporters in the registry', () => {
  it('are named as the registry names them', () => {
    for (const [name, reporter] of Object.entries(submissionReporters)) expect(reporter.name).toBe(name);
  });

  it('annotate with one workflow command a line, the renderer’s own', () => {
    const text = submissionReporters['github-annotations'].render(one, context);
    expect(text).toBe(renderAnnotations(one.results, submission, context).join('\n') + '\n');
    expect(
      text
        .split('\n')
        .filter(Boolean)
        .every((line) => line.startsWith('::')),
    ).toBe(true);
  });

  it('write a job summary and a terminal report that keep hidden details back', () => {
    expect(submissionReporters['github-summary'].render(one, { now })).toContain(`## gradelab: ${submission.id}`);
    expect(submissionReporters['github-summary'].render(one, { now })).not.toContain(HIDDEN_DETAIL);
    expect(submissionReporters.console.render(one, { now })).not.toContain(HIDDEN_DETAIL);
  });

  it('write Gradescope results that fit their schema, with the visibility asked for', () => {
    const output = JSON.parse(submissionReporters.gradescope.render(one, { visibility: 'hidden' })) as unknown;
    expect(check('gradescope-results', output, '$')).toEqual([]);
    expect((output as { visibility: string }).visibility).toBe('hidden');
  });

  it('log every failing case in full for the instructors on Gradescope', () => {
    const log = submissionReporters['gradescope-log'].render(one, {});
    expect(log.split('\n')[0]).toContain(`${submission.score}/${submission.maxScore}`);
    expect(log).toContain(HIDDEN_DETAIL);
  });
});
