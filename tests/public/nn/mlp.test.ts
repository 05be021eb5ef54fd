/**
 * Assignment nn, exercise `mlp`: layers in a row (exercises/nn.ts).
 * MLP(3, [4, 4, 1]) is the lecture's network. The order of parameters()
 * matters as much as its length: whoever sets or saves a network's numbers
 * (the grader too) sets them in that order.
 */
import { describe, expect, test } from 'vitest';
import { MLP } from '../../../exercises/nn';
import {
  LECTURE,
  parameterCount,
  plainForward,
  readBack,
  roleName,
  setParameters,
  startingParameters,
} from '../../support/plain-mlp';

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

  test("parameters() in order: each neuron's weights, then its bias, neuron by neuron, layer by layer", () => {
    // One layer alone: each output is one neuron's forward pass, so every value set through parameters() reads back.
    const one = new MLP(3, [4]);
    const values = startingParameters(parameterCount(3, [4]));
    setParameters(one.parameters(), values);
    const back = readBack((x) => one.forward(x), 3, 4);
    // Where [b, ...w] would put each value: the bias first, then the weights.
    const biasFirst = (k: number) => k - (k % 4) + (k % 4 === 3 ? 0 : (k % 4) + 1);
    back.forEach((got, k) =>
      expect(got).toBeAbout(values[k], {
        in: 'MLP(3, [4]): values set through parameters(), read back through forward',
        node: roleName(k, 3, [4]),
        hint: "parameters()[k] must be the k-th of each neuron's [...w, b], neuron after neuron: the value set there is not the one this neuron's forward pass uses",
        mistakes: [
          {
            value: values[biasFirst(k)],
            means:
              'each neuron lists its bias first: parameters() must give [...this.w, this.b], the weights and then the bias',
          },
        ],
      }),
    );
    // The whole network, every parameter 0 but one: only the last layer's bias moves the output, and it comes last.
    const model = new MLP(3, [4, 4, 1]);
    const params = model.parameters();
    const moving = params.findIndex((_, k) => {
      setParameters(
        params,
        params.map((_, i) => (i === k ? 0.5 : 0)),
      );
      return model.forward([1, 1, 1])[0].data !== 0;
    });
    expect(moving).toBeAbout(40, {
      in: 'MLP(3, [4, 4, 1]) with one parameter at a time set to 0.5, the rest 0',
      node: `the place of ${roleName(40, 3, [4, 4, 1])}`,
      hint: "parameters() lists the layers in order, layer 0 first, so the last layer's bias is the last of the 41",
      mistakes: [
        { value: 4, means: 'parameters() lists the layers last first: start at layer 0, the one that reads x' },
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
