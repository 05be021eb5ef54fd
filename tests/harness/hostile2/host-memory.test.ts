/**
 * A sandbox host whose resident memory passes its limit while it runs a call
 * is killed, and the call ends "for memory" (not as a crash or a hang), with
 * a message that says so. The limit is set below what any host needs, so
 * the first call that runs long enough to be watched passes it.
 */
import { describe, expect, it } from 'vitest';
import { acquireHost, HostLost } from '../../../grader/03-sandbox/host/host-pool.ts';
import { rssMb } from '../../../grader/03-sandbox/host/rss-watch.ts';
import { hostRssLimitMb } from '../../../grader/03-sandbox/remote-sandbox.ts';

describe.runIf(process.platform === 'linux')("a sandbox host's memory", () => {
  it('is read from the process itself', () => {
    expect(rssMb(process.pid)).toBeGreaterThan(10);
    expect(rssMb(2 ** 30)).toBeUndefined();
  });

  it('past its limit, the host is killed and the call is lost for memory', async () => {
    const host = await acquireHost();
    host.rssLimitMb = 1;
    const limits = { memoryMb: 64, caseTimeoutMs: 5000 };
    const call = host.call({ op: 'open', session: 1, limits }, 10_000).then(() =>
      host.call(
        {
          op: 'load',
          session: 1,
          name: 'engine',
          file: 'engine.js',
          code: 'while (true) {}',
          format: 'script',
          timeoutMs: 5000,
        } as Parameters<typeof host.call>[0],
        10_000,
      ),
    );
    const lost = await call.then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(lost).toBeInstanceOf(HostLost);
    expect((lost as HostLost).memory).toBe(true);
    expect((lost as HostLost).message).toMatch(/the sandbox process grew to \d+ MB, past its limit of 1 MB/);
  });

  it('is generous beside the heap cap: twice the cap and room for the host itself', () => {
    expect(hostRssLimitMb(128)).toBe(512);
  });
});
