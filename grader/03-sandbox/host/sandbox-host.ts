/**
 * The sandbox host: a child process of the grader whose only job is to run
 * isolates (../isolate-session.ts) on request. Student code runs in those
 * isolates, never here; this process only creates them, passes strings in and
 * out, and throws them away. It is started by ./host-pool.ts, which explains
 * why it runs apart from the grader. It exits when the grader goes away.
 */
import { openIsolateSession, type IsolateSession } from '../isolate-session.ts';
import type { HostCommand, HostMessage, HostReply, HostRequest } from './protocol.ts';

const sessions = new Map<number, IsolateSession>();

function session(id: number): IsolateSession {
  const found = sessions.get(id);
  if (!found) throw new Error(`no open sandbox ${id}`);
  return found;
}

async function handle(command: HostCommand): Promise<Extract<HostReply, { ok: true }>['value']> {
  switch (command.op) {
    case 'open':
      sessions.set(command.session, openIsolateSession(command.driver, command.limits));
      return null;
    case 'load':
      return session(command.session).load(command.name, command.file, command.code, command.timeoutMs);
    case 'run':
      return session(command.session).run(command.json, command.numbers, command.timeoutMs);
    case 'output':
      return session(command.session).output();
    case 'dispose':
      sessions.get(command.session)?.dispose();
      sessions.delete(command.session);
      return null;
  }
}

process.on('message', (request: HostRequest) => {
  handle(request).then(
    (value) => send({ id: request.id, ok: true, value }),
    (error: unknown) => send({ id: request.id, ok: false, message: error instanceof Error ? error.message : String(error) }),
  );
});

function send(message: HostMessage): void {
  if (process.connected) process.send!(message);
}

// The grader exited or dropped this host: nothing is left to serve.
process.on('disconnect', () => process.exit(0));
send({ ready: true });
