/**
 * Wraps the Sandbox interface (grader/03-sandbox/sandbox.ts) so a test can
 * see everything that crosses into the sandbox: which files were loaded and
 * every request. Installed with vi.mock in the test that needs it.
 */
import type { Request, Sandbox, SandboxLimits } from '../../../grader/03-sandbox/sandbox.ts';

export interface SandboxCall {
  sandbox: number;
  kind: 'load' | 'run';
  limits: SandboxLimits;
  /** For loads: the module name and the file it came from. */
  name?: string;
  file?: string;
  /** For runs: a copy of the request exactly as sent. */
  request?: Request;
}

export const sandboxCalls: SandboxCall[] = [];
let opened = 0;

export function recordingOpen(
  open: (limits: SandboxLimits) => Promise<Sandbox>,
): (limits: SandboxLimits) => Promise<Sandbox> {
  return async (limits) => {
    const sandbox = await open(limits);
    const id = ++opened;
    return {
      load(name, prepared, timeoutMs) {
        sandboxCalls.push({ sandbox: id, kind: 'load', limits, name, file: prepared.file });
        return sandbox.load(name, prepared, timeoutMs);
      },
      run(request, timeoutMs) {
        sandboxCalls.push({ sandbox: id, kind: 'run', limits, request: structuredClone(request) });
        return sandbox.run(request, timeoutMs);
      },
      output: () => sandbox.output(),
      dispose: () => sandbox.dispose(),
    };
  };
}
