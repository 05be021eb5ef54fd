/**
 * Assignment nn, exercise `zero-grad`: gradients back to zero (exercises/nn.ts).
 *
 * The same lesson as b = a + a: backward rules add (+=) to .grad, so a
 * second backward() adds to the gradients of the first unless they are
 * zeroed in between.
 */
import { describe, expect, test } from 'vitest';
import { MLP, loss } from '../../../exercises/nn';
import { LECTURE, parameterName, plainGradient, setParameters, startingParameters } from '../../support/plain-mlp';

const LESSON =
  "gradients accumulate (+=), as in b = a + a where a.grad became 2; so a second backward() adds to the first one's gradients unless zeroGrad() sets every p.grad back to 0 in between";

function backwardOnce(model: MLP): void {
  loss(
    LECTURE.xs.map((x) => model.forward(x)[0]),
    LECTURE.ys,
  ).backward();
}

describe('nn · zero-grad', () => {
  test("zeroGrad() sets every parameter's grad back to 0", () => {
    const model = new MLP(3, [4, 4, 1]);
    setParameters(model.parameters(), startingParameters(41));
    backwardOnce(model);
    model.zeroGrad();
    model.parameters().forEach((p, i) =>
      expect(p).toHaveGrad(0, {
        in: 'backward(), then zeroGrad()',
        node: parameterName(i, 3, [4, 4, 1]),
        hint: LESSON,
      }),
    );
  });

  test('backward, zeroGrad, backward again: the gradients of one pass, not two', () => {
    const model = new MLP(3, [4, 4, 1]);
    const values = startingParameters(41);
    setParameters(model.parameters(), values);
    const expected = plainGradient(values, 3, [4, 4, 1], LECTURE.xs, LECTURE.ys);
    backwardOnce(model);
    model.zeroGrad();
    backwardOnce(model);
    model.parameters().forEach((p, i) =>
      expect(p).toHaveGrad(expected[i], {
        in: "backward(), zeroGrad(), backward() on the lecture's examples",
        node: parameterName(i, 3, [4, 4, 1]),
        hint: 'check loss and forward first: if they pass, the difference is in zeroGrad',
        mistakes: [{ value: 2 * expected[i], means: LESSON }],
      }),
    );
  });
});
