/**
 * Blockers that depend on how the class behaves (a method the contract
 * names that the class calls otherwise, a constructor that takes an object)
 * are reported only when the cases confirm them: a required op the class
 * lacks, or leaves whose value is not the number they were built from. Then
 * the engine is refused, at the line of the blocker, with every blocker of
 * the file listed. A required op the class lacks with no other name for it
 * is no blocker: it fails only the cases that need it, as an unwritten rule
 * would (04-compare/compare.ts).
 */
import type { CaseDef } from '../cases/case-list.ts';
import { isLeaf } from '../cases/graph.ts';
import { type GraderError } from '../errors.ts';
import type { ModuleLoad } from '../02-load/load-submission.ts';
import { refusal } from '../02-load/refusal.ts';

type Reply = { ok?: boolean; data?: unknown[]; error?: { name?: string; message?: string } };

export function confirmForm(
  load: ModuleLoad | undefined,
  cases: CaseDef[],
  outcomes: Map<string, { outcome: { kind: string; reply?: unknown } }>,
): GraderError | undefined {
  if (!load?.ok) return undefined;
  // Only a method or constructor blocker can be confirmed. Most files have
  // neither, and then no reply needs reading (the long chain's included).
  const askMethods = load.blockers.some((b) => b.kind === 'method');
  const askLeaves = load.blockers.some((b) => b.kind === 'constructor');
  if (!askMethods && !askLeaves) return undefined;
  const missing = new Set<string>();
  let leavesWrong = false;
  for (const c of cases) {
    const outcome = outcomes.get(c.id)?.outcome;
    if (!c.graph || outcome?.kind !== 'reply') continue;
    const reply = outcome.reply as Reply;
    if (reply.ok === false && reply.error?.name === 'MissingMethod') {
      const name = /no method (\w+)\(\)/.exec(reply.error.message ?? '')?.[1];
      if (name) missing.add(name);
    }
    if (askLeaves && !leavesWrong && reply.ok && Array.isArray(reply.data))
      leavesWrong = c.graph.nodes.some((node, i) => isLeaf(node) && reply.data![i] !== node.value);
  }
  const confirmed = load.blockers.filter(
    (b) => (b.kind === 'method' && missing.has(b.method!)) || (b.kind === 'constructor' && leavesWrong),
  );
  if (confirmed.length === 0) return undefined;
  // Every blocker of the file at once, the confirmed ones first.
  const rest = load.blockers.filter((b) => !confirmed.includes(b) && b.kind !== 'method' && b.kind !== 'constructor');
  return refusal(load.prepared.file, [...confirmed, ...rest]);
}
