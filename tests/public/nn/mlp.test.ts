/**
 * Assignment nn, exercise `mlp`: layers in a row (exercises/nn.ts).
 * MLP(3, [4, 4, 1]) is the lecture's network.
 */
import { describe, expect, test } from 'vitest';
import { MLP } from '../../../exercises/nn';
import { LECTURE, parameterCount, plainForward, setParameters, startingParameters } from '../../support/plain-mlp';

describe('nn · mlp', () => {
  test('MLP(3, [4, 4, 1]) has 41 parameters', () => {
    const model = new MLP(3, [4, 4, 1]);
    expect(model.parameters().length).toBeAbout(parameterCount(3, [4, 4, 1]), {
      in: 'new MLP(3, [4, 4, 1]).parameters()',
      node: 'the number of parameters',
      hint: 'count them by hand: (3+1)*4 + (4+1)*4 + (4+1)*1 = 41; each layer takes as many inputs as the layer before has neurons',
      mistakes: [
        {
          value: 32,
          means:
            'that is the weights alone: 9 biases are missing, one per neuron, and a bias never returned is never trained',
        },
      ],
    });
  });

  test("MLP(3, [4, 4, 1]).forward on the lecture's examples", () => {
    const model = new MLP(3, [4, 4, 1]);
    const values = startingParameters(41);
    setParameters(model.parameters(), values);
    LECTURE.xs.forEach((x, i) => {
      const out = model.forward(x);
      expect(out.length).toBeAbout(1, {
        in: `model.forward(xs[${i}])`,
        node: 'the number of outputs',
        hint: "forward returns the last layer's outputs as an array; MLP(3, [4, 4, 1]) ends in one neuron",
      });
      expect(out[0]).toHaveData(plainForward(values, 3, [4, 4, 1], x)[0], {
        in: `model.forward(xs[${i}])`,
        node: 'the output',
        hint: 'pass x through every layer in turn: the outputs of one layer are the inputs of the next, and parameters() must list them in the same order',
      });
    });
  });
});
