/**
 * The last line of defence of `release`: no line of solution code may reach
 * the student repository, whatever went wrong upstream (a solution pasted into
 * a stub, a test that imports a reference value, a template quoting code).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listFiles } from './layout.ts';

export interface Leak {
  /** The released file that contains it. */
  file: string;
  /** The solution file the line comes from. */
  source: string;
  line: string;
}

/**
 * Lines of code that appear in a solution but not in its stub: the answers.
 * Comments and short lines (`}`, `return out;`) are left out, since they
 * prove nothing and would match by chance.
 */
export async function solutionOnlyLines(root: string): Promise<Map<string, string>> {
  const lines = new Map<string, string>();
  for (const source of await listFiles(root, 'solutions')) {
    if (!source.endsWith('.ts')) continue;
    const stubFile = source.replace(/^solutions\//, 'exercises/');
    let stub = new Set<string>();
    try {
      stub = new Set(codeLines(readFileSync(join(root, stubFile), 'utf8')));
    } catch {
      // No stub at all: every line of the solution is an answer.
    }
    for (const line of codeLines(readFileSync(join(root, source), 'utf8'))) {
      if (!stub.has(line) && line.length >= 12) lines.set(line, source);
    }
  }
  return lines;
}

function codeLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !/^(\/\/|\/\*|\*)/.test(line));
}

/** Every place where a solution-only line occurs in the given files. */
export function findLeaks(files: Map<string, string>, answers: Map<string, string>): Leak[] {
  const leaks: Leak[] = [];
  for (const [file, content] of files) {
    for (const [line, source] of answers) {
      if (content.includes(line)) leaks.push({ file, source, line });
    }
  }
  return leaks;
}
