/**
 * What crosses into and out of the sandbox. A request is a JSON string plus
 * one array of numbers: graphs travel as flat programs (../cases/program.ts),
 * code then constants, in the array, and their data and grad come back the
 * same way. Parsing and printing tens of thousands of numbers as JSON, and the
 * garbage it leaves behind, used to cost more than building the long chain.
 */
import { toProgram } from '../cases/graph.ts';
import type { Request } from './driver.ts';

export interface Wire {
  json: string;
  /** The call's numbers, in order; graphs shared by every submission are the same arrays each time. */
  parts: Float64Array[];
}

const encoded = new WeakMap<object, Float64Array>();

export function serialise(request: Request): Wire {
  const parts: Float64Array[] = [];
  let length = 0;
  const text = (each: Request): string => {
    if (each.kind === 'batch') return `{"kind":"batch","requests":[${each.requests.map(text).join(',')}]}`;
    if (each.kind !== 'graph') return JSON.stringify(each);
    const program = toProgram(each.graph);
    let block = encoded.get(each.graph);
    if (!block) {
      block = new Float64Array(program.code.length + program.constants.length);
      block.set(program.code);
      block.set(program.constants, program.code.length);
      encoded.set(each.graph, block);
    }
    const at = length;
    parts.push(block);
    length += block.length;
    return `{"kind":"program","at":${at},"count":${program.code.length},"constants":${program.constants.length},"output":${program.output}}`;
  };
  return { json: text(request), parts };
}

/**
 * Turns a graph reply back into `{ok, data, grad}` for validation. Its
 * position in the numbers is the sandbox's claim, so it is checked; a reply
 * that does not fit is passed on unchanged and fails validation as it should.
 */
export function decodeReply(reply: unknown, numbers: Float64Array | undefined): unknown {
  if (!numbers || reply === null || typeof reply !== 'object') return reply;
  const { ok, at, nodes, nonFinite } = reply as { ok?: unknown; at?: unknown; nodes?: unknown; nonFinite?: unknown };
  if (ok !== true || !Number.isInteger(at) || !Number.isInteger(nodes)) return reply;
  const start = at as number;
  const count = nodes as number;
  if (start < 0 || count < 0 || start + 2 * count > numbers.length) return reply;
  const data: Array<number | string> = new Array(count);
  const grad: Array<number | string> = new Array(count);
  for (let i = 0; i < count; i++) {
    const d = numbers[start + i];
    const g = numbers[start + count + i];
    data[i] = Number.isFinite(d) ? d : 'not a finite number';
    grad[i] = Number.isFinite(g) ? g : 'not a finite number';
  }
  if (Array.isArray(nonFinite)) {
    for (const entry of nonFinite.slice(0, 2 * count)) {
      if (!Array.isArray(entry) || !Number.isInteger(entry[0]) || typeof entry[1] !== 'string') continue;
      const at = entry[0] as number;
      if (at >= 0 && at < count) data[at] = entry[1];
      else if (at >= count && at < 2 * count) grad[at - count] = entry[1];
    }
  }
  return { ok: true, data, grad };
}
