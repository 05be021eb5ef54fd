/**
 * The oracle: the reference solution, run in the trusted process on the same
 * case descriptions the sandbox receives. Fixed cases are computed once per
 * run; generated ones per submission.
 */
import { Value } from '../../solutions/engine.ts';
import * as manual from '../../solutions/manual.ts';
import type { CaseDef } from '../cases/catalog.ts';
import { evaluateGraph, type NodeValues, type ValueClass } from '../cases/graph.ts';

export type Reference = { nodes: Record<string, NodeValues> } | { value: number | Record<string, number> };

const solutionModules: Record<string, Record<string, unknown>> = { manual };
const cache = new Map<string, Reference>();

export function referenceFor(c: CaseDef): Reference {
  const key = c.graph ? `${c.id}:${c.graph.nodes.length}:${JSON.stringify(c.graph.nodes[0])}:${c.graph.output}` : c.id;
  const generated = c.id.startsWith('random-graph-');
  const cached = generated ? undefined : cache.get(key);
  if (cached) return cached;
  const reference = compute(c);
  if (!generated) cache.set(key, reference);
  return reference;
}

function compute(c: CaseDef): Reference {
  if (c.graph) return { nodes: evaluateGraph(Value as unknown as ValueClass, c.graph) };
  const { module, name } = c.export!;
  return { value: solutionModules[module][name] as number | Record<string, number> };
}
