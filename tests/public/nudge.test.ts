/**
 * Bonus `nudge`: what a gradient predicts (exercises/manual.ts, `nudge`).
 *
 * Optional: while `nudge` is NaN the test is skipped.
 */
import { expect, test } from 'vitest';
import * as manual from '../../exercises/manual';

/** The worked example as a plain function of a (b = -3, c = 10, f = -2). */
const L = (a: number) => (a * -3 + 10) * -2;

test('nudge: if a grows by 0.01, how much does L change?', (ctx) => {
  const nudge: unknown = manual.nudge;
  if (typeof nudge !== 'number' || Number.isNaN(nudge)) ctx.skip('bonus: not attempted (nudge is NaN)');

  // Measured, not derived: move a and watch L.
  const change = L(2 + 0.01) - L(2);
  expect(nudge).toBeAbout(change, {
    in: 'the worked example, a going from 2 to 2.01',
    node: 'the change in L',
    hint: 'the change is about dL/da times the step, 0.01',
    tolerance: 1e-4,
    mistakes: [
      { value: 6, means: 'that is dL/da itself; multiply it by the size of the step, 0.01' },
      { value: L(2.01), means: 'that is the new value of L; the question asks how much it changed' },
    ],
  });
});
