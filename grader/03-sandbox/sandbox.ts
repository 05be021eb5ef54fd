/**
 * The one interface between grading and the place where student code runs:
 * its types (./sandbox-types.ts) and the implementation the grader uses.
 */
export type * from './sandbox-types.ts';
export { openRemoteSandbox as openSandbox } from './remote-sandbox.ts';
export { startSandbox } from './host/host-pool.ts';
