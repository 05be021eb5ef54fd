/**
 * The sandbox's console: everything Node's console offers for printing,
 * inert. What a submission prints is captured (up to a cap) and formatted as
 * Node would (printf-style formats, objects inspected), for its report.
 * No outside imports beyond the util stand-in: it is bundled into the sandbox.
 */
import { formatWithOptions, inspect } from '../02-load/shims/util.ts';

const OUTPUT_CAP = 64 * 1024;

let output = '';
let truncated = false;
let indent = '';
const counts: Record<string, number> = {};

export function show(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return String(value);
  } catch {
    return '[unprintable]';
  }
}

/** As Node prints: printf-style formats and objects inspected; whatever cannot be formatted, as a string. */
function formatted(args: unknown[]): string {
  // Plain strings, the usual case, are joined as they are (the cap applies to the line).
  let plainStrings = true;
  for (let i = 0; i < args.length; i++) if (typeof args[i] !== 'string') plainStrings = false;
  if (plainStrings && (args.length < 2 || (args[0] as string).indexOf('%') < 0)) return args.join(' ');
  try {
    return formatWithOptions({}, ...args);
  } catch {
    return args.map(show).join(' ');
  }
}

function write(args: unknown[]): void {
  if (truncated) return;
  const line = `${indent}${formatted(args)}\n`;
  if (output.length + line.length > OUTPUT_CAP) {
    output += line.slice(0, OUTPUT_CAP - output.length);
    truncated = true;
  } else output += line;
}

export function printed(): { output: string; truncated: boolean } {
  return { output, truncated };
}

export function installConsole(g: Record<string, unknown>): void {
  const log = (...args: unknown[]) => write(args);
  const nested = (...args: unknown[]) => {
    if (args.length > 0) write(args);
    indent += '  ';
  };
  g.console = {
    log,
    info: log,
    warn: log,
    error: log,
    debug: log,
    trace: log,
    dirxml: log,
    dir: (value: unknown) => write([inspect(value)]),
    table: (value: unknown) => write([inspect(value)]),
    assert: (value: unknown, ...args: unknown[]) => {
      if (!value) write(['Assertion failed', ...args]);
    },
    count: (label = 'default') => write([`${label}: ${(counts[label] = (counts[label] ?? 0) + 1)}`]),
    countReset: (label = 'default') => void (counts[label] = 0),
    group: nested,
    groupCollapsed: nested,
    groupEnd: () => void (indent = indent.slice(2)),
    // No clocks to read and nothing to clear: these only have to exist.
    time: () => {},
    timeEnd: () => {},
    timeLog: () => {},
    clear: () => {},
  };
}
