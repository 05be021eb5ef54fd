/**
 * A required method your Value does not have yet fails only the tests that
 * call it, with the fix, instead of "x.tanh is not a function": every other
 * test still runs, as the grader grades every other case.
 */

/** How the lecture calls each required op: tanh takes no operand. */
const REQUIRED: Record<string, string> = { add: 'a.add(b)', mul: 'a.mul(b)', tanh: 'a.tanh()' };

export function explainMissingMethods(Value: unknown): void {
  if (typeof Value !== 'function') return;
  const proto = (Value as { prototype: Record<string, unknown> }).prototype;
  for (const [name, call] of Object.entries(REQUIRED)) {
    // A method the class makes in its constructor (this.tanh = ...) shadows this one, as it should.
    if (typeof proto[name] === 'function') continue;
    Object.defineProperty(proto, name, {
      configurable: true,
      writable: true,
      value() {
        throw new TypeError(`Value has no method ${name}(): write it as the lecture does (${call})`);
      },
    });
  }
}
