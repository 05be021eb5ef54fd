/**
 * The usual wrong turns, said once, so every test explains them the same way.
 * Each one is a sentence a tutor would say next to you, naming the slip, not
 * the fix in code.
 */

/** `x.grad = ...` where it must be `x.grad += ...`. */
export function overwrites(node: string): string {
  return `each use of ${node} sends gradient back, so the rule must add (+=), not assign (=)`;
}

/** `+` handing out half of out.grad to each side. */
export const splitsGradient =
  '+ passes the whole of out.grad to each input, not half to each: nudging either input moves the sum by the full amount';

/** `mul` reading a factor's own value instead of the other factor. */
export function usesOwnValue(node: string, other: string): string {
  return `that is ${node}'s own value; in a product, each factor's gradient is the other factor (${other}) times out.grad`;
}

/** A local derivative not multiplied by the gradient from above. */
export function dropsUpstream(rule: string): string {
  return `that is the local derivative of ${rule} alone; the chain rule multiplies it by out.grad, which is not 1 here`;
}

/** `1 - x**2` with the input x, instead of the output t. */
export const tanhUsesInput =
  "that is 1 - x² with the input x; tanh's derivative is 1 - t² where t = tanh(x) is the output";

/** `1 - t` instead of `1 - t**2`. */
export const tanhMissingSquare = "that is 1 - t; tanh's derivative is 1 - t², so the output t must be squared";
