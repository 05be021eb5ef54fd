/**
 * Assignment nn, exercise `layer`: nout neurons reading the same inputs
 * (exercises/nn.ts). Expected numbers come from the same layer with plain
 * numbers (tests/support/plain-mlp.ts).
 */
import { describe, expect, test } from 'vitest';
import { Layer } from '../../../exercises/nn';
import { parameterCount, plainForward, setParameters, startingParameters } from '../../support/plain-mlp';

describe('nn · layer', () => {
  test('Layer(3, 2) has 2 neurons of 3 weights and a bias each: 8 parameters', () => {
    const layer = new Layer(3, 2);
    expect(layer.parameters().length).toBeAbout(parameterCount(3, [2]), {
      in: 'new Layer(3, 2).parameters()',
      node: 'the number of parameters',
      hint: "parameters() is every neuron's parameters, one neuron after the other: [...w, b] for each",
      mistakes: [{ value: 6, means: "that is the weights alone: each neuron's bias is a parameter too" }],
    });
  });

  test("Layer(3, 2).forward gives each neuron's output, in order", () => {
    const layer = new Layer(3, 2);
    const values = startingParameters(8);
    setParameters(layer.parameters(), values);
    const x = [0.5, -1, 2];
    const out = layer.forward(x);
    const expected = plainForward(values, 3, [2], x);
    expect(out.length).toBeAbout(2, {
      in: 'layer.forward(x)',
      node: 'the number of outputs',
      hint: 'a layer gives one output per neuron',
    });
    expected.forEach((want, i) =>
      expect(out[i]).toHaveData(want, {
        in: 'layer.forward([0.5, -1, 2])',
        node: `output ${i}`,
        hint: "each output is one neuron's forward(x), with the same x for every neuron, in the order of parameters()",
      }),
    );
  });
});
