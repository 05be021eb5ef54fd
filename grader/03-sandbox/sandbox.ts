/**
 * The one interface between grading and the place where student code runs.
 * Everything that crosses it is a string, a plain number or an array of numbers.
 */
import type { Bundle } from '../02-load/bundle.ts';
import type { Request } from './driver.ts';

export type { Bundle, Request };

export interface SandboxLimits {
  /** Heap cap for one submission, in MiB. */
  memoryMb: number;
  /** Wall-clock budget for one case (and for loading one module), in ms. */
  caseTimeoutMs: number;
}

/** What came back from a call into the sandbox. */
export type Outcome =
  /** `numbers` holds graph data and grad (see ./wire.ts). */
  | { kind: 'reply'; json: string; numbers?: Float64Array }
  | { kind: 'timeout'; ms: number }
  | { kind: 'memory' }
  | { kind: 'crash'; message: string };

export interface Sandbox {
  /** Evaluates a bundled student module; it becomes visible to `run` under `name`. */
  load(name: string, bundle: Bundle, timeoutMs: number): Promise<Outcome>;
  /** Runs one request against the loaded modules. */
  run(request: Request, timeoutMs: number): Promise<Outcome>;
  /** Everything the student's code printed so far (capped). */
  output(): Promise<{ output: string; truncated: boolean }>;
  dispose(): void;
}

export { openRemoteSandbox as openSandbox } from './remote-sandbox.ts';
export { sandboxAvailable } from './host/host-pool.ts';
