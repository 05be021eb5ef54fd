/**
 * Absolute paths of the grading machine never reach a report: they leak the
 * instructor's layout and make results differ between machines.
 */
import { fileURLToPath } from 'node:url';
import os from 'node:os';

const GRADER_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export function scrubText(text: string, roots: Array<string | undefined>): string {
  let out = text;
  const targets = [...roots.filter((r): r is string => !!r).map((r) => [r, '<submission>'] as const), [GRADER_ROOT, '<grader>/'] as const, [os.tmpdir(), '<tmp>'] as const];
  for (const [from, to] of targets.sort((a, b) => b[0].length - a[0].length)) out = out.split(from).join(to);
  return out;
}

/** Deep copy of `value` with every string scrubbed. */
export function scrubPaths<T>(value: T, roots: Array<string | undefined>): T {
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return scrubText(v, roots);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(value) as T;
}
