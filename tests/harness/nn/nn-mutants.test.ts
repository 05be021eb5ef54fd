/**
 * The second assignment's newer mutants, each checked against an
 * independent account of the same mistake (plain arithmetic on the
 * reference's numbers, or the course's own solutions/nn.ts run the wrong
 * way), and the order probe's decoder on networks built by hand.
 */
import { describe, expect, it } from 'vitest';
import { referenceTraining } from '../../../grader/cases/training/reference-training.ts';
import { probeValue, type OrderProbe } from '../../../grader/cases/training/training-record.ts';
import { describeParameters, parameterName } from '../../../grader/cases/training/parameter-roles.ts';
import { decodeOrder, describeOrder } from '../../../grader/04-compare/parameter-order.ts';
import { allNear, lecture, near, solutionLoss } from '../support/lecture-training.ts';

const nums = (xs: unknown[] | undefined) => xs as number[];
const right = referenceTraining(lecture);

/** Every neuron's bias first: place k of parameters() holds what the contract puts at order[k]. */
function biasFirst(nin: number, nouts: number[]): number[] {
  const sizes = [nin, ...nouts];
  const order: number[] = [];
  let at = 0;
  nouts.forEach((nout, l) => {
    for (let n = 0; n < nout; n++, at += sizes[l] + 1) {
      order.push(at + sizes[l]);
      for (let i = 0; i < sizes[l]; i++) order.push(at + i);
    }
  });
  return order;
}

describe('the newer loop mutants', () => {
  it('loss-is-mean: the loss and every gradient are exactly 1/4 of the reference on four examples', () => {
    const m = referenceTraining(lecture, { lossIsMean: true });
    expect(near(m.loss, (right.loss as number) / 4)).toBe(true);
    expect(
      allNear(
        m.grads,
        nums(right.grads).map((g) => g / 4),
      ),
    ).toBe(true);
  });

  it("output-layer-linear: each output is the reference's output before its last tanh", () => {
    const m = referenceTraining(lecture, { linearOutput: true });
    expect(allNear(m.forward, nums(right.forward).map(Math.atanh))).toBe(true);
  });

  it('step-before-backward: nothing moves on the first step, then each step lags one behind', () => {
    for (const form of ['lagging', 'update-first'] as const) {
      const m = referenceTraining(lecture, { stepBeforeBackward: form });
      expect(allNear(m.step!.params, lecture.params), form).toBe(true);
      expect(allNear(m.trajectory![0], nums(right.step!.params)), form).toBe(true);
    }
  });

  it('tells the frozen step-before-backward from zero-grad-after-backward by the grads a step leaves', () => {
    const frozen = referenceTraining(lecture, { stepBeforeBackward: 'frozen' });
    const cleared = referenceTraining(lecture, { zeroGradAfterBackward: true });
    expect(allNear(frozen.trajectory![1], lecture.params)).toBe(true);
    expect(allNear(cleared.trajectory![1], lecture.params)).toBe(true);
    expect(allNear(frozen.step!.grads, nums(right.grads))).toBe(true);
    expect(cleared.step!.grads!.every((g) => g === 0)).toBe(true);
  });

  it("backward-called-twice: the course's own network with loss.backward() run twice gives the same gradients", () => {
    const m = referenceTraining(lecture, { backwardTwice: true });
    const { params, L } = solutionLoss();
    L.backward();
    L.backward();
    expect(
      allNear(
        m.step!.grads,
        params.map((p) => p.grad),
      ),
    ).toBe(true);
    expect(allNear(m.step!.grads, nums(right.grads))).toBe(false);
  });

  it('a partial zeroGrad that clears everything is the reference, one that clears nothing the leaky loop', () => {
    const all = lecture.params.map((_, i) => i);
    expect(referenceTraining(lecture, { clears: all })).toEqual(right);
    const none = referenceTraining(lecture, { clears: [] });
    expect(none.trajectory).toEqual(referenceTraining(lecture, { forgotZeroGrad: true }).trajectory);
  });

  it('parameters-wrong-order: the reference run with each value set where the wrong order puts it', () => {
    const order = biasFirst(3, [4, 4, 1]);
    const m = referenceTraining(lecture, { order });
    const landed: number[] = [];
    order.forEach((role, k) => (landed[role] = lecture.params[k]));
    expect(allNear(m.forward, nums(referenceTraining({ ...lecture, params: landed }).forward))).toBe(true);
  });
});

/** What the sandbox's probe would see on a one-layer network whose parameters() lists order[k] at place k. */
function probeOf(nin: number, nout: number, order: number[], linear = false): OrderProbe['layers'][number] {
  const f = linear ? (x: number) => x : Math.tanh;
  const role = new Map(order.map((r, k) => [r, probeValue(k)]));
  const out = (x: number[]) =>
    Array.from({ length: nout }, (_, n) =>
      f(role.get(n * (nin + 1) + nin)! + x.reduce((s, xi, i) => s + xi * role.get(n * (nin + 1) + i)!, 0)),
    );
  const inputs = [
    Array(nin).fill(0),
    ...Array.from({ length: nin }, (_, i) => Array.from({ length: nin }, (_, j) => +(i === j))),
  ];
  return { nin, nout, count: order.length, outputs: inputs.map(out) };
}

describe('the order probe, decoded', () => {
  const id = (n: number) => Array.from({ length: n }, (_, i) => i);

  it('reads the order of each layer back, through tanh or a linear layer, and finds the identity in order', () => {
    const probe: OrderProbe = { layers: [probeOf(2, 2, id(6)), probeOf(2, 1, id(3), true)], lastBiases: [8] };
    expect(decodeOrder(2, [2, 1], probe)).toEqual(id(9));
    const wrong: OrderProbe = {
      layers: [probeOf(2, 2, biasFirst(2, [2])), probeOf(2, 1, biasFirst(2, [1]))],
      lastBiases: [6],
    };
    expect(decodeOrder(2, [2, 1], wrong)).toEqual(biasFirst(2, [2, 1]));
  });

  it('puts the layers last first when that is where the whole network keeps its last bias', () => {
    const probe: OrderProbe = { layers: [probeOf(2, 2, id(6)), probeOf(2, 1, id(3))], lastBiases: [2] };
    const order = decodeOrder(2, [2, 1], probe)!;
    expect(order).toEqual([6, 7, 8, 0, 1, 2, 3, 4, 5]);
    expect(describeOrder(2, [2, 1], order)).toMatch(/lists the layers last first/);
  });

  it('gives no order when in doubt: numbers that land on no value, a missing layer, a wrong size', () => {
    const garbled = probeOf(2, 2, id(6));
    garbled.outputs![1][0] = 0.123456;
    expect(decodeOrder(2, [2], { layers: [garbled] })).toBeUndefined();
    expect(decodeOrder(2, [2, 1], { layers: [probeOf(2, 2, id(6))] })).toBeUndefined();
    expect(decodeOrder(3, [2], { layers: [probeOf(2, 2, id(6))] })).toBeUndefined();
    expect(
      decodeOrder(2, [2, 1], { layers: [probeOf(2, 2, id(6)), probeOf(2, 1, id(3))], lastBiases: [0] }),
    ).toBeUndefined();
  });
});

describe('parameters by role', () => {
  it('names one parameter by index and role', () => {
    expect(parameterName(3, [4, 4, 1], 3)).toBe('parameter 3 (layer 0, neuron 0, bias)');
    expect(parameterName(3, [4, 4, 1], 21)).toBe('parameter 21 (layer 1, neuron 1, weight 0)');
  });

  it('tells a set of parameters the shortest true way', () => {
    const biases = [3, 7, 11, 15, 20, 25, 30, 35, 40];
    const weights = id41().filter((i) => !biases.includes(i));
    expect(describeParameters(3, [4, 4, 1], biases)).toBe('the 9 biases');
    expect(describeParameters(3, [4, 4, 1], weights)).toBe('the 32 weights');
    expect(describeParameters(3, [4, 4, 1], [36, 37, 38, 39, 40])).toBe('the 5 parameters of layer 2');
    expect(describeParameters(3, [4, 4, 1], id41().slice(0, 36))).toBe('the 36 parameters of layers 0 and 1');
    expect(describeParameters(3, [4, 4, 1], [0, 3])).toBe(
      '2 parameters (layer 0, neuron 0, weight 0; layer 0, neuron 0, bias)',
    );
  });
});

function id41(): number[] {
  return Array.from({ length: 41 }, (_, i) => i);
}
