/**
 * Two numbers agree when |student - reference| <= atol + rtol * |reference|,
 * as numpy's allclose. The relative part scales with the gradient; the
 * absolute part lets a tiny gradient (tanh at 20 is ~1e-17) be computed as 0.
 */
export interface Tolerance {
  rtol: number;
  atol: number;
}

export function close(student: number | string, reference: number, tol: Tolerance): boolean {
  if (typeof student !== 'number') return false;
  return Math.abs(student - reference) <= tol.atol + tol.rtol * Math.abs(reference);
}

/** A number as a person reads it: short, but never rounding 1.9999 to 2. */
export function show(value: number | string): string {
  if (typeof value !== 'number') return value;
  if (Number.isInteger(value)) return String(value);
  const short = Number(value.toPrecision(6));
  return String(short === value ? short : Number(value.toPrecision(10)));
}
