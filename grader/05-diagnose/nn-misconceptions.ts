/**
 * The misconceptions of the second assignment (contract §5): mistakes of the
 * training loop, not of a local rule. Each names the loop mutant that
 * reproduces it (../cases/nn/reference-training.ts); the missing bias is
 * recognised by the count of parameters() instead, since a network whose
 * biases the grader cannot set has no trajectory to compare.
 */
import type { LoopFlaws } from '../cases/nn/reference-training.ts';

export interface TrainingMisconception {
  id: string;
  rule: 'training loop' | 'parameters' | 'loss';
  /** The exercise of the second assignment where the mistake is made. */
  exercise: string;
  title: string;
  hint: string;
  /** The loop mutant that reproduces it; none for a wrong parameter list. */
  flaws?: LoopFlaws;
}

export const TRAINING_MISCONCEPTIONS: TrainingMisconception[] = [
  {
    id: 'forgot-zero-grad',
    rule: 'training loop',
    exercise: 'zero-grad',
    title: 'Gradients are never set back to zero, so each step adds to the last',
    hint: 'Remember b = a + a, where a.grad had to be 2 because every backward rule adds (+=) to .grad. The same += means a second backward() adds to the gradients of the first: without model.zeroGrad() before loss.backward(), the last step leaks into this one. On the lecture\'s data that can even make the loss drop faster, which is why "the loss went down" proves nothing.',
    flaws: { forgotZeroGrad: true },
  },
  {
    id: 'step-wrong-sign',
    rule: 'training loop',
    exercise: 'train-step',
    title: 'The update climbs the gradient (p.data += lr * p.grad)',
    hint: 'The gradient points in the direction in which the loss grows fastest. To make the loss smaller, each parameter moves the other way: p.data -= lr * p.grad.',
    flaws: { stepWrongSign: true },
  },
  {
    id: 'parameters-missing-bias',
    rule: 'parameters',
    exercise: 'mlp',
    title: 'parameters() leaves out the biases, so they are never trained',
    hint: 'A neuron has a weight per input and one bias, and the bias is learned too: MLP(3, [4, 4, 1]) has (3+1)*4 + (4+1)*4 + (4+1)*1 = 41 parameters, not the 32 weights alone. Whatever parameters() does not return, the update never touches.',
  },
  {
    id: 'zero-grad-after-backward',
    rule: 'training loop',
    exercise: 'zero-grad',
    title: 'The gradients are cleared between backward() and the update, so nothing moves',
    hint: 'zeroGrad() belongs before loss.backward(): it clears what the last step left. Called after backward(), it wipes the gradients this step just computed, and every p.data -= lr * p.grad then moves by zero.',
    flaws: { zeroGradAfterBackward: true },
  },
  {
    id: 'loss-not-squared',
    rule: 'loss',
    exercise: 'loss',
    title: 'The loss adds up the errors without squaring them',
    hint: 'The loss is the sum of (pred - target)², squared so that an error too high and one too low both count as positive, and cannot cancel out. Without the square every gradient of the loss is 1, whatever the error.',
    flaws: { lossNotSquared: true },
  },
];

export const TRAINING_MISCONCEPTION_BY_ID = new Map(TRAINING_MISCONCEPTIONS.map((m) => [m.id, m]));
