/**
 * oxc's transform, run on a thread of its own with a large stack. It runs
 * synchronously on the thread that calls it and recurses once per level of
 * nesting: on the main thread (8 MB of stack, or less) a chain of a few
 * thousand arrows or ternaries in a student file would crash the grader.
 * Nesting by brackets is refused earlier (./nesting-guard.ts); other chains
 * are bounded only by a file's size, which this stack covers with room to
 * spare (a file of code may be 128 KB).
 */
import { Worker } from 'node:worker_threads';
import { addStageTime } from '../stage-clock.ts';
import type { Diagnostic } from './transpile-error.ts';

const STACK_MB = 512;
/** The course's tsconfig compiles for ES2022; the student's own is ignored (it could point outside the submission). */
export const TARGET = 'es2022';

export interface Transpiled {
  code: string;
  errors: Diagnostic[];
}

type Pending = { resolve: (value: Transpiled) => void; reject: (error: Error) => void };
type Request = { id: number; file: string; text: string; options: object };

let worker: Worker | undefined;
const pending = new Map<number, Pending>();
let queue: Request[] = [];
let nextId = 1;

function start(): Worker {
  const utils = import.meta.resolve('rolldown/utils');
  // Requests made in the same turn (a submission's files) travel as one message each way.
  const code = `
    const { parentPort } = require('node:worker_threads');
    const ready = import(${JSON.stringify(utils)});
    parentPort.on('message', async (batch) => {
      const { transformSync } = await ready;
      parentPort.postMessage(batch.map(({ id, file, text, options }) => {
        const started = process.threadCpuUsage();
        const r = transformSync(file, text, options);
        const used = process.threadCpuUsage(started);
        const ms = (used.user + used.system) / 1000;
        return { id, ms, code: r.code, errors: r.errors.map((e) => ({ message: String(e.message), code: e.code, loc: e.loc })) };
      }));
    });`;
  const started = new Worker(code, { eval: true, resourceLimits: { stackSizeMb: STACK_MB } });
  started.on('message', (results: Array<Transpiled & { id: number; ms: number }>) => {
    for (const { id, ms, ...result } of results) {
      addStageTime('load', ms);
      pending.get(id)?.resolve(result);
      pending.delete(id);
    }
    if (pending.size === 0) started.unref();
  });
  const fail = (error: Error) => {
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
    worker = undefined;
  };
  started.on('error', fail);
  started.on('exit', (code) => fail(new Error(`the transpiler thread stopped (exit code ${code})`)));
  return started;
}

/** TypeScript (or JavaScript, `lang: 'js'`) to an ES module of the course's ES2022, the student's tsconfig ignored. */
export function transpile(file: string, text: string, cwd: string, lang: 'ts' | 'js' = 'ts'): Promise<Transpiled> {
  const id = nextId++;
  const options = { lang, sourceType: 'module', target: TARGET, tsconfig: false, cwd };
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    if (queue.push({ id, file, text, options }) === 1) setImmediate(flush);
  });
}

function flush(): void {
  const batch = queue;
  queue = [];
  worker ??= start();
  worker.ref();
  worker.postMessage(batch);
}
