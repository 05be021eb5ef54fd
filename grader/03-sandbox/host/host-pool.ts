/**
 * Sandbox host processes, started on demand and kept for the next submission.
 *
 * Why a separate process: student code runs once, cold, in an isolate that is
 * thrown away after one submission. V8's optimising compiler would compile
 * its hot loops on background threads only for the result to be discarded
 * with the isolate, so hosts run with `--no-opt`; it roughly halves what a
 * submission costs there. That flag holds for a whole process, and the
 * grader's own code (judging, diagnosis, reports) runs best optimised: hence
 * two kinds of process. A host also bounds the damage of a native crash: the
 * grader records it for that submission and starts another host.
 *
 * A host serves one submission at a time, so one student's slow code never
 * eats into another's time limit.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import type { HostCommand, HostMessage, HostReply, HostRequest } from './protocol.ts';

type Value = Extract<HostReply, { ok: true }>['value'];

/** Why a call got no reply: the host exceeded the call's limit (and was killed) or died. */
export class HostLost extends Error {
  constructor(
    message: string,
    readonly hung: boolean,
  ) {
    super(message);
  }
}

const STDERR_TAIL = 2000;

/**
 * V8 flags for hosts, each measured with `npm run bench`:
 * - no optimising compiler (see above);
 * - garbage collection on the isolate's own thread: helper threads only
 *   compete with the other hosts for the same cores;
 * - a fixed 4 MB young generation. Every node of the long chain stays alive
 *   until the end, so each scavenge of a smaller, growing one copied all of
 *   them again; 4 MB holds the chain's graph in one go. (Flags override
 *   the young-generation size isolated-vm derives from the heap cap.)
 */
/** How long a posted command may wait for company (see SandboxHost.post). */
const POST_DELAY_MS = 250;

const HOST_FLAGS = ['--no-opt', '--single-threaded-gc', '--min-semi-space-size=4', '--max-semi-space-size=4'];

let hostProgram: Promise<string> | undefined;

/**
 * The host's code as one plain script, bundled once per grader process: a
 * host then starts as fast as bare Node, with no TypeScript loader. Only
 * isolated-vm stays outside the bundle (it is a native addon), required by
 * its absolute path so that a host works from any working directory.
 */
function program(): Promise<string> {
  hostProgram ??= esbuild.build({
    entryPoints: [fileURLToPath(new URL('./sandbox-host.ts', import.meta.url))],
    bundle: true,
    write: false,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['isolated-vm'],
    logLevel: 'silent',
  }).then(({ outputFiles }) => {
    const parts = outputFiles[0].text.split('require("isolated-vm")');
    if (parts.length !== 2) throw new Error('the sandbox host bundle does not load isolated-vm exactly once');
    const addon = createRequire(import.meta.url).resolve('isolated-vm');
    return `// gradelab sandbox host\n${parts.join(`require(${JSON.stringify(addon)})`)}`;
  });
  return hostProgram;
}

export class SandboxHost {
  private readonly child: ChildProcess;
  private readonly pending = new Map<number, { resolve: (value: Value) => void; reject: (error: Error) => void; timer: NodeJS.Timeout }>();
  private readonly ready: Promise<void>;
  private nextId = 1;
  private inFlight = 0;
  private queue: HostRequest[] = [];
  private flushSoon: 'now' | 'later' | undefined;
  /** When the last command sent must have been answered by: commands run one after another. */
  private horizon = 0;
  private stderr = '';
  lost: HostLost | undefined;
  /** What this host already holds: the driver, and blocks by key (see ./protocol.ts). */
  hasDriver = false;
  readonly blocks = new Set<number>();

  constructor(program: string) {
    this.child = spawn(process.execPath, [...HOST_FLAGS, '--eval', program], {
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      // Nothing of the grader's environment (CI tokens, say) reaches a host.
      env: process.env.TMPDIR ? { TMPDIR: process.env.TMPDIR } : {},
    });
    this.child.stderr!.on('data', (chunk: Buffer) => {
      this.stderr = (this.stderr + chunk.toString()).slice(-STDERR_TAIL);
    });
    this.ready = new Promise((resolve, reject) => {
      this.child.on('message', (message: HostMessage) => {
        if ('ready' in message) return resolve();
        for (const reply of message.replies) {
          const waiting = this.pending.get(reply.id);
          if (!waiting) continue;
          this.settle(reply.id);
          if (reply.ok) waiting.resolve(reply.value);
          else waiting.reject(new Error(reply.message));
        }
      });
      // A process that cannot be started, or a channel that closed under a send.
      this.child.on('error', (error) => {
        live.delete(this);
        this.kill(new HostLost(`the sandbox process failed: ${error.message}`, false));
        reject(this.lost);
      });
      this.child.on('exit', (code, signal) => {
        live.delete(this);
        const detail = this.stderr.trim().split('\n').slice(-3).join(' ');
        this.fail(this.lost ?? new HostLost(`the sandbox process stopped (${signal ?? `exit code ${code}`})${detail ? `: ${detail}` : ''}`, false));
        reject(this.lost);
      });
    });
    this.ready.catch(() => {});
    this.idle();
    live.add(this);
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /**
   * Sends one command; rejects with HostLost when no reply comes within
   * limitMs of the commands before it. Commands issued in the same turn of
   * the event loop go out together as one message.
   */
  async call(command: HostCommand, limitMs: number): Promise<Value> {
    this.inFlight++;
    this.busy();
    try {
      await this.ready;
      if (this.lost) throw this.lost;
      const id = this.nextId++;
      return await new Promise<Value>((resolve, reject) => {
        this.horizon = Math.max(Date.now(), this.horizon) + limitMs;
        const timer = setTimeout(() => this.kill(new HostLost(`no reply within ${limitMs} ms`, true)), this.horizon - Date.now());
        this.pending.set(id, { resolve, reject, timer });
        this.queue.push({ id, ...command });
        if (this.flushSoon !== 'now') {
          this.flushSoon = 'now';
          setImmediate(() => this.flush());
        }
      });
    } finally {
      if (--this.inFlight === 0) this.idle();
    }
  }

  /**
   * Sends a command whose reply nobody waits for (a dispose) with whatever
   * this host is sent next; that is usually the next submission's open,
   * moments later. It neither keeps the grader alive nor times out.
   */
  post(command: HostCommand): void {
    if (this.lost) return;
    this.queue.push({ id: this.nextId++, ...command });
    if (this.flushSoon === undefined) {
      this.flushSoon = 'later';
      setTimeout(() => this.flush(), POST_DELAY_MS).unref();
    }
  }

  private flush(): void {
    const batch = this.queue;
    this.queue = [];
    this.flushSoon = undefined;
    if (!this.lost && batch.length > 0) this.child.send({ batch });
  }

  kill(reason: HostLost): void {
    this.lost ??= reason;
    this.child.kill('SIGKILL');
    this.fail(reason);
  }

  private settle(id: number): void {
    clearTimeout(this.pending.get(id)?.timer);
    this.pending.delete(id);
  }

  private fail(reason: HostLost): void {
    this.lost ??= reason;
    for (const [id, waiting] of this.pending) {
      this.settle(id);
      waiting.reject(reason);
    }
  }

  // An idle host must not keep the grader alive; one with a call in flight (or starting) must.
  private busy(): void {
    this.child.ref();
    this.child.channel?.ref();
  }

  private idle(): void {
    this.child.unref();
    this.child.channel?.unref();
    (this.child.stderr as { unref?: () => void } | null)?.unref?.();
  }
}

const idleHosts: SandboxHost[] = [];
const live = new Set<SandboxHost>();

/** Process ids of the hosts running now, busy or idle. */
export function hostPids(): number[] {
  return [...live].flatMap((host) => (host.pid === undefined ? [] : [host.pid]));
}

/** A host for one submission: an idle one, or a new one when all are busy. */
export async function acquireHost(): Promise<SandboxHost> {
  let host: SandboxHost | undefined;
  while ((host = idleHosts.pop())) if (!host.lost) return host;
  return new SandboxHost(await program());
}

export function releaseHost(host: SandboxHost): void {
  if (!host.lost) idleHosts.push(host);
}
