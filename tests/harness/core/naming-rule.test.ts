/**
 * The naming rule (docs/misconceptions.md), on judgements made in-process:
 * a mistake is named when its mutant plays every case of its rule, and not
 * when it matches one random graph by coincidence while other cases of the
 * same rule fail otherwise. Mutants stand in for students here, so the test
 * sets exactly which cases match.
 */
import { describe, expect, it } from 'vitest';
import { casesFor, type CaseDef } from '../../../grader/cases/case-list.ts';
import { runGraph, type ValueClass } from '../../../grader/cases/graph.ts';
import { DEFAULT_CONFIG } from '../../../grader/config/load.ts';
import { judge } from '../../../grader/04-compare/compare.ts';
import { Value as Reference } from '../../../solutions/engine.ts';
import { diagnose } from '../../../grader/05-diagnose/diagnose.ts';
import { mutantValueClass, type Flaws } from '../../../grader/05-diagnose/mutant-engine.ts';

const tol = DEFAULT_CONFIG.tolerance;
const cases = casesFor('naming-rule', DEFAULT_CONFIG).filter((c) => c.graph && c.kind === 'required');

/** What the sandbox would send back for a student whose class is `engine` on this case. */
function reply(engine: ValueClass, c: CaseDef) {
  const { data, grad } = runGraph(engine, c.graph!);
  const plain = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : String(v));
  return { kind: 'reply' as const, reply: { ok: true, data: data.map(plain), grad: grad.map(plain) } };
}

/** Judges every case, with `engineFor` choosing the class each case is run with. */
function diagnosed(engineFor: (c: CaseDef) => ValueClass) {
  const judged = new Map(cases.map((c) => [c.id, judge(c, reply(engineFor(c), c), tol)]));
  return { judged, diagnosis: diagnose(cases, judged, tol) };
}

const reference = Reference as unknown as ValueClass;
const mutant = (flaws: Flaws) => mutantValueClass(flaws);

describe('the naming rule', () => {
  it('names a mistake whose mutant plays every case of its rule', () => {
    const mulOwn = mutant({ mulOwn: true });
    const { diagnosis } = diagnosed(() => mulOwn);
    expect(diagnosis).toMatchObject({ ids: ['mul-uses-own-value'], explainsAll: true });
  });

  it('names nothing from one random graph that a mutant matches, while other cases of its rule fail otherwise', () => {
    const mulOwn = mutant({ mulOwn: true });
    // Another wrong mul on the fixed cases, the mutant's mistake on one random graph only.
    const otherMul = mutant({ noUpstream: ['mul'], addSplit: true });
    const { judged, diagnosis } = diagnosed((c) => (c.id === 'random-graph-1' ? mulOwn : otherMul));
    expect(judged.get('random-graph-1')!.status).toBe('fail');
    expect(diagnosis.ids).toEqual([]);
    expect(diagnosis.explainsAll).toBe(false);
    expect(diagnosis.perCase.get('random-graph-1')).toMatchObject({ ids: [], kind: 'unexplained' });
  });

  it('names nothing when the mutant breaks a case the student passes', () => {
    // add splits the gradient only where an operand is used twice: add-two-leaves passes, which addSplit would fail.
    const split = mutant({ addSplit: true });
    const { judged, diagnosis } = diagnosed((c) => (c.id === 'add-two-leaves' ? reference : split));
    expect(judged.get('add-two-leaves')!.status).toBe('pass');
    expect(diagnosis.ids).not.toContain('add-splits-gradient');
  });

  it('says which rules the failing cases share when nothing is named', () => {
    const otherMul = mutant({ noUpstream: ['mul'], addSplit: true });
    const { diagnosis } = diagnosed((c) =>
      c.graph!.nodes.some((n) => 'op' in n && n.op === 'mul') ? otherMul : reference,
    );
    const notes = [...diagnosis.perCase.values()].filter((n) => n.kind === 'unexplained').map((n) => n.note);
    expect(notes.length).toBeGreaterThan(0);
    // Only cases with a mul node fail, and each of those also adds: both rules are what they share.
    for (const note of notes)
      expect(note).toMatch(/every failing case goes through add and mul nodes\. So check your add and mul rules/);
  });
});
