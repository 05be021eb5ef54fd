/**
 * Sandboxes live in host processes (grader/03-sandbox/host/). A host that
 * dies, whatever the cause, must cost only the call it was serving, and a
 * host must not hold anything of the grader's environment.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SubmissionSource } from '../../../grader/01-discover/discover.ts';
import { confirmStarted, hostPids, SandboxHost } from '../../../grader/03-sandbox/host/host-pool.ts';
import { openSandbox } from '../../../grader/03-sandbox/sandbox.ts';
import { decodeReply } from '../../../grader/03-sandbox/wire.ts';
import { GraderError } from '../../../grader/errors.ts';
import { gradeAll } from '../../../grader/grade.ts';
import { testConfig } from '../support/fixture-class.ts';

const limits = { memoryMb: 64, caseTimeoutMs: 20_000 };
const script = (body: string) => ({
  file: 'exercises/engine.ts',
  format: 'script' as const,
  code: `var __gradelab_engine = (() => { ${body}; return { Value: class {} }; })();`,
});

describe('sandbox host processes', () => {
  it('a host killed in the middle of a call fails that call only; the next sandbox gets a new host', async () => {
    const sandbox = await openSandbox(limits);
    const [pid] = hostPids();
    expect(pid).toBeTypeOf('number');
    const hanging = sandbox.load('engine', script('while (true) {}'), 20_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    for (const each of hostPids()) process.kill(each, 'SIGKILL');
    const outcome = await hanging;
    expect(outcome.kind).toBe('crash');
    expect(outcome.kind === 'crash' && outcome.message).toMatch(/sandbox process stopped \(SIGKILL\)/);
    sandbox.dispose();

    const next = await openSandbox(limits);
    expect(hostPids()).not.toContain(pid);
    expect(await next.load('engine', script('const x = 1'), 5000)).toEqual({ kind: 'reply', json: '{"ok":true}' });
    next.dispose();
  });

  it("a host starts with none of the grader's environment variables", async () => {
    const secret = `canary-${randomUUID()}`;
    process.env.GRADELAB_TEST_SECRET = secret;
    try {
      for (const each of hostPids()) process.kill(each, 'SIGKILL');
      await new Promise((resolve) => setTimeout(resolve, 100));
      const sandbox = await openSandbox(limits);
      const pids = hostPids();
      expect(pids.length).toBeGreaterThan(0);
      for (const pid of pids) {
        const environment = readFileSync(`/proc/${pid}/environ`, 'utf8');
        expect(environment).not.toContain(secret);
        // Only what Node itself adds for the channel to the grader (and TMPDIR, if set).
        const names = environment
          .split('\0')
          .filter(Boolean)
          .map((entry) => entry.split('=')[0]);
        expect(
          names.filter((name) => !/^(NODE_CHANNEL_FD|NODE_CHANNEL_SERIALIZATION_MODE|TMPDIR)$/.test(name)),
        ).toEqual([]);
      }
      sandbox.dispose();
    } finally {
      delete process.env.GRADELAB_TEST_SECRET;
    }
  });

  it('numbers that are not finite come back described, not as numbers', async () => {
    const sandbox = await openSandbox(limits);
    const engine = `var __gradelab_engine = (() => {
      class Value {
        constructor(data) { this.data = data; this.grad = 0; this._back = () => {}; }
        add(other) {
          const out = new Value(this.data + other.data);
          out._back = () => { this.grad = 'oops'; other.grad = Infinity; };
          return out;
        }
        backward() { this.grad = 1; this._back(); }
      }
      return { Value };
    })();`;
    expect(
      (await sandbox.load('engine', { file: 'exercises/engine.ts', format: 'script', code: engine }, 5000)).kind,
    ).toBe('reply');
    const graph = {
      nodes: [
        { id: 'a', value: 2 },
        { id: 'b', value: 3 },
        { id: 'c', op: 'add' as const, args: ['a', 'b'] },
      ],
      output: 'c',
    };
    const outcome = await sandbox.run({ kind: 'graph', graph }, 5000);
    sandbox.dispose();
    expect(outcome.kind).toBe('reply');
    const reply = outcome.kind === 'reply' ? decodeReply(JSON.parse(outcome.json), outcome.numbers) : undefined;
    expect(reply).toEqual({ ok: true, data: [2, 3, 5], grad: ['not a number (string)', 'Infinity', 1] });
  });

  it('a host that cannot start is one grader error (E_SANDBOX_UNAVAILABLE), with the reason', async () => {
    // As when isolated-vm is missing, or was built for another version of Node.
    const broken = new SandboxHost('require("/nowhere/isolated-vm.node")', [], () => {});
    const error = await confirmStarted(broken).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(GraderError);
    expect(error).toMatchObject({
      code: 'E_SANDBOX_UNAVAILABLE',
      message: expect.stringMatching(
        /cannot be run on this machine: the sandbox process stopped \(exit code 1\).*Cannot find module/,
      ),
    });
  });

  it('that error stops the run instead of being recorded against each student', async () => {
    const sources: SubmissionSource[] = ['a', 'b', 'c'].map((id) => ({ id, kind: 'folder', path: `/nowhere/${id}` }));
    let calls = 0;
    const run = gradeAll(sources, testConfig({ concurrency: 1 }), undefined, {
      gradeOne: async () => {
        calls++;
        throw new GraderError('E_SANDBOX_UNAVAILABLE', 'no sandbox');
      },
    });
    await expect(run).rejects.toMatchObject({ code: 'E_SANDBOX_UNAVAILABLE' });
    expect(calls).toBe(1);
  });
});
