/**
 * Keeps the grading process's young generation from growing past 32 MB.
 *
 * Why: under Node 24, V8 grew it to 128 MB for the grader's way of
 * allocating (every submission's graphs, replies and pages are short-lived
 * garbage), and that alone took a class of 3,000 to 429 MB of peak RSS, over
 * the 400 MB the grader holds to. V8's limit on it can only be set when the
 * process starts, but how much it grows by can be changed at any time: once
 * it has reached 32 MB (as Node 20 let it), growing stops. Freezing it from
 * the start (at 1 MB) cost about a fifth more CPU in the grader's process;
 * at 32 MB nothing measurable.
 */
import v8 from 'node:v8';

const ENOUGH = 32 * 1024 * 1024;
let held = false;

/** Called as results arrive: cheap (one look at V8's heap spaces) and idempotent. */
export function holdYoungGeneration(): void {
  if (held) return;
  const young = v8.getHeapSpaceStatistics().find((space) => space.space_name === 'new_space');
  if (!young || young.space_size < ENOUGH) return;
  v8.setFlagsFromString('--semi-space-growth-factor=1');
  held = true;
}
