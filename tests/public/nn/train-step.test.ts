/**
 * Assignment nn, exercise `train-step`: one step of gradient descent
 * (exercises/nn.ts). The expected parameters come from plain numbers and
 * finite differences (tests/support/plain-mlp.ts), step by step: "the loss
 * went down" is not enough, since a loop that forgets zeroGrad can make it
 * go down even faster.
 */
import { describe, expect, test } from 'vitest';
import { MLP, trainStep } from '../../../exercises/nn';
import {
  LECTURE,
  mostDifferent,
  plainLoss,
  plainTraining,
  setParameters,
  startingParameters,
  parameterName,
} from '../../support/plain-mlp';

const LR = 0.05;
const SIZES: [number, number[]] = [3, [4, 4, 1]];

function model(values: number[]): MLP {
  const m = new MLP(...SIZES);
  setParameters(m.parameters(), values);
  return m;
}

describe('nn · train-step', () => {
  const start = startingParameters(41);
  const right = plainTraining(start, ...SIZES, LECTURE, LR, 2);

  test('trainStep returns the loss from before the update', () => {
    expect(trainStep(model(start), LECTURE.xs, LECTURE.ys, LR)).toBeAbout(
      plainLoss(start, ...SIZES, LECTURE.xs, LECTURE.ys),
      {
        in: 'trainStep(model, xs, ys, 0.05)',
        node: 'the returned loss',
        hint: "return L.data, the loss of this step's forward pass, computed before the parameters move",
      },
    );
  });

  test('one step moves every parameter against its gradient', () => {
    const m = model(start);
    trainStep(m, LECTURE.xs, LECTURE.ys, LR);
    const after = right.params[0];
    m.parameters().forEach((p, i) => {
      const step = after[i] - start[i];
      expect(p).toHaveData(after[i], {
        in: 'one trainStep with lr = 0.05',
        node: parameterName(i, ...SIZES),
        hint: 'zeroGrad, forward every x, loss, backward, then p.data -= lr * p.grad for every parameter',
        mistakes: [
          {
            value: start[i] - step,
            means: 'the step goes the wrong way: the gradient points uphill, so p.data -= lr * p.grad, not +=',
          },
          {
            value: start[i],
            means: 'the parameter did not move: are the gradients cleared after backward() instead of before it?',
          },
        ],
      });
    });
  });

  test('two steps: the second uses only its own gradients', () => {
    const m = model(start);
    trainStep(m, LECTURE.xs, LECTURE.ys, LR);
    trainStep(m, LECTURE.xs, LECTURE.ys, LR);
    const leaky = plainTraining(start, ...SIZES, LECTURE, LR, 2, true).params[1];
    // The parameter where forgetting zeroGrad shows the most.
    const i = mostDifferent(right.params[1], leaky);
    expect(m.parameters()[i]).toHaveData(right.params[1][i], {
      in: 'two trainSteps with lr = 0.05',
      node: parameterName(i, ...SIZES),
      hint: 'the first step is right but the second is not: look at what the second step starts from',
      mistakes: [
        {
          value: leaky[i],
          means:
            "the first step's gradients leaked into the second. Gradients accumulate (+=), as in b = a + a where a.grad became 2, so trainStep must call model.zeroGrad() before loss.backward()",
        },
      ],
    });
  });
});
