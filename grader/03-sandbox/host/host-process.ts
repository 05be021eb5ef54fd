/**
 * One sandbox host process and the conversation with it: commands out,
 * replies back by id, each command with a time limit. Commands issued in the
 * same turn of the event loop travel as one message (see ./protocol.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { addStageTime, stageClockRunning, type Stage } from '../../stage-clock.ts';
import type { HostCommand, HostMessage, HostReply, HostRequest } from './protocol.ts';
import { watchRss } from './rss-watch.ts';

type Value = Extract<HostReply, { ok: true }>['value'];

/** Why a call got no reply: the host exceeded the call's limit or its memory (and was killed), or died. */
export class HostLost extends Error {
  constructor(
    message: string,
    readonly hung: boolean,
    readonly memory = false,
  ) {
    super(message);
  }
}

const STDERR_TAIL = 2000;

/** How long a posted command may wait for company (see SandboxHost.post). */
const POST_DELAY_MS = 250;

/** The stage of the profile each command's time belongs to (see ../../stage-clock.ts). */
const STAGE_OF: Record<HostCommand['op'], Stage> = {
  open: 'isolate',
  dispose: 'isolate',
  load: 'load',
  run: 'cases',
  output: 'cases',
};

export class SandboxHost {
  private readonly child: ChildProcess;
  private readonly pending = new Map<
    number,
    { resolve: (value: Value) => void; reject: (error: Error) => void; timer: NodeJS.Timeout }
  >();
  private readonly ready: Promise<void>;
  private nextId = 1;
  private inFlight = 0;
  private queue: HostRequest[] = [];
  private flushSoon: 'now' | 'later' | undefined;
  /** When the last command sent must have been answered by: commands run one after another. */
  private horizon = 0;
  private stderr = '';
  /** While the stage clock runs: each command's op by id, until its reply says how long it took. */
  private readonly ops = new Map<number, HostCommand['op']>();
  lost: HostLost | undefined;
  /** Blocks this host already holds, by key (see ./protocol.ts). */
  readonly blocks = new Set<number>();
  /** The whole process's resident memory may not pass this while a call runs (./rss-watch.ts). */
  rssLimitMb = Number.POSITIVE_INFINITY;
  private watch: NodeJS.Timeout | undefined;

  /** Starts `node <flags> --eval <program>`; `onGone` runs once the process is gone. */
  constructor(program: string, flags: string[], onGone: () => void) {
    this.child = spawn(process.execPath, [...flags, '--eval', program], {
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
          const op = this.ops.get(reply.id);
          if (op) {
            this.ops.delete(reply.id);
            addStageTime(STAGE_OF[op], reply.ms ?? 0);
          }
          const waiting = this.pending.get(reply.id);
          if (!waiting) continue;
          this.settle(reply.id);
          if (reply.ok) waiting.resolve(reply.value);
          else waiting.reject(new Error(reply.message));
        }
      });
      // A process that cannot be started, or a channel that closed under a send.
      this.child.on('error', (error) => {
        onGone();
        this.kill(new HostLost(`the sandbox process failed: ${error.message}`, false));
        reject(this.lost);
      });
      this.child.on('exit', (code, signal) => {
        onGone();
        const detail = lastWords(this.stderr);
        this.fail(
          this.lost ??
            new HostLost(
              `the sandbox process stopped (${signal ?? `exit code ${code}`})${detail ? `: ${detail}` : ''}`,
              false,
            ),
        );
        reject(this.lost);
      });
    });
    this.ready.catch(() => {});
    this.idle();
  }

  /** Settles once the host listens; rejects with HostLost if it never does. */
  async started(): Promise<void> {
    this.inFlight++;
    this.busy();
    try {
      await this.ready;
    } finally {
      if (--this.inFlight === 0) this.idle();
    }
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
        const timer = setTimeout(
          () => this.kill(new HostLost(`no reply within ${limitMs} ms`, true)),
          this.horizon - Date.now(),
        );
        this.pending.set(id, { resolve, reject, timer });
        this.send({ id, ...command });
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
    this.send({ id: this.nextId++, ...command });
    if (this.flushSoon === undefined) {
      this.flushSoon = 'later';
      setTimeout(() => this.flush(), POST_DELAY_MS).unref();
    }
  }

  private send(request: HostRequest): void {
    if (stageClockRunning()) this.ops.set(request.id, request.op);
    this.queue.push(request);
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
    this.watch ??= watchRss(
      this.child.pid,
      () => this.rssLimitMb,
      (mb) =>
        this.kill(
          new HostLost(`the sandbox process grew to ${mb} MB, past its limit of ${this.rssLimitMb} MB`, false, true),
        ),
    );
  }

  private idle(): void {
    clearInterval(this.watch);
    this.watch = undefined;
    this.child.unref();
    this.child.channel?.unref();
    (this.child.stderr as { unref?: () => void } | null)?.unref?.();
  }
}

/** What a dying host last said: its error's own line if there is one (not the stack, nor Node's version). */
function lastWords(stderr: string): string {
  const lines = stderr
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const error = lines.find((line) => /^([A-Z]\w*)?Error\b.*:/.test(line));
  return (
    error ??
    lines
      .filter((line) => !/^Node\.js v/.test(line))
      .slice(-3)
      .join(' ')
  );
}
