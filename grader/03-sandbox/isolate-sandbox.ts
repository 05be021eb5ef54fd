/**
 * A Sandbox on a fresh V8 isolate (isolated-vm) per submission. An isolate
 * has its own heap with a hard cap, no Node APIs at all (no require, process,
 * fs, network, timers or env), and a wall-clock timeout that interrupts even
 * `while (true) {}`. Calls run off the main thread, so several submissions
 * are graded at once and a hung one never blocks the grader.
 */
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import * as esbuild from 'esbuild';
import ivm from 'isolated-vm';
import { toProgram } from '../cases/graph.ts';
import type { Outcome, Request, Sandbox, SandboxLimits } from './sandbox.ts';

// Student code runs once, cold, in an isolate that is thrown away after one
// submission. The optimising compiler would compile its hot loops on
// background threads only for the result to be discarded with the isolate:
// without it a submission costs less than half the CPU (see `npm run bench`).
v8.setFlagsFromString('--no-opt');

let driverCode: Promise<string> | undefined;
const programJson = new WeakMap<object, string>();

/**
 * The wire format: graphs travel as flat programs, and shared graphs (the
 * long chain) are serialised once per run, not once per submission.
 */
function serialise(request: Request): string {
  if (request.kind === 'batch') return `{"kind":"batch","requests":[${request.requests.map(serialise).join(',')}]}`;
  if (request.kind !== 'graph') return JSON.stringify(request);
  let json = programJson.get(request.graph);
  if (json === undefined) programJson.set(request.graph, (json = JSON.stringify({ kind: 'program', program: toProgram(request.graph) })));
  return json;
}

/** The driver is bundled once per process and then compiled into each isolate. */
function loadDriver(): Promise<string> {
  driverCode ??= esbuild
    .build({
      entryPoints: [fileURLToPath(new URL('./driver.ts', import.meta.url))],
      bundle: true,
      write: false,
      format: 'iife',
      platform: 'neutral',
      target: 'es2022',
      logLevel: 'silent',
    })
    .then((result) => result.outputFiles[0].text);
  return driverCode;
}

export async function openIsolateSandbox(limits: SandboxLimits): Promise<Sandbox> {
  const isolate = new ivm.Isolate({ memoryLimit: Math.max(8, limits.memoryMb) });
  const context = await isolate.createContext();
  const driver = await isolate.compileScript(await loadDriver(), { filename: 'gradelab-driver.js' });
  await driver.run(context, { timeout: limits.caseTimeoutMs });
  // Taken before any student code runs, so a submission cannot swap them out.
  const runRef: ivm.Reference<(json: string) => string> = await context.global.get('__gradelab_run', { reference: true });
  const outputRef: ivm.Reference<() => string> = await context.global.get('__gradelab_output', { reference: true });

  async function call(work: () => Promise<unknown>, timeoutMs: number): Promise<Outcome> {
    if (isolate.isDisposed) return { kind: 'memory' };
    try {
      const value = await work();
      return { kind: 'reply', json: typeof value === 'string' ? value : '{"ok":true}' };
    } catch (error) {
      return classify(error, isolate, timeoutMs);
    }
  }

  return {
    async load(name, file, code, timeoutMs) {
      return call(async () => {
        const script = await isolate.compileScript(`${code}\n;globalThis.__gradelab_${name} = __gradelab_${name};`, { filename: file });
        await script.run(context, { timeout: timeoutMs });
        script.release();
      }, timeoutMs);
    },
    async run(request: Request, timeoutMs: number) {
      return call(() => runRef.apply(undefined, [serialise(request)], { timeout: timeoutMs }), timeoutMs);
    },
    async output() {
      if (isolate.isDisposed) return { output: '', truncated: false };
      try {
        return JSON.parse(await outputRef.apply(undefined, [], { timeout: 1000 })) as { output: string; truncated: boolean };
      } catch {
        return { output: '', truncated: false };
      }
    },
    dispose() {
      if (!isolate.isDisposed) isolate.dispose();
    },
  };
}

function classify(error: unknown, isolate: ivm.Isolate, timeoutMs: number): Outcome {
  const message = error instanceof Error ? error.message : String(error);
  if (isolate.isDisposed || /memory limit/i.test(message)) return { kind: 'memory' };
  if (/timed out/i.test(message)) return { kind: 'timeout', ms: timeoutMs };
  return { kind: 'crash', message };
}
