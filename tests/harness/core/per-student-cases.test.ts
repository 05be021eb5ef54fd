/**
 * Generated cases are drawn per student (and per course salt), so copying a
 * classmate's expected numbers does not help, yet regrading a student must
 * give the same cases again.
 */
import { describe, expect, it } from 'vitest';
import { casesFor } from '../../../grader/cases/case-list.ts';
import { DEFAULT_CONFIG } from '../../../grader/config/load.ts';

const randomOnes = (id: string, config = DEFAULT_CONFIG) =>
  casesFor(id, config).filter((c) => c.id.startsWith('random-graph-'));

describe('per-student random cases', () => {
  it('there are as many as the config asks for, each a real graph', () => {
    const cases = randomOnes('alice');
    expect(cases).toHaveLength(DEFAULT_CONFIG.randomCases.count);
    for (const c of cases) expect(c.graph!.nodes).toHaveLength(DEFAULT_CONFIG.randomCases.nodes);
  });

  it('differ between two students, case by case', () => {
    const alice = randomOnes('alice');
    const bob = randomOnes('bob');
    alice.forEach((c, i) => expect(c.graph).not.toEqual(bob[i].graph));
  });

  it('are the same every time for one student', () => {
    expect(randomOnes('alice')).toEqual(randomOnes('alice'));
  });

  it('change with the course salt', () => {
    const salted = { ...DEFAULT_CONFIG, salt: 'another-course-secret' };
    randomOnes('alice').forEach((c, i) => expect(c.graph).not.toEqual(randomOnes('alice', salted)[i].graph));
  });

  it('leave the fixed cases alone', () => {
    const fixed = (id: string) => casesFor(id, DEFAULT_CONFIG).filter((c) => !c.id.startsWith('random-graph-'));
    expect(fixed('alice')).toEqual(fixed('bob'));
  });
});
