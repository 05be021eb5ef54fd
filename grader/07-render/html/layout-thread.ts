/**
 * Graphviz's layouts (@viz-js/viz, WebAssembly) on a thread of their own.
 * A layout is the largest piece of a failed submission's page, a few
 * milliseconds each, and it is synchronous: on the grader's own thread it
 * held up everything else, so the sandbox hosts sat idle waiting to be sent
 * the next submission while the last one's pages were drawn. Here the
 * grader's thread keeps judging and feeding the hosts meanwhile. The thread
 * starts (and the WebAssembly module loads) on the first drawing, and never
 * keeps the grader alive while it has nothing to lay out.
 */
import { Worker } from 'node:worker_threads';
import { addStageTime } from '../../stage-clock.ts';

type Pending = { resolve: (svg: string) => void; reject: (error: Error) => void };
type Reply = { id: number; svg?: string; error?: string; ms: number };

let worker: Worker | undefined;
const pending = new Map<number, Pending>();
let nextId = 1;

function start(): Worker {
  const viz = import.meta.resolve('@viz-js/viz');
  // One WebAssembly instance for the thread's life: starting it costs far more than a layout.
  const code = `
    const { parentPort } = require('node:worker_threads');
    const ready = import(${JSON.stringify(viz)}).then((module) => module.instance());
    parentPort.on('message', async ({ id, dot }) => {
      const viz = await ready;
      const started = process.threadCpuUsage();
      let reply;
      try {
        reply = { id, svg: viz.renderString(dot, { format: 'svg', engine: 'dot' }) };
      } catch (error) {
        reply = { id, error: String(error && error.message ? error.message : error) };
      }
      const used = process.threadCpuUsage(started);
      reply.ms = (used.user + used.system) / 1000;
      parentPort.postMessage(reply);
    });`;
  const started = new Worker(code, { eval: true });
  started.on('message', ({ id, svg, error, ms }: Reply) => {
    addStageTime('write', ms);
    const waiting = pending.get(id);
    pending.delete(id);
    if (pending.size === 0) started.unref();
    if (!waiting) return;
    if (svg === undefined) waiting.reject(new Error(error ?? 'Graphviz gave no drawing'));
    else waiting.resolve(svg);
  });
  const fail = (error: Error) => {
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
    worker = undefined;
  };
  started.on('error', fail);
  started.on('exit', (code) => fail(new Error(`the layout thread stopped (exit code ${code})`)));
  return started;
}

/** Graphviz's SVG for a DOT graph (unsanitized); rejects with Graphviz's reason when it cannot lay it out. */
export function layOut(dot: string): Promise<string> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    worker ??= start();
    worker.ref();
    worker.postMessage({ id, dot });
  });
}
