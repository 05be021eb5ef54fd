/**
 * A grading config is read in two passes: its shape (JSON Schema, through
 * ajv) and then named rules. Every message must say where the problem is:
 * the config's own path first, then the JSON path inside it.
 */
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../../grader/config/load.ts';
import { DEFAULT_CONFIG } from '../../../grader/config/types.ts';

const SOURCE = 'course/grading.json';

describe('grading config: shape errors', () => {
  it('a wrong type names the JSON path of the field', () => {
    const { errors } = readConfig({ timeouts: { caseMs: 'fast' } }, SOURCE);
    expect(errors).toEqual([expect.stringMatching(/^course\/grading\.json: \$\.timeouts\.caseMs: must be integer/)]);
  });

  it('every problem is reported, each at its own path', () => {
    const { errors } = readConfig({ memoryMb: 2, randomCases: { count: -1 }, tolerance: { rtol: 'x' } }, SOURCE);
    const paths = errors.map((e) => e.split(': ')[1]);
    expect(paths).toEqual(expect.arrayContaining(['$.memoryMb', '$.randomCases.count', '$.tolerance.rtol']));
    expect(errors.every((e) => e.startsWith(`${SOURCE}: $`))).toBe(true);
  });

  it('an unknown key is named', () => {
    const { errors } = readConfig({ timeouts: { caseMS: 100 } }, SOURCE);
    expect(errors).toEqual([
      expect.stringContaining(`${SOURCE}: $.timeouts: must NOT have additional properties 'caseMS'`),
    ]);
  });

  it('nodesPerFailedCase is a window of at least 10 nodes, or "all"', () => {
    expect(readConfig({ salt: 'x', nodesPerFailedCase: 'all' }, SOURCE)).toMatchObject({
      errors: [],
      value: { nodesPerFailedCase: 'all' },
    });
    expect(readConfig({ salt: 'x', nodesPerFailedCase: 40 }, SOURCE)).toMatchObject({
      errors: [],
      value: { nodesPerFailedCase: 40 },
    });
    expect(readConfig({ salt: 'x' }, SOURCE).value.nodesPerFailedCase).toBe(120);
    for (const bad of [5, 'some', 12.5]) {
      const { errors } = readConfig({ salt: 'x', nodesPerFailedCase: bad }, SOURCE);
      expect(errors.length, String(bad)).toBeGreaterThan(0);
      expect(
        errors.every((e) => e.startsWith(`${SOURCE}: $.nodesPerFailedCase`)),
        String(bad),
      ).toBe(true);
    }
  });

  it('an invalid config falls back to the defaults rather than half-applying', () => {
    expect(readConfig({ salt: 'x', memoryMb: 'lots' }, SOURCE).value).toEqual(DEFAULT_CONFIG);
  });
});

describe('grading config: named rules', () => {
  const salted = { salt: 'a-course-secret' };

  it('a valid config has no errors and no warnings once a salt is set', () => {
    const result = readConfig({ ...salted, timeouts: { caseMs: 300, submissionMs: 3000 } }, SOURCE);
    expect(result).toMatchObject({ errors: [], warnings: [] });
    expect(result.value.timeouts).toEqual({ caseMs: 300, submissionMs: 3000 });
  });

  it('a case timeout longer than the submission timeout is an error at $.timeouts.caseMs, with the rule name', () => {
    const { errors } = readConfig({ ...salted, timeouts: { caseMs: 5000, submissionMs: 1000 } }, SOURCE);
    expect(errors).toEqual([
      `${SOURCE}: $.timeouts.caseMs: 5000 ms for one case exceeds the 1000 ms for the whole submission [case-fits-in-submission-timeout]`,
    ]);
  });

  it('an unknown case id is an error at its path', () => {
    const { errors } = readConfig({ ...salted, cases: { 'no-such-case': { points: 1 } } }, SOURCE);
    expect(errors).toEqual([
      expect.stringMatching(
        /^course\/grading\.json: \$\.cases\.no-such-case: no case has the id 'no-such-case'.*\[known-cases\]$/,
      ),
    ]);
  });

  it('after_due_date visibility without a dueDate is an error at $.dueDate', () => {
    const { errors } = readConfig({ ...salted, cases: { 'tanh-small': { visibility: 'after_due_date' } } }, SOURCE);
    expect(errors).toEqual([
      expect.stringMatching(/^course\/grading\.json: \$\.dueDate: .*\[due-date-for-after-due-date\]$/),
    ]);
  });

  it('the default salt and a loose tolerance are warnings, not errors', () => {
    const { errors, warnings } = readConfig({ tolerance: { rtol: 0.01 } }, SOURCE);
    expect(errors).toEqual([]);
    expect(warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^course\/grading\.json: \$\.salt: .*\[course-salt-set\]$/),
        expect.stringMatching(/^course\/grading\.json: \$\.tolerance: .*\[tolerance-is-tight\]$/),
      ]),
    );
  });
});
