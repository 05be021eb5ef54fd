/**
 * Graph replies come back as positions in an array of numbers, claimed by
 * the sandbox. Decoding must honour a correct claim exactly and never read
 * outside what the sandbox sent.
 */
import { describe, expect, it } from 'vitest';
import { decodeReply, serialise } from '../../../grader/03-sandbox/wire.ts';
import type { GraphSpec } from '../../../grader/cases/graph.ts';

const graph: GraphSpec = {
  nodes: [
    { id: 'a', value: 2 },
    { id: 'b', op: 'add', args: ['a', 'a'] },
  ],
  output: 'b',
};

describe('wire format', () => {
  it('puts every program of a batch in one array, each at its own place', () => {
    const { json, parts } = serialise({
      kind: 'batch',
      requests: [{ kind: 'graph', graph }, { kind: 'exports' }, { kind: 'graph', graph }],
    });
    const requests = JSON.parse(json).requests;
    expect(requests.map((r: { kind: string }) => r.kind)).toEqual(['program', 'exports', 'program']);
    // Two nodes, four integers each, then the one constant (a's value).
    expect(requests[0]).toMatchObject({ at: 0, count: 8, constants: 1, output: 1 });
    expect(requests[2]).toMatchObject({ at: 9, count: 8, constants: 1, output: 1 });
    // The same graph is encoded once and sent as the very same array each time.
    expect(parts).toHaveLength(2);
    expect(parts[0]).toBe(parts[1]);
    expect(Array.from(parts[0])).toEqual([0, 0, 0, 0, 1, 0, 0, 1, 2]);
  });

  it('decodes data then grad, with what was not a number described in words', () => {
    const numbers = new Float64Array([9, 9, 2, 4, NaN, 1]);
    expect(decodeReply({ ok: true, at: 2, nodes: 2, nonFinite: [[2, 'not a number (undefined)']] }, numbers)).toEqual({
      ok: true,
      data: [2, 4],
      grad: ['not a number (undefined)', 1],
    });
  });

  it('never reports a non-finite number as a number', () => {
    expect(decodeReply({ ok: true, at: 0, nodes: 1 }, new Float64Array([Infinity, NaN]))).toEqual({
      ok: true,
      data: ['not a finite number'],
      grad: ['not a finite number'],
    });
  });

  it('passes on claims that do not fit unchanged, so validation rejects them', () => {
    const numbers = new Float64Array(4);
    for (const claim of [
      { at: 2, nodes: 2 },
      { at: -1, nodes: 1 },
      { at: 0.5, nodes: 1 },
      { at: 0, nodes: '2' },
    ]) {
      const reply = { ok: true, ...claim };
      expect(decodeReply(reply, numbers)).toBe(reply);
    }
    const error = { ok: false, error: { name: 'Error', message: 'x' } };
    expect(decodeReply(error, numbers)).toBe(error);
  });
});
