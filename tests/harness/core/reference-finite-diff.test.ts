/**
 * The reference engine is the oracle for every grade, so it is itself checked
 * against something that cannot share its bugs: central finite differences
 * of the same graphs evaluated with plain numbers.
 */
import { describe, expect, it } from 'vitest';
import { Value } from '../../../solutions/engine.ts';
import { fixedCases } from '../../../grader/cases/case-list.ts';
import { randomGraph } from '../../../grader/cases/generated.ts';
import type { GraphSpec } from '../../../grader/cases/graph.ts';
import { mutantValueClass } from '../../../grader/05-diagnose/mutant-engine.ts';
import { bonusGraphs } from '../support/bonus-graphs.ts';
import { engineValues, finiteDifferenceGrads, near, plainValues, type EngineValue } from '../support/plain-graph.ts';

// Finite differences are good to ~1e-9 here; every known wrong rule is off by far more.
const RTOL = 1e-5;
const ATOL = 1e-6;

type Engine = new (data: number) => EngineValue;

/** Nodes where the engine disagrees with plain evaluation or with finite differences. */
function disagreements(Engine: Engine, spec: GraphSpec): string[] {
  const engine = engineValues(Engine, spec);
  const plain = plainValues(spec);
  const numeric = finiteDifferenceGrads(spec);
  const wrong: string[] = [];
  for (const node of spec.nodes) {
    const got = engine.get(node.id)!;
    if (!near(got.data, plain.get(node.id)!, 1e-12, 1e-12))
      wrong.push(`${node.id}.data ${got.data} vs ${plain.get(node.id)}`);
    if (!near(got.grad, numeric.get(node.id)!, RTOL, ATOL))
      wrong.push(`${node.id}.grad ${got.grad} vs ${numeric.get(node.id)}`);
  }
  return wrong;
}

const randomGraphs = Array.from({ length: 300 }, (_, i) => randomGraph(1000 + i, 5 + (i % 26)));
const withBonusOps = bonusGraphs(100);
const catalogueGraphs = fixedCases().filter((c) => c.graph);

describe('the reference engine against finite differences', () => {
  it('agrees on 300 random graphs of add, mul and tanh', () => {
    const failures = randomGraphs
      .map((g, i) => ({ i, wrong: disagreements(Value, g) }))
      .filter((f) => f.wrong.length > 0);
    expect(failures).toEqual([]);
  });

  it('agrees on 100 random graphs that use the bonus ops', () => {
    const ops = new Set(withBonusOps.flatMap((g) => g.nodes.map((n) => ('op' in n ? n.op : 'leaf'))));
    expect([...ops].sort()).toEqual(['add', 'div', 'exp', 'leaf', 'mul', 'neg', 'pow', 'relu', 'sub', 'tanh']);
    const failures = withBonusOps
      .map((g, i) => ({ i, wrong: disagreements(Value, g) }))
      .filter((f) => f.wrong.length > 0);
    expect(failures).toEqual([]);
  });

  it('agrees on every graph case of the catalogue', () => {
    const failures = catalogueGraphs
      .map((c) => ({ id: c.id, wrong: disagreements(Value, c.graph!) }))
      .filter((f) => f.wrong.length > 0);
    expect(catalogueGraphs.length).toBeGreaterThan(20);
    expect(failures).toEqual([]);
  });

  it('would notice a wrong rule: the check is not vacuous', () => {
    // The same comparison on engines with a known mistake must fail somewhere.
    for (const flaws of [
      { tanhInput: true },
      { mulOwn: true },
      { overwrite: ['add' as const] },
      { powWrtExponent: true },
    ]) {
      const Mutant = mutantValueClass(flaws) as unknown as Engine;
      const graphs = 'powWrtExponent' in flaws ? withBonusOps : randomGraphs;
      expect(
        graphs.some((g) => disagreements(Mutant, g).length > 0),
        JSON.stringify(flaws),
      ).toBe(true);
    }
  });
});
