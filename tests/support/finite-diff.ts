/**
 * Reference gradients, computed the slow and obvious way.
 *
 * The expected numbers in the public tests never come from an autograd engine:
 * they come from plain-number functions, nudged a tiny step each way. So a
 * test can never share a bug with the code it checks, and you can see exactly
 * which function is being differentiated.
 *
 *   numericGrads((a, b) => a * b, { a: 2, b: -3 })   // ≈ { a: -3, b: 2 }
 *
 * The function's parameters take the values of the object's keys, in order.
 */

/** Relative step. Central differences are accurate to about step², far inside the tests' tolerance. */
const STEP = 1e-5;

/** df/dx at x, by the central difference (f(x + h) - f(x - h)) / 2h. */
export function derivative(f: (x: number) => number, x: number): number {
  // Scale the step with x, so a large input still moves by a visible amount.
  const h = STEP * Math.max(1, Math.abs(x));
  return (f(x + h) - f(x - h)) / (2 * h);
}

/** The partial derivative of `f` with respect to each named input, at the given point. */
export function numericGrads<K extends string>(
  f: (...inputs: number[]) => number,
  at: Record<K, number>,
): Record<K, number> {
  const names = Object.keys(at) as K[];
  const point = names.map((name) => at[name]);
  const grads = {} as Record<K, number>;
  names.forEach((name, i) => {
    grads[name] = derivative((x) => {
      const moved = point.slice();
      moved[i] = x;
      return f(...moved);
    }, point[i]);
  });
  return grads;
}
