/**
 * Names a network's parameters by role, so that a student reads "layer 0,
 * neuron 0, bias" and not only "parameter 3". The order is the contract's
 * (§5): layer by layer, neuron by neuron, each neuron's weights and then its
 * bias. A set of parameters is told the shortest true way: "every bias",
 * "every parameter of layer 2", or a list.
 */

export interface Role {
  layer: number;
  neuron: number;
  /** The input the weight reads; undefined for the bias. */
  weight?: number;
}

/** Every parameter's role, in the contract's order. */
export function roles(nin: number, nouts: number[]): Role[] {
  const sizes = [nin, ...nouts];
  const out: Role[] = [];
  nouts.forEach((nout, layer) => {
    for (let neuron = 0; neuron < nout; neuron++) {
      for (let weight = 0; weight < sizes[layer]; weight++) out.push({ layer, neuron, weight });
      out.push({ layer, neuron });
    }
  });
  return out;
}

export function roleName(r: Role): string {
  return `layer ${r.layer}, neuron ${r.neuron}, ${r.weight === undefined ? 'bias' : `weight ${r.weight}`}`;
}

/** "parameter 3 (layer 0, neuron 0, bias)": the index a student can count to, and what it is. */
export function parameterName(nin: number, nouts: number[], index: number): string {
  const r = roles(nin, nouts)[index];
  return r ? `parameter ${index} (${roleName(r)})` : `parameter ${index}`;
}

const plural = (n: number, word: string, words = `${word}s`) => `${n} ${n === 1 ? word : words}`;

/** "a, b and c". */
export function andList(items: string[]): string {
  return items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}` : (items[0] ?? '');
}

function listLayers(layers: number[]): string {
  return `layer${layers.length > 1 ? 's' : ''} ${andList(layers.map(String))}`;
}

/** Some of the network's parameters (indices in the contract's order), in words. */
export function describeParameters(nin: number, nouts: number[], indices: number[]): string {
  const all = roles(nin, nouts);
  const chosen = new Set(indices);
  const picked = all.filter((_, i) => chosen.has(i));
  const n = picked.length;
  if (n === all.length) return `all ${n} parameters`;
  const biases = all.filter((r) => r.weight === undefined);
  if (picked.every((r) => r.weight === undefined) && n === biases.length) return `the ${plural(n, 'bias', 'biases')}`;
  if (picked.every((r) => r.weight !== undefined) && n === all.length - biases.length)
    return `the ${plural(n, 'weight')}`;
  const whole = nouts.map((_, l) => l).filter((l) => all.every((r, i) => r.layer !== l || chosen.has(i)));
  if (whole.length > 0 && picked.every((r) => whole.includes(r.layer)))
    return `the ${plural(n, 'parameter')} of ${listLayers(whole)}`;
  const shown = picked.slice(0, 3).map(roleName).join('; ');
  return n > 3 ? `${plural(n, 'parameter')} (${shown}; and ${n - 3} more)` : `${plural(n, 'parameter')} (${shown})`;
}
