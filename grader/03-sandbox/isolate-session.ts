/**
 * One submission's fresh V8 isolate (isolated-vm). An isolate has its own
 * heap with a hard cap, no Node APIs at all (no require, process, fs,
 * network, timers or env), and a wall-clock timeout that interrupts even
 * `while (true) {}`. Sessions live in a sandbox host process (./host/), never
 * in the grader's own process; requests arrive already serialised.
 */
import ivm from 'isolated-vm';
import { CAPS } from '../text-caps.ts';
import type { PreparedFile, Outcome, SandboxLimits } from './sandbox-types.ts';

export interface IsolateSession {
  load(name: string, file: PreparedFile, timeoutMs: number): Outcome;
  /** Takes ownership of `numbers`: they are moved into the isolate. */
  run(requestJson: string, numbers: Float64Array, timeoutMs: number): Outcome;
  output(): { output: string; truncated: boolean };
  dispose(): void;
}

// Calls are synchronous: a host serves one submission at a time, so there is
// nothing to do while student code runs, and handing each call to a worker
// thread and back would only add to its cost.
/** V8's code cache for the driver: every isolate compiles the same driver. */
let driverCache: { code: string; data: ivm.ExternalCopy<ArrayBuffer> } | undefined;

function compileDriver(isolate: ivm.Isolate, code: string): ivm.Script {
  const cached = driverCache?.code === code ? driverCache.data : undefined;
  const script = isolate.compileScriptSync(code, {
    filename: 'gradelab-driver.js',
    ...(cached ? { cachedData: cached } : { produceCachedData: true }),
  });
  // The typings leave it out, but a script compiled with produceCachedData carries it.
  const produced = (script as ivm.Script & ivm.CachedDataResult).cachedData;
  if (!cached && produced) driverCache = { code, data: produced };
  return script;
}

export function openIsolateSession(driverCode: string, limits: SandboxLimits): IsolateSession {
  const isolate = new ivm.Isolate({ memoryLimit: Math.max(8, limits.memoryMb) });
  const context = isolate.createContextSync();
  const driver = compileDriver(isolate, driverCode);
  driver.runSync(context, { timeout: limits.caseTimeoutMs });
  // Taken before any student code runs, so a submission cannot swap them out.
  const runRef: ivm.Reference<(json: string, numbers: Float64Array) => [string, Float64Array]> = context.global.getSync(
    '__gradelab_run',
    { reference: true },
  );
  const outputRef: ivm.Reference<() => string> = context.global.getSync('__gradelab_output', { reference: true });

  function call(work: () => unknown, timeoutMs: number): Outcome {
    if (isolate.isDisposed) return { kind: 'memory' };
    const started = performance.now();
    try {
      const value = work();
      if (Array.isArray(value) && typeof value[0] === 'string' && value[1] instanceof Float64Array)
        return { kind: 'reply', json: value[0], numbers: value[1] };
      return { kind: 'reply', json: typeof value === 'string' ? value : '{"ok":true}' };
    } catch (error) {
      return classify(error, isolate, timeoutMs, performance.now() - started);
    }
  }

  return {
    load(name, { file, code, format }, timeoutMs) {
      return call(() => {
        if (format === 'module') {
          const module = isolate.compileModuleSync(code, { filename: file });
          module.instantiateSync(context, (specifier) => {
            throw new Error(`cannot import '${specifier}' here`);
          });
          module.evaluateSync({ timeout: timeoutMs });
          // The namespace object itself, not a copy: it lives in the same isolate.
          context.global.setSync(`__gradelab_${name}`, module.namespace.derefInto());
          module.release();
        } else {
          const script = isolate.compileScriptSync(`${code}\n;globalThis.__gradelab_${name} = __gradelab_${name};`, {
            filename: file,
          });
          script.runSync(context, { timeout: timeoutMs });
          script.release();
        }
      }, timeoutMs);
    },
    run(requestJson, numbers, timeoutMs) {
      // The numbers move into the isolate without a copy (the caller gives
      // them up); the reply comes back as a copy.
      const moved = new ivm.ExternalCopy(numbers, { transferOut: true }).copyInto({ transferIn: true });
      return call(
        () => runRef.applySync(undefined, [requestJson, moved], { timeout: timeoutMs, result: { copy: true } }),
        timeoutMs,
      );
    },
    output() {
      if (isolate.isDisposed) return { output: '', truncated: false };
      try {
        return JSON.parse(outputRef.applySync(undefined, [], { timeout: 1000 }) as string) as {
          output: string;
          truncated: boolean;
        };
      } catch {
        return { output: '', truncated: false };
      }
    },
    dispose() {
      if (!isolate.isDisposed) isolate.dispose();
    },
  };
}

function classify(error: unknown, isolate: ivm.Isolate, timeoutMs: number, elapsedMs: number): Outcome {
  const message = error instanceof Error ? error.message : String(error);
  // A student can throw isolated-vm's own words: only a disposed isolate ran out of memory, and
  // only a call that lasted its limit timed out.
  if (isolate.isDisposed) return { kind: 'memory' };
  if (message === 'Script execution timed out.' && elapsedMs >= timeoutMs * 0.9)
    return { kind: 'timeout', ms: timeoutMs };
  // Cut before it crosses to the grader: it may quote a student's thrown message (../text-caps.ts).
  return { kind: 'crash', message: message.slice(0, CAPS.message + 1) };
}
