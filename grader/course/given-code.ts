/**
 * Code a stub hands out ready-made (the second assignment's Neuron, say) is
 * the pattern students copy, so it must be exactly the code the reference
 * solution runs. A stub marks such code between a line starting with
 * `// ---- given` and one starting with `// ---- end of given code`; its
 * solution must hold the same blocks, byte for byte, in the same order.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckProblem } from './check-rules.ts';
import { listFiles } from './layout.ts';

const START = /^\s*\/\/ -+ given\b/;
const END = /^\s*\/\/ -+ end of given code\b/;

export interface GivenBlock {
  /** 1-based line of the start marker. */
  line: number;
  text: string;
}

/** The given blocks of a file, markers included; an unclosed block runs to the end. */
export function givenBlocks(text: string): GivenBlock[] {
  const blocks: GivenBlock[] = [];
  let open: { line: number; lines: string[] } | undefined;
  text.split('\n').forEach((line, i) => {
    if (!open && START.test(line)) open = { line: i + 1, lines: [] };
    if (open) open.lines.push(line);
    if (open && END.test(line)) {
      blocks.push({ line: open.line, text: open.lines.join('\n') });
      open = undefined;
    }
  });
  if (open) blocks.push({ line: open.line, text: open.lines.join('\n') });
  return blocks;
}

export async function checkGivenCode(root: string): Promise<CheckProblem[]> {
  const problems: CheckProblem[] = [];
  for (const stub of await listFiles(root, 'exercises')) {
    const solution = stub.replace(/^exercises\//, 'solutions/');
    if (!existsSync(join(root, solution))) continue;
    const given = givenBlocks(readFileSync(join(root, stub), 'utf8'));
    const twin = givenBlocks(readFileSync(join(root, solution), 'utf8'));
    given.forEach((block, i) => {
      if (twin[i]?.text === block.text) return;
      problems.push({
        rule: 'given',
        file: stub,
        line: block.line,
        message: twin[i]
          ? `the given code at ${stub}:${block.line} differs from ${solution}:${twin[i].line}: students would copy a pattern the reference does not run`
          : `the given code at ${stub}:${block.line} has no twin in ${solution}`,
      });
    });
    if (twin.length > given.length)
      problems.push({
        rule: 'given',
        file: solution,
        line: twin[given.length].line,
        message: `${solution}:${twin[given.length].line} marks given code that ${stub} does not hand out`,
      });
  }
  return problems;
}
