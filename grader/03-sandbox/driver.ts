/**
 * Runs inside the sandbox, before any student code. It keeps its own copies
 * of the few built-ins it needs, so that a submission patching JSON or Math
 * can only spoil its own numbers, never the way they are reported. Replies
 * are JSON strings plus, for graphs, one array of numbers (see ./wire.ts):
 * the trusted side decodes and validates both.
 */
import type { GraphSpec } from '../cases/graph.ts';
import { buildAndBackward, type ProgramValue, type ProgramValueClass, type RunPhase } from '../cases/program.ts';
import { runTraining } from '../cases/training/run-training.ts';
import type { TrainingRequest } from '../cases/training/training-record.ts';
import { CAPS } from '../text-caps.ts';
import { installConsole, printed, show } from './sandbox-console.ts';

export type Request =
  | { kind: 'graph'; graph: GraphSpec }
  | { kind: 'export'; module: string; name: string }
  | { kind: 'exports' }
  /** The training assignment: the student's MLP from nn.ts, run stage by stage (../cases/training/). */
  | TrainingRequest
  /** Several requests in one call; `completed` then returns those that finished. */
  | { kind: 'batch'; requests: Request[] }
  | { kind: 'completed' };

/**
 * How a graph request travels: the graph compiled to a flat program whose
 * numbers sit in the call's array of numbers, `count` of them from `at`.
 */
export type WireRequest =
  | Exclude<Request, { kind: 'graph' } | { kind: 'batch' }>
  | { kind: 'program'; at: number; count: number; constants: number; output: number }
  | { kind: 'batch'; requests: WireRequest[] };

const stringify = JSON.stringify;
const parse = JSON.parse;
const isFinite = Number.isFinite;
const F64 = Float64Array;
const I32 = Int32Array;
const subarray = Float64Array.prototype.subarray;
const apply = Reflect.apply;
const ownKeys = Reflect.ownKeys;
const sliceString = String.prototype.slice;
const defineProperty = Reflect.defineProperty;
const g = globalThis as unknown as Record<string, unknown>;

const trainingRuns = new Map<string, unknown>();

installConsole(g);
// WebAssembly memory lives outside the isolate's heap, where its cap cannot
// see it (one submission grew a host to 1.5 GB under a 128 MB cap). The course
// needs no WebAssembly, so the isolate has none: nothing can reach it again
// once the global is gone.
delete g.WebAssembly;

/** Non-finite numbers and non-numbers become strings that say what they were. */
function plain(value: unknown): number | string {
  if (typeof value === 'number') return isFinite(value) ? value : String(value);
  return `not a number (${typeof value})`;
}

/**
 * Where graph replies go: data then grad of each graph, as numbers. What is
 * not a finite number is written as NaN and described in the reply's `nonFinite`.
 */
let results = new F64(0);
let filled = 0;

function store(nodes: ProgramValue[], field: 'data' | 'grad', nonFinite: Array<[number, string]>, base: number): void {
  for (let i = 0; i < nodes.length; i++) {
    const value = nodes[i][field];
    if (typeof value === 'number' && isFinite(value)) results[filled] = value;
    else {
      results[filled] = NaN;
      nonFinite.push([base + i, plain(value) as string]);
    }
    filled++;
  }
}

/** Cut here so that a 12 MB message never crosses; the trusted side cuts again (./reply-caps.ts). */
function cut(text: string, max: number): string {
  return text.length > max ? (apply(sliceString, text, [0, max]) as string) : text;
}

function describeError(error: unknown): { name: string; message: string; stack?: string } {
  try {
    if (error instanceof Error)
      return {
        name: cut(String(error.name), CAPS.name + 1),
        message: cut(String(error.message), CAPS.message + 1),
        stack: cut(String(error.stack ?? ''), CAPS.stack + 1),
      };
    return { name: 'thrown value', message: cut(show(error), CAPS.message + 1) };
  } catch {
    return { name: 'thrown value', message: '[unprintable]' };
  }
}

function studentModule(name: string): Record<string, unknown> {
  const mod = g[`__gradelab_${name}`];
  if (mod === undefined || mod === null) throw new Error(`module ${name} did not load`);
  return mod as Record<string, unknown>;
}

function handle(request: WireRequest, numbers: Float64Array): unknown {
  if (request.kind === 'exports')
    return { exports: { engine: exportNames('engine'), manual: exportNames('manual'), nn: exportNames('nn') } };
  if (request.kind === 'training') {
    // The lecture's cases each judge one stage of the same run: it runs once.
    const key = stringify(request);
    let record = trainingRuns.get(key);
    if (!record) trainingRuns.set(key, (record = runTraining(studentModule('nn'), request)));
    return { training: record };
  }
  if (request.kind === 'export') return { value: plainDeep(studentModule(request.module)[request.name]) };
  if (request.kind !== 'program') throw new Error(`unknown request ${String(request.kind)}`);
  const Value = studentModule('engine').Value;
  if (typeof Value !== 'function') throw new Error('engine.ts has no exported class Value');
  const end = request.at + request.count;
  // Copied into integers once, so that walking the code allocates nothing.
  const code = new I32(apply(subarray, numbers, [request.at, end]) as Float64Array);
  const constants = apply(subarray, numbers, [end, end + request.constants]) as Float64Array;
  const nodes = buildAndBackward(Value as ProgramValueClass, { code, constants, output: request.output }, phase);
  const at = filled;
  const nonFinite: Array<[number, string]> = [];
  store(nodes, 'data', nonFinite, 0);
  store(nodes, 'grad', nonFinite, nodes.length);
  return nonFinite.length > 0 ? { at, nodes: nodes.length, nonFinite } : { at, nodes: nodes.length };
}

function exportNames(name: string): string[] | null {
  const mod = g[`__gradelab_${name}`];
  if (mod === undefined || mod === null) return null;
  // Names only: listing a module's exports must not read them (Object.keys would, and throw halfway).
  const names = ownKeys(mod).filter((key): key is string => typeof key === 'string');
  return names.map((key) => {
    try {
      return `${key}:${typeof (mod as Record<string, unknown>)[key]}`;
    } catch (error) {
      // An export read before its declaration ran: the module stopped halfway (an await that never settled).
      return `${key}:${error instanceof ReferenceError ? 'uninitialized' : 'unreadable'}`;
    }
  });
}

function plainDeep(value: unknown): unknown {
  if (value === undefined) return 'undefined';
  if (value !== null && typeof value === 'object') {
    const out: Record<string, number | string> = {};
    for (const key of Object.keys(value).slice(0, 100)) out[key] = plain((value as Record<string, unknown>)[key]);
    return out;
  }
  return plain(value);
}

/** The operation a graph request is in; read when it throws (the op, never the message). */
const phase: RunPhase = { op: '' };

function reply(request: WireRequest, numbers: Float64Array): Record<string, unknown> {
  phase.op = '';
  try {
    return { ok: true, ...(handle(request, numbers) as object) };
  } catch (error) {
    const described = describeError(error);
    return { ok: false, error: phase.op ? { ...described, where: phase.op } : described };
  }
}

// Replies of the current batch, kept here so that after a timeout the grader
// can still collect the cases that finished before it.
let completed: Array<{ reply: Record<string, unknown>; ms: number }> = [];
const now = Date.now;

/** Room for data and grad of every node of every graph in a request. */
function nodesIn(request: WireRequest): number {
  if (request.kind === 'program') return request.count / 4;
  if (request.kind === 'batch') return request.requests.reduce((sum, each) => sum + nodesIn(each), 0);
  return 0;
}

g.__gradelab_run = (json: string, numbers: Float64Array = new F64(0)): [string, Float64Array] => {
  const request = parse(json) as WireRequest;
  if (request.kind === 'completed') return [stringify({ ok: true, batch: completed }), results];
  results = new F64(2 * nodesIn(request));
  filled = 0;
  if (request.kind !== 'batch') return [stringify(reply(request, numbers)), results];
  completed = [];
  for (const each of request.requests) {
    const started = now();
    const result = reply(each, numbers);
    // Not push, nor a plain assignment: a submission may have patched Array.prototype (the
    // grader measures time itself, outside, and trusts this figure only within that).
    defineProperty(completed, completed.length, {
      value: { reply: result, ms: now() - started },
      writable: true,
      enumerable: true,
      configurable: true,
    });
  }
  return [stringify({ ok: true, batch: completed }), results];
};

g.__gradelab_output = (): string => stringify(printed());
