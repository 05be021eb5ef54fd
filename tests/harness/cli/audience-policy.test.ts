/**
 * One policy for who may read which reports, used by `grade` and `merge`:
 * students get only the pages that follow visibility.
 */
import { describe, expect, it } from 'vitest';
import { reportersFor } from '../../../grader/07-render/audience.ts';
import { DEFAULT_REPORTERS } from '../../../grader/07-render/registry.ts';
import { runCli } from '../integrations/run-cli.ts';

describe('reportersFor', () => {
  it('gives instructors the default reporters, and students the html pages alone', () => {
    expect(reportersFor('instructor')).toEqual(DEFAULT_REPORTERS);
    expect(reportersFor('student')).toEqual(['html']);
  });

  it('refuses a report with hidden values for students, naming it', () => {
    expect(() => reportersFor('student', ['html', 'json', 'csv'])).toThrow(
      expect.objectContaining({ code: 'E_USAGE', message: expect.stringContaining('json, csv would include hidden') }),
    );
  });

  it('refuses an unknown reporter with a suggestion', () => {
    expect(() => reportersFor('instructor', ['jsn'])).toThrow(/did you mean 'json'/);
  });
});

describe('grader merge --audience student', () => {
  it('refuses results.json as grade does, before reading any shard', () => {
    const run = runCli(['merge', 'no-such-shard', '--out', 'unused', '--audience', 'student', '--reporter', 'json']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('error [E_USAGE]: --audience student writes only student pages');
  });
});
