/**
 * The expected numbers of hidden cases, as the reference computes them:
 * what must never be sent into a sandbox. Only distinctive numbers are kept
 * (not integers, not short decimals, not any input of the graph), so that
 * finding one in a request cannot be a coincidence.
 */
import { Value } from '../../../solutions/engine.ts';
import type { CaseDef } from '../../../grader/cases/case-list.ts';
import { engineValues } from './plain-graph.ts';

export function expectedNumbersOfHiddenCases(cases: CaseDef[]): number[] {
  const numbers = new Set<number>();
  for (const c of cases) {
    if (!c.graph || c.visibility === 'visible' || c.graph.nodes.length > 200) continue;
    const inputs = new Set(
      JSON.stringify(c.graph)
        .match(/-?\d+(\.\d+)?(e-?\d+)?/g)!
        .map(Number),
    );
    for (const { data, grad } of engineValues(Value, c.graph).values()) {
      for (const n of [data, grad]) {
        if (Number.isFinite(n) && !Number.isInteger(n) && String(n).length >= 8 && !inputs.has(n)) numbers.add(n);
      }
    }
  }
  return [...numbers];
}
