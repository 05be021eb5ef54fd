/**
 * Runs inside the sandbox, after a training run: checks the order of
 * parameters() without reading any field of the student's classes. Each layer
 * of the network is rebuilt alone, as MLP(nin, [nout]); a distinct value is set
 * on each of its parameters(), in order, and read back through the forward
 * pass: at x = 0 each output is tanh of its neuron's bias, at a unit vector
 * e_i it adds that neuron's weight i. Then the whole network, with every
 * parameter 0 but one, tells which places hold the last layer's biases (no
 * other single parameter can move its output). The trusted side decodes the
 * numbers (../../04-compare/parameter-order.ts); nothing here knows the answer.
 */
import { PROBE_VALUE, probeValue, type OrderProbe } from './training-record.ts';

type Num = number | string;
type Param = { data: unknown };
type Model = { forward(x: number[]): unknown; parameters(): unknown };
type ModelClass = new (nin: number, nouts: number[]) => Model;

const isArray = Array.isArray;

function outputs(out: unknown): Num[] {
  const list = isArray(out) ? out : [out];
  return list.map((v) => {
    const data = v !== null && typeof v === 'object' ? (v as Param).data : v;
    return typeof data === 'number' && Number.isFinite(data) ? data : String(data);
  });
}

function listed(model: Model): unknown[] | undefined {
  const ps = model.parameters();
  return isArray(ps) ? (ps as unknown[]) : undefined;
}

function probeLayer(MLP: ModelClass, nin: number, nout: number): OrderProbe['layers'][number] {
  const probe: OrderProbe['layers'][number] = { nin, nout, count: 'not run' };
  try {
    const model = new MLP(nin, [nout]);
    const ps = listed(model);
    if (!ps) return { ...probe, count: 'not an array' };
    probe.count = ps.length;
    if (ps.length !== (nin + 1) * nout) return probe;
    ps.forEach((p, k) => ((p as Param).data = probeValue(k)));
    const inputs = [Array.from({ length: nin }, () => 0)];
    for (let i = 0; i < nin; i++) inputs.push(Array.from({ length: nin }, (_, j) => (j === i ? 1 : 0)));
    probe.outputs = inputs.map((x) => outputs(model.forward(x)));
  } catch {
    // A class that cannot be built with one layer tells nothing about the order.
  }
  return probe;
}

function probeLastBiases(MLP: ModelClass, nin: number, nouts: number[]): number[] | undefined {
  try {
    const model = new MLP(nin, nouts.slice());
    const ps = listed(model);
    if (!ps) return undefined;
    const x = Array.from({ length: nin }, () => 1);
    const moved: number[] = [];
    for (let k = 0; k < ps.length; k++) {
      ps.forEach((p, i) => ((p as Param).data = i === k ? PROBE_VALUE : 0));
      const out = outputs(model.forward(x))[0];
      if (typeof out !== 'number') return undefined;
      if (out !== 0) moved.push(k);
    }
    return moved;
  } catch {
    return undefined;
  }
}

export function probeOrder(MLP: ModelClass, nin: number, nouts: number[]): OrderProbe {
  const sizes = [nin, ...nouts];
  const layers = nouts.map((nout, l) => probeLayer(MLP, sizes[l], nout));
  const lastBiases = probeLastBiases(MLP, nin, nouts);
  return { layers, ...(lastBiases ? { lastBiases } : {}) };
}
