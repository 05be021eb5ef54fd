/**
 * Mutant candidates: every single wrong rule, and every pair of wrong rules
 * from two different misconceptions (students often get two rules wrong).
 * Each candidate's results on the fixed cases are computed once per run.
 */
import type { CaseDef } from '../cases/case-list.ts';
import { graphNumbers, type NodeArrays } from '../04-compare/reference.ts';
import { MISCONCEPTIONS } from './misconceptions.ts';
import { mutantValueClass, type Flaws } from './mutant-engine.ts';

export interface Candidate {
  key: string;
  ids: string[];
  parts: Flaws[];
  /** For a pair, its two single candidates. */
  members: Candidate[];
  flaws: Flaws;
  Value: ReturnType<typeof mutantValueClass>;
}

function merge(a: Flaws, b: Flaws): Flaws {
  const out: Flaws = { ...a, ...b };
  const union = (x?: string[], y?: string[]) => [...new Set([...(x ?? []), ...(y ?? [])])];
  if (a.overwrite || b.overwrite) out.overwrite = union(a.overwrite, b.overwrite) as Flaws['overwrite'];
  if (a.noUpstream || b.noUpstream) out.noUpstream = union(a.noUpstream, b.noUpstream) as Flaws['noUpstream'];
  return out;
}

function make(ids: string[], parts: Flaws[], members: Candidate[] = []): Candidate {
  const flaws = parts.reduce(merge, {});
  const candidate: Candidate = {
    key: `${ids.join('+')}:${JSON.stringify(parts)}`,
    ids,
    parts,
    members,
    flaws,
    Value: mutantValueClass(flaws),
  };
  if (members.length === 0) candidate.members = [candidate];
  return candidate;
}

let singles: Candidate[] | undefined;
let pairs: Candidate[] | undefined;

export function singleCandidates(): Candidate[] {
  singles ??= MISCONCEPTIONS.flatMap((m) => m.variants.map((v) => make([m.id], [v])));
  return singles;
}

export function pairCandidates(): Candidate[] {
  if (!pairs) {
    const all = singleCandidates();
    pairs = [];
    for (let i = 0; i < all.length; i++) {
      for (let j = i + 1; j < all.length; j++) {
        if (all[i].ids[0] !== all[j].ids[0])
          pairs.push(make([all[i].ids[0], all[j].ids[0]], [...all[i].parts, ...all[j].parts], [all[i], all[j]]));
      }
    }
  }
  return pairs;
}

const cache = new Map<string, WeakMap<object, NodeArrays | null>>();

/** The candidate's data and grad for every node in order, or null when it throws. */
export function mutantNodes(candidate: Candidate, c: CaseDef): NodeArrays | null {
  // Keyed by the graph object: shared graphs are computed once per run.
  let perGraph = cache.get(candidate.key);
  if (!perGraph) cache.set(candidate.key, (perGraph = new WeakMap()));
  if (!perGraph.has(c.graph!)) perGraph.set(c.graph!, graphNumbers(candidate.Value, c.graph!));
  return perGraph.get(c.graph!)!;
}
