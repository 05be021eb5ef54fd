/**
 * Absolute paths of the grading machine never reach a report: they leak the
 * instructor's layout and make results differ between machines.
 */
import os from 'node:os';
import path from 'node:path';
import { PACKAGE_ROOT } from '../package-root.ts';

const FIXED_TARGETS: Array<[string, string]> = [
  [PACKAGE_ROOT + path.sep, '<grader>/'],
  [os.tmpdir(), '<tmp>'],
];

/** Replacement pairs, longest first, so a submission inside the tmp dir is named as a submission. */
function targetsFor(roots: Array<string | undefined>): Array<[string, string]> {
  const submission = roots.filter((r): r is string => !!r).map((r): [string, string] => [r, '<submission>']);
  return [...submission, ...FIXED_TARGETS].sort((a, b) => b[0].length - a[0].length);
}

function replaceAll(text: string, targets: Array<[string, string]>): string {
  let out = text;
  for (const [from, to] of targets) if (out.includes(from)) out = out.split(from).join(to);
  return out;
}

export function scrubText(text: string, roots: Array<string | undefined>): string {
  return replaceAll(text, targetsFor(roots));
}

/** Deep copy of `value` with every string scrubbed. */
export function scrubPaths<T>(value: T, roots: Array<string | undefined>): T {
  const targets = targetsFor(roots);
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return replaceAll(v, targets);
    if (v === null || typeof v !== 'object') return v;
    if (Array.isArray(v)) return v.map(walk);
    const copy: Record<string, unknown> = {};
    for (const key of Object.keys(v)) copy[key] = walk((v as Record<string, unknown>)[key]);
    return copy;
  };
  return walk(value) as T;
}
