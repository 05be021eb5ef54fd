/**
 * The Sandbox the grader uses: a fresh isolate per submission, opened in a
 * sandbox host process (./host/). Requests are serialised here, in the
 * trusted process; what comes back is a string or a plain number. If a host
 * hangs beyond a call's own time limit or dies, the call ends as a timeout or
 * a crash of this submission, and the next submission gets a new host.
 */
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { GraderError } from '../errors.ts';
import { acquireHost, HostLost, releaseHost, type SandboxHost } from './host/host-pool.ts';
import type { Outcome, Sandbox, SandboxLimits } from './sandbox.ts';
import { serialise } from './wire.ts';

/** Time a host gets beyond a call's own limit before it counts as hung. */
const GRACE_MS = 5000;
/** Limit for calls that run no student code (open, output, dispose). */
const HOUSEKEEPING_MS = 15_000;

let driverCode: Promise<string> | undefined;
let sessions = 0;

/** The driver is bundled once per grader process and sent with each open. */
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

/** Opens a session on a host; a host that died before answering is replaced once. */
async function openOn(limits: SandboxLimits, session: number): Promise<SandboxHost> {
  const driver = await loadDriver();
  let lastError: unknown;
  for (let attempt = 0; attempt < 2; attempt++) {
    const host = acquireHost();
    try {
      await host.call({ op: 'open', session, driver, limits }, HOUSEKEEPING_MS);
      return host;
    } catch (error) {
      lastError = error;
      if (!host.lost) releaseHost(host);
    }
  }
  throw new GraderError('E_INTERNAL', `could not start a sandbox: ${lastError instanceof Error ? lastError.message : String(lastError)}`);
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
      return { kind: 'crash', message: error instanceof Error ? error.message : String(error) };
    }
  }

  return {
    load: (name, file, code, timeoutMs) => call({ op: 'load', session, name, file, code, timeoutMs }, timeoutMs),
    run: (request, timeoutMs) => call({ op: 'run', session, ...serialise(request), timeoutMs }, timeoutMs),
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
      host.call({ op: 'dispose', session }, HOUSEKEEPING_MS).catch(() => {});
      releaseHost(host);
    },
  };
}
