/**
 * Messages between the grader and a sandbox host process. Every request
 * carries an id; the host answers each with exactly one reply of that id.
 */
import type { PreparedFile, Outcome, SandboxLimits } from '../sandbox-types.ts';

/**
 * Numbers for a request, in order. Big blocks that every submission needs
 * (the long chain's program) cross once per host and are named by a key
 * afterwards.
 */
export type Block = Float64Array | { key: number; values?: Float64Array };

export type HostCommand =
  | { op: 'open'; session: number; limits: SandboxLimits }
  | ({ op: 'load'; session: number; name: string; timeoutMs: number } & PreparedFile)
  | { op: 'run'; session: number; json: string; blocks: Block[]; timeoutMs: number }
  | { op: 'output'; session: number }
  | { op: 'dispose'; session: number };

export type HostRequest = HostCommand & { id: number };

/** `ms`: the CPU time the host spent on the command (for the stage profile, ../../stage-clock.ts). */
export type HostReply = (
  | { id: number; ok: true; value: Outcome | { output: string; truncated: boolean } | null }
  | { id: number; ok: false; message: string }
) & { ms?: number };

/**
 * Commands issued together (a submission's open, loads and first request)
 * travel as one message and are answered by one: on a small virtual machine
 * each message between processes costs a visible share of a submission.
 */
export type HostEnvelope = { batch: HostRequest[] };

/** Everything a host sends: replies, and once, when it listens, `ready`. */
export type HostMessage = { replies: HostReply[] } | { ready: true };
