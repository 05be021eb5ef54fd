/**
 * Messages between the grader and a sandbox host process. Every request
 * carries an id; the host answers each with exactly one reply of that id.
 */
import type { Outcome, SandboxLimits } from '../sandbox.ts';

export type HostCommand =
  | { op: 'open'; session: number; driver: string; limits: SandboxLimits }
  | { op: 'load'; session: number; name: string; file: string; code: string; timeoutMs: number }
  | { op: 'run'; session: number; json: string; numbers: Float64Array; timeoutMs: number }
  | { op: 'output'; session: number }
  | { op: 'dispose'; session: number };

export type HostRequest = HostCommand & { id: number };

export type HostReply = { id: number; ok: true; value: Outcome | { output: string; truncated: boolean } | null } | { id: number; ok: false; message: string };

/** Everything a host sends: replies, and once, when it listens, `ready`. */
export type HostMessage = HostReply | { ready: true };
