/**
 * The types of the one interface between grading and the place where student
 * code runs. Everything that crosses it is a string, a plain number or an array
 * of numbers. Kept apart from ./sandbox.ts, which also names the implementation,
 * so that the implementation can use these types without importing itself.
 */
import type { PreparedFile } from '../02-load/prepare-file.ts';
import type { Request } from './driver.ts';

export type { PreparedFile, Request };

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
  /** Evaluates a prepared student file; it becomes visible to `run` under `name`. */
  load(name: string, file: PreparedFile, timeoutMs: number): Promise<Outcome>;
  /** Runs one request against the loaded modules. */
  run(request: Request, timeoutMs: number): Promise<Outcome>;
  /** Everything the student's code printed so far (capped). */
  output(): Promise<{ output: string; truncated: boolean }>;
  dispose(): void;
}
