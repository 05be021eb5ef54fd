/**
 * Numbers fixed from outside the project: the seed table of the worked
 * example, done by hand, and micrograd's two expressions whose values its
 * author verified against PyTorch.
 */
import { describe, expect, it } from 'vitest';
import { Value } from '../../../solutions/engine.ts';
import { manualGrads, nudge } from '../../../solutions/manual.ts';
import { fixedCases } from '../../../grader/cases/case-list.ts';
import { engineValues, finiteDifferenceGrads } from '../support/plain-graph.ts';

const SEED_TABLE = { a: 6, b: -4, c: -2, e: -2, d: -2, f: 4, L: 1 };

function caseGraph(id: string) {
  const c = fixedCases().find((x) => x.id === id);
  if (!c?.graph) throw new Error(`no graph case ${id}`);
  return c.graph;
}

function expectRelative(actual: number, expected: number): void {
  expect(Math.abs(actual - expected) / Math.abs(expected)).toBeLessThanOrEqual(1e-9);
}

describe('the worked example: a = 2, b = -3, c = 10, f = -2; e = a*b; d = e + c; L = d*f', () => {
  it('the reference engine gives exactly the seed table', () => {
    const nodes = engineValues(Value, caseGraph('seed-example'));
    const grads = Object.fromEntries([...nodes].map(([id, v]) => [id, v.grad]));
    expect(grads).toEqual(SEED_TABLE);
    expect(nodes.get('L')!.data).toBe(-8);
  });

  it('the case file describes that example and nothing else', () => {
    const graph = caseGraph('seed-example');
    const leaves = Object.fromEntries(
      graph.nodes.filter((n) => 'value' in n).map((n) => [n.id, (n as { value: number }).value]),
    );
    expect(leaves).toEqual({ a: 2, b: -3, c: 10, f: -2 });
    expect(graph.output).toBe('L');
  });

  it('solutions/manual.ts holds the same table, and it matches finite differences', () => {
    expect(manualGrads).toEqual(SEED_TABLE);
    const numeric = finiteDifferenceGrads(caseGraph('seed-example'));
    for (const [id, grad] of Object.entries(SEED_TABLE)) expect(numeric.get(id)).toBeCloseTo(grad, 6);
  });

  it('the nudge answer is dL/da times the nudge', () => {
    expect(nudge).toBeCloseTo(SEED_TABLE.a * 0.01, 12);
  });
});

describe("micrograd's PyTorch-verified expressions", () => {
  it('sanity check: y = -20 and dy/dx = 46', () => {
    const nodes = engineValues(Value, caseGraph('micrograd-sanity-check'));
    expect(nodes.get('y')!.data).toBe(-20);
    expect(nodes.get('x')!.grad).toBe(46);
  });

  it('more ops: g = 24.70408163265306, dg/da = 138.83381924198252, dg/db = 645.5772594752186', () => {
    const graph = caseGraph('micrograd-more-ops');
    expect(graph.output).toBe('g');
    const nodes = engineValues(Value, graph);
    expectRelative(nodes.get('g')!.data, 24.70408163265306);
    expectRelative(nodes.get('a')!.grad, 138.83381924198252);
    expectRelative(nodes.get('b')!.grad, 645.5772594752186);
  });
});
