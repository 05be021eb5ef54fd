/**
 * What comes back from the sandbox is cut to size before anything reads it:
 * every string in a reply by what it is (an error's name, message or stack,
 * anything else as a value), nesting and list lengths bounded, and anything
 * that is not JSON's plain data dropped. The driver cuts its side too, but a
 * submission can reach the driver's copies of nothing it needs to undo that
 * only here, in the trusted process, so this is the cut that counts.
 */
import { CAPS, clip } from '../text-caps.ts';

const MAX_DEPTH = 12;
/** Longer lists are cut: no reply legitimately holds more (graphs come back as numbers, not lists). */
const MAX_LIST = 100_000;
const MAX_KEYS = 200;

const BY_KEY: Record<string, number> = { name: CAPS.name, message: CAPS.message, stack: CAPS.stack };

export function capReply(value: unknown, key = '', depth = 0): unknown {
  if (typeof value === 'string') return clip(value, BY_KEY[key] ?? CAPS.value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return value;
  if (typeof value !== 'object' || depth >= MAX_DEPTH) return undefined;
  if (Array.isArray(value)) return value.slice(0, MAX_LIST).map((each) => capReply(each, key, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value).slice(0, MAX_KEYS)) out[clip(k, CAPS.name)] = capReply(v, k, depth + 1);
  return out;
}

/** A crash's message (the isolate's own words, which may quote a thrown message). */
export function capMessage(message: unknown): string {
  return clip(typeof message === 'string' ? message : String(message), CAPS.message);
}

/** Printed output as the sandbox reports it, checked and cut to the output cap. */
export function capOutput(printed: unknown): { output: string; truncated: boolean } {
  const { output, truncated } = (printed ?? {}) as { output?: unknown; truncated?: unknown };
  if (typeof output !== 'string') return { output: '', truncated: false };
  return output.length > CAPS.output
    ? { output: output.slice(0, CAPS.output), truncated: true }
    : { output, truncated: truncated === true };
}
