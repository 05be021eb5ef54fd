/**
 * The sandbox host: a child process of the grader whose only job is to run
 * isolates (../isolate-session.ts) on request. Student code runs in those
 * isolates, never here; this process only creates them, passes strings in and
 * out, and throws them away. It is started by ./host-pool.ts, which explains
 * why it runs apart from the grader. It exits when the grader goes away.
 */
import { openIsolateSession, type IsolateSession } from '../isolate-session.ts';
import type { Block, HostCommand, HostEnvelope, HostMessage, HostReply } from './protocol.ts';

/** The driver's code, put in when the grader bundles this file (see ./host-pool.ts). */
declare const __GRADELAB_DRIVER__: string;

const sessions = new Map<number, IsolateSession>();
const kept = new Map<number, Float64Array>();

/** The request's numbers as one array, keeping blocks sent for later use. */
function numbers(blocks: Block[]): Float64Array {
  const parts = blocks.map((block) => {
    if (block instanceof Float64Array) return block;
    if (block.values) kept.set(block.key, block.values);
    const values = kept.get(block.key);
    if (!values) throw new Error(`no block ${block.key} on this host`);
    return values;
  });
  const joined = new Float64Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    joined.set(part, at);
    at += part.length;
  }
  return joined;
}

function session(id: number): IsolateSession {
  const found = sessions.get(id);
  if (!found) throw new Error(`no open sandbox ${id}`);
  return found;
}

function handle(command: HostCommand): Extract<HostReply, { ok: true }>['value'] {
  switch (command.op) {
    case 'open':
      sessions.set(command.session, openIsolateSession(__GRADELAB_DRIVER__, command.limits));
      return null;
    case 'load':
      return session(command.session).load(command.name, command, command.timeoutMs);
    case 'run':
      return session(command.session).run(command.json, numbers(command.blocks), command.timeoutMs);
    case 'output':
      return session(command.session).output();
    case 'dispose':
      sessions.get(command.session)?.dispose();
      sessions.delete(command.session);
      return null;
  }
}

// Commands run one after another, in the order sent; isolate calls are synchronous.
process.on('message', ({ batch }: HostEnvelope) => {
  const replies = batch.map((request): HostReply => {
    const started = process.cpuUsage();
    const ms = () => {
      const { user, system } = process.cpuUsage(started);
      return (user + system) / 1000;
    };
    try {
      const value = handle(request);
      return { id: request.id, ok: true, value, ms: ms() };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { id: request.id, ok: false, message, ms: ms() };
    }
  });
  send({ replies });
});

function send(message: HostMessage): void {
  if (process.connected) process.send!(message);
}

// The grader exited or dropped this host: nothing is left to serve.
process.on('disconnect', () => process.exit(0));
send({ ready: true });
