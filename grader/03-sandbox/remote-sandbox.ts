/**
 * The Sandbox the grader uses: a fresh isolate per submission, opened in a
 * sandbox host process (./host/). Requests are serialised here, in the
 * trusted process; what comes back is strings and arrays of numbers. If a host
 * hangs beyond a call's own time limit or dies, the call ends as a timeout or
 * a crash of this submission, and the next submission gets a new host.
 */
import { acquireHost, HostLost, releaseHost, type SandboxHost } from './host/host-pool.ts';
import type { Block } from './host/protocol.ts';
import type { Outcome, Sandbox, SandboxLimits } from './sandbox-types.ts';
import { serialise } from './wire.ts';

/** Time a host gets beyond a call's own limit before it counts as hung. */
const GRACE_MS = 5000;
/** Limit for calls that run no student code (open, output, dispose). */
const HOUSEKEEPING_MS = 15_000;

let sessions = 0;

/**
 * What a whole host process may hold while it runs a submission: the heap
 * cap twice over (an isolate's own structures and its code come on top of the
 * heap) plus room for the host itself (Node, isolated-vm, the driver).
 */
export function hostRssLimitMb(memoryMb: number): number {
  return 2 * memoryMb + 256;
}

/**
 * Opens a session on a host without waiting for it: the host handles
 * commands in order, so the loads that follow go out with the open in one
 * message. If the open fails, so does every call after it, with the reason.
 */
async function openOn(limits: SandboxLimits, session: number): Promise<SandboxHost> {
  const host = await acquireHost();
  host.rssLimitMb = hostRssLimitMb(limits.memoryMb);
  host.call({ op: 'open', session, limits }, HOUSEKEEPING_MS).catch(() => {});
  return host;
}

/** Blocks at least this long are sent to a host once, then named by key. */
const KEEP_AT = 4096;
const blockKeys = new WeakMap<Float64Array, number>();
let blocks = 0;

function asBlock(host: SandboxHost, part: Float64Array): Block {
  if (part.length < KEEP_AT) return part;
  let key = blockKeys.get(part);
  if (key === undefined) blockKeys.set(part, (key = ++blocks));
  if (host.blocks.has(key)) return { key };
  host.blocks.add(key);
  return { key, values: part };
}

export async function openRemoteSandbox(limits: SandboxLimits): Promise<Sandbox> {
  const session = ++sessions;
  const host = await openOn(limits, session);
  let disposed = false;

  async function call(command: Parameters<SandboxHost['call']>[0], timeoutMs: number): Promise<Outcome> {
    try {
      return (await host.call(command, timeoutMs + GRACE_MS)) as Outcome;
    } catch (error) {
      if (error instanceof HostLost && error.hung) return { kind: 'timeout', ms: timeoutMs };
      if (error instanceof HostLost && error.memory) return { kind: 'memory' };
      return { kind: 'crash', message: error instanceof Error ? error.message : String(error) };
    }
  }

  return {
    load: (name, { file, code, format }, timeoutMs) =>
      call({ op: 'load', session, name, file, code, format, timeoutMs }, timeoutMs),
    run(request, timeoutMs) {
      const { json, parts } = serialise(request);
      return call({ op: 'run', session, json, blocks: parts.map((part) => asBlock(host, part)), timeoutMs }, timeoutMs);
    },
    async output() {
      try {
        return (await host.call({ op: 'output', session }, HOUSEKEEPING_MS)) as { output: string; truncated: boolean };
      } catch {
        return { output: '', truncated: false };
      }
    },
    dispose() {
      if (disposed || host.lost) return;
      disposed = true;
      // A host handles requests in order, so the next submission's open comes after this.
      host.post({ op: 'dispose', session });
      releaseHost(host);
    },
  };
}
