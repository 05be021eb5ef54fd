/**
 * Decodes the order probe (../cases/training/order-probe.ts) into the order of the
 * student's parameters(): place k holds the contract's parameter order[k].
 * Each one-layer network is read back by inverting its outputs (tanh, or
 * nothing for a linear layer: whichever lands on the values that were set);
 * the layers are then put side by side, in order or last first, whichever
 * agrees with where the whole network keeps its last layer's biases. Any
 * doubt (a probe that threw, numbers that land on no value) gives undefined:
 * the order is then not judged, never guessed.
 */
import { probeValue, type OrderProbe } from '../cases/training/training-record.ts';
import { roleName, roles } from '../cases/training/parameter-roles.ts';

const MATCH = 1e-6;

/** Within one layer: place k holds parameter perm[k] of the layer, in the contract's order; undefined if unreadable. */
function layerOrder(probe: OrderProbe['layers'][number]): number[] | undefined {
  const { nin, nout, outputs } = probe;
  const count = (nin + 1) * nout;
  if (!outputs || outputs.length !== nin + 1 || outputs.some((o) => o.length !== nout)) return undefined;
  const numbers = outputs as number[][];
  if (numbers.some((o) => o.some((v) => typeof v !== 'number'))) return undefined;
  const values = Array.from({ length: count }, (_, k) => probeValue(k));
  const placeOf = (v: number) => values.findIndex((x) => Math.abs(x - v) < MATCH);
  for (const invert of [Math.atanh, (y: number) => y]) {
    const perm = new Array<number>(count).fill(-1);
    let ok = true;
    for (let j = 0; j < nout && ok; j++) {
      const bias = invert(numbers[0][j]);
      const at = [placeOf(bias), ...Array.from({ length: nin }, (_, i) => placeOf(invert(numbers[1 + i][j]) - bias))];
      // at[0] is the bias, at[1 + i] weight i; in the contract's order the neuron is [...w, b].
      at.forEach((k, r) => {
        const role = j * (nin + 1) + (r === 0 ? nin : r - 1);
        if (k < 0 || perm[k] !== -1) ok = false;
        else perm[k] = role;
      });
    }
    if (ok) return perm;
  }
  return undefined;
}

/** The whole network's order, or undefined when the probe cannot tell. */
export function decodeOrder(nin: number, nouts: number[], probe: OrderProbe | undefined): number[] | undefined {
  const sizes = [nin, ...nouts];
  if (!probe || probe.layers.length !== nouts.length) return undefined;
  if (probe.layers.some((p, l) => p.nin !== sizes[l] || p.nout !== nouts[l])) return undefined;
  const perms = probe.layers.map(layerOrder);
  if (perms.some((p) => !p)) return undefined;
  const offsets: number[] = [];
  perms.reduce((at, p) => (offsets.push(at), at + p!.length), 0);
  const block = (l: number) => perms[l]!.map((r) => offsets[l] + r);
  const layers = nouts.map((_, l) => l);
  const forward = layers.flatMap(block);
  const reversed = [...layers].reverse().flatMap(block);
  const all = roles(nin, nouts);
  const last = nouts.length - 1;
  const biasesAt = (order: number[]) =>
    order.flatMap((role, k) => (all[role].layer === last && all[role].weight === undefined ? [k] : []));
  const seen = probe.lastBiases;
  if (!seen) return forward;
  const same = (a: number[]) => a.length === seen.length && a.every((k, i) => k === seen[i]);
  return [forward, reversed].find((o) => same(biasesAt(o)));
}

export const isInOrder = (order: number[]) => order.every((role, k) => role === k);

/** What is out of place, in words: the pattern when there is one, else the first place that is wrong. */
export function describeOrder(nin: number, nouts: number[], order: number[]): string {
  const all = roles(nin, nouts);
  const net = `MLP(${nin}, [${nouts.join(', ')}])`;
  const rule = "each neuron's weights and then its bias, neuron by neuron, layer by layer";
  const wrong = order.filter((role, k) => role !== k).length;
  const biasFirst = order.every((role, k) => {
    const r = all[role];
    const here = all[k];
    return r.layer === here.layer && r.neuron === here.neuron && (r.weight === undefined) === (here.weight === 0);
  });
  if (biasFirst)
    return `parameters() of ${net} lists each neuron's bias before its weights, [b, ...w]: the order is ${rule}, [...w, b].`;
  const counts = nouts.map((n, l) => n * ([nin, ...nouts][l] + 1));
  const starts = counts.map((_, l) => counts.slice(0, l).reduce((a, b) => a + b, 0));
  const lastFirst = [...counts.keys()]
    .reverse()
    .flatMap((l) => Array.from({ length: counts[l] }, (_, i) => starts[l] + i));
  if (nouts.length > 1 && order.every((role, i) => role === lastFirst[i]))
    return `parameters() of ${net} lists the layers last first: the order is ${rule}, starting at layer 0.`;
  const k = order.findIndex((role, i) => role !== i);
  return `parameters() of ${net} holds the right Values in another order (${wrong} of ${order.length} places): place ${k} holds ${roleName(all[order[k]])}, where ${roleName(all[k])} belongs. The order is ${rule}.`;
}
