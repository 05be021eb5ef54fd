/**
 * The oracle: the reference solution, run in the trusted process on the same
 * case descriptions the sandbox receives. Fixed cases are computed once per
 * run; per-student ones each time.
 */
import { Value } from '../../solutions/engine.ts';
import * as manual from '../../solutions/manual.ts';
import type { CaseDef } from '../cases/case-list.ts';
import { runGraph, type GraphSpec, type ValueClass } from '../cases/graph.ts';

/** data and grad of every node, in the order of the case's nodes. */
export interface NodeArrays {
  data: number[];
  grad: number[];
}

export type Reference = { graph: NodeArrays } | { value: number | Record<string, number> };

const solutionModules: Record<string, Record<string, unknown>> = { manual };
const cache = new WeakMap<GraphSpec | CaseDef, Reference>();

/** Runs a graph and reads its numbers; null when the engine throws. */
export function graphNumbers(engine: ValueClass, graph: GraphSpec): NodeArrays | null {
  try {
    const { data, grad } = runGraph(engine, graph);
    return { data: data.map(Number), grad: grad.map(Number) };
  } catch {
    return null;
  }
}

export function referenceFor(c: CaseDef): Reference {
  // Keyed by the graph object itself: fixed and shared cases reuse it, and a
  // per-student graph is a new object every time.
  const key = c.graph ?? c;
  let reference = cache.get(key);
  if (!reference) {
    reference = c.graph
      ? { graph: graphNumbers(Value as unknown as ValueClass, c.graph)! }
      : { value: solutionModules[c.export!.module][c.export!.name] as number | Record<string, number> };
    cache.set(key, reference);
  }
  return reference;
}

export function referenceGraph(c: CaseDef): NodeArrays {
  return (referenceFor(c) as { graph: NodeArrays }).graph;
}
