/**
 * The mutant engine is how diagnosis names a mistake, so two things must
 * hold: without flaws it is the reference, and every flaw it knows changes
 * some case of the catalogue (a flaw no case can see could never be named,
 * and would let a wrong rule earn full marks).
 */
import { describe, expect, it } from 'vitest';
import { Value } from '../../../solutions/engine.ts';
import { casesFor, type CaseDef } from '../../../grader/cases/case-list.ts';
import { randomGraph } from '../../../grader/cases/generated.ts';
import { DEFAULT_CONFIG } from '../../../grader/config/load.ts';
import { mutantValueClass } from '../../../grader/05-diagnose/mutant-engine.ts';
import { singleCandidates } from '../../../grader/05-diagnose/candidates.ts';
import { MISCONCEPTIONS } from '../../../grader/05-diagnose/misconceptions.ts';
import { bonusGraphs } from '../support/bonus-graphs.ts';
import { engineValues, near, type EngineValue } from '../support/plain-graph.ts';

type Engine = new (data: number) => EngineValue;
type Nodes = Map<string, { data: number; grad: number }> | 'throws';

const cases = casesFor('someone', DEFAULT_CONFIG).filter((c) => c.graph);
const { rtol, atol } = DEFAULT_CONFIG.tolerance;

function run(Engine: Engine, c: CaseDef): Nodes {
  try {
    return engineValues(Engine, c.graph!);
  } catch {
    return 'throws';
  }
}

function differ(a: Nodes, b: Nodes): boolean {
  if (a === 'throws' || b === 'throws') return a !== b;
  const same = (x: number, y: number) =>
    Number.isFinite(y) ? near(x, y, rtol, atol) : Object.is(x, y) || (Number.isNaN(x) && Number.isNaN(y));
  return [...b].some(([id, v]) => !same(a.get(id)!.data, v.data) || !same(a.get(id)!.grad, v.grad));
}

const reference = new Map(cases.map((c) => [c.id, run(Value, c)]));
const singles = singleCandidates().map((cand) => ({
  label: `${cand.ids[0]} ${JSON.stringify(cand.flaws)}`,
  id: cand.ids[0],
  results: new Map(cases.map((c) => [c.id, run(cand.Value as unknown as Engine, c)])),
}));

describe('the mutant engine', () => {
  it('with no flaws gives exactly the reference on random graphs, with and without bonus ops', () => {
    const Plain = mutantValueClass({}) as unknown as Engine;
    const graphs = [
      ...Array.from({ length: 200 }, (_, i) => randomGraph(7 + i, 5 + (i % 20))),
      ...bonusGraphs(60, 500),
    ];
    for (const graph of graphs) expect(engineValues(Plain, graph)).toEqual(engineValues(Value, graph));
  });

  it('knows at least one variant of every misconception but the three found without mutants', () => {
    // Plain numbers used as Values, wrong forward values and recursion too deep for a long chain are found by other means (05-diagnose/).
    const byOtherMeans = ['number-operand-not-wrapped', 'wrong-forward-value', 'recursion-too-deep'];
    expect(new Set(singles.map((s) => s.id))).toEqual(
      new Set(MISCONCEPTIONS.map((m) => m.id).filter((id) => !byOtherMeans.includes(id))),
    );
    for (const id of byOtherMeans) expect(MISCONCEPTIONS.find((m) => m.id === id)?.variants).toEqual([]);
  });

  it('every single variant differs from the reference on some case of the catalogue', () => {
    const unseen = singles.filter((s) => !cases.some((c) => differ(s.results.get(c.id)!, reference.get(c.id)!)));
    expect(unseen.map((s) => s.label)).toEqual([]);
  });

  it('variants of different misconceptions are told apart by some case', () => {
    const confusable: string[] = [];
    for (const [i, a] of singles.entries()) {
      for (const b of singles.slice(i + 1)) {
        if (a.id !== b.id && !cases.some((c) => differ(a.results.get(c.id)!, b.results.get(c.id)!)))
          confusable.push(`${a.label} ~ ${b.label}`);
      }
    }
    expect(confusable).toEqual([]);
  });

  it('tanh-uses-input is caught by a required tanh case, not only by luck in a random graph', () => {
    const variant = singles.find((s) => s.id === 'tanh-uses-input')!;
    const catching = cases.filter((c) => differ(variant.results.get(c.id)!, reference.get(c.id)!));
    expect(catching.some((c) => c.kind === 'required' && c.exercise === 'tanh' && !c.id.startsWith('random-'))).toBe(
      true,
    );
  });
});
