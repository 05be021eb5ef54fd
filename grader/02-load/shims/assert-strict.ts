/** node:assert/strict inside the sandbox: node:assert's strict mode (./assert.ts). */
import { strict } from './assert.ts';

export { AssertionError, deepStrictEqual, fail, ok, strictEqual, throws } from './assert.ts';
export default strict;
