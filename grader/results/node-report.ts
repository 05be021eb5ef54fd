/**
 * One node of a graph case as results.json records it: what the student's
 * engine computed beside the reference. Judging (04-compare) makes these and
 * every output reads them, so the type lives with the results model.
 */

/** A student's number: a value that is not finite (NaN, ±Infinity) comes back as a description in words. */
export type Num = number | string;

export interface NodeReport {
  id: string;
  op: string;
  args: Array<string | number>;
  student: { data: Num; grad: Num };
  expected: { data: number; grad: number };
  ok: boolean;
  /** Wrong, while every node that consumes it is right: where a local rule broke. */
  divergence?: boolean;
}
