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
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { BUILD } from '../../build-info.ts';
import { GraderError } from '../../errors.ts';
import { packagePath } from '../../package-root.ts';
import { SandboxHost } from './host-process.ts';

export { HostLost, SandboxHost } from './host-process.ts';

/**
 * V8 flags for hosts, each measured with `npm run bench`:
 * - no optimising compiler (see above);
 * - no helper threads at all (garbage collection, compilers): a host runs one
 *   isolate at a time, and on a machine where the grader keeps one host per
 *   core busy, helper threads only compete with the other hosts;
 * - a young generation of a fixed 4 MB per semi-space. isolated-vm sizes it
 *   from the heap cap (2 MB in all for a 128 MB cap), so the long chain,
 *   whose nodes all stay alive, was scavenged and copied several times before
 *   it was promoted. Under Node 24 the fixed size cut the chain's cost in the
 *   sandbox by about a fifth. Both bounds are set: isolated-vm's own limit
 *   overrides a minimum alone.
 */
export const HOST_FLAGS = ['--no-opt', '--single-threaded', '--min-semi-space-size=4', '--max-semi-space-size=4'];

let hostSource: Promise<string> | undefined;

/**
 * The host's code (./host-program.ts): read from the build, or bundled once
 * per process when running as source (the bundler then loads only here).
 * isolated-vm is required by its absolute path, so that a host works from
 * any working directory.
 */
function hostScript(): Promise<string> {
  hostSource ??= (async () => {
    const host = BUILD
      ? await readFile(packagePath(BUILD.hostProgram), 'utf8')
      : await (await import('./host-program.ts')).bundleHostProgram();
    const parts = host.split('require("isolated-vm")');
    if (parts.length !== 2) throw new Error('the sandbox host bundle does not load isolated-vm exactly once');
    const addon = createRequire(import.meta.url).resolve('isolated-vm');
    return `// gradelab sandbox host\n${parts.join(`require(${JSON.stringify(addon)})`)}`;
  })();
  return hostSource;
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
  const started: SandboxHost = new SandboxHost(await hostScript(), HOST_FLAGS, () => live.delete(started));
  live.add(started);
  return started;
}

export function releaseHost(host: SandboxHost): void {
  if (!host.lost) idleHosts.push(host);
}

let checked: Promise<void> | undefined;

/**
 * Resolves once a host has started in this process. If none can (isolated-vm
 * missing or built for another Node), nothing can be graded: that is one
 * grader error, not a crash recorded against every student. A failure
 * stays: an install does not mend itself in the middle of a run.
 */
function sandboxAvailable(): Promise<void> {
  checked ??= (async () => {
    const host = await acquireHost();
    await confirmStarted(host);
    releaseHost(host);
  })().catch((error: unknown) => {
    throw unavailable(error);
  });
  return checked;
}

/**
 * sandboxAvailable, begun now and awaited later: the first host starts while
 * a submission loads. A failure is reported where the promise is awaited.
 */
export function startSandbox(): Promise<void> {
  const available = sandboxAvailable();
  available.catch(() => {});
  return available;
}

/** Waits for a host to listen; E_SANDBOX_UNAVAILABLE if it stops first. */
export function confirmStarted(host: SandboxHost): Promise<void> {
  return host.started().catch((error: unknown) => {
    throw unavailable(error);
  });
}

function unavailable(error: unknown): GraderError {
  if (error instanceof GraderError) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new GraderError('E_SANDBOX_UNAVAILABLE', `student code cannot be run on this machine: ${reason}`, {
    details: [
      'check that `npm install` finished without errors (isolated-vm is built for the Node version that runs the grader)',
    ],
  });
}
