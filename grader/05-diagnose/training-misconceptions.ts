/**
 * The misconceptions of the second assignment (contract §5): mistakes of the
 * network and its training loop, not of a local rule. Each names the loop
 * mutants that reproduce it (../cases/training/reference-training.ts). Some have
 * mutants read off the student's own numbers instead (./training-candidates.ts):
 * which parameters a partial zeroGrad clears or a partial step sends
 * uphill, and the order parameters() lists them in. The missing bias is
 * recognised by the count of parameters(), since a network whose biases the
 * grader cannot set has no trajectory to compare.
 */
import type { LoopFlaws } from '../cases/training/reference-training.ts';

export interface TrainingMisconception {
  id: string;
  rule: 'training loop' | 'parameters' | 'loss' | 'forward';
  /** The exercise of the second assignment where the mistake is made. */
  exercise: string;
  title: string;
  hint: string;
  /** The loop mutants that reproduce it as students write it; none when only the student's numbers can say how. */
  variants: LoopFlaws[];
}

export const TRAINING_MISCONCEPTIONS: TrainingMisconception[] = [
  {
    id: 'forgot-zero-grad',
    rule: 'training loop',
    exercise: 'zero-grad',
    title: 'Gradients are never set back to zero, so each step adds to the last',
    hint: 'Remember b = a + a, where a.grad had to be 2 because every backward rule adds (+=) to .grad. The same += means a second backward() adds to the gradients of the first: without model.zeroGrad() before loss.backward(), the last step leaks into this one, and a zeroGrad() that clears only some parameters (one layer, say) leaks into all the others. It must reach every Value that parameters() returns. On the lecture\'s data that can even make the loss drop faster, which is why "the loss went down" proves nothing.',
    variants: [{ forgotZeroGrad: true }],
  },
  {
    id: 'step-wrong-sign',
    rule: 'training loop',
    exercise: 'train-step',
    title: 'The update climbs the gradient (p.data += lr * p.grad)',
    hint: 'The gradient points in the direction in which the loss grows fastest. To make the loss smaller, each parameter moves the other way: p.data -= lr * p.grad, for the weights and the biases alike.',
    variants: [{ stepWrongSign: true }],
  },
  {
    id: 'parameters-missing-bias',
    rule: 'parameters',
    exercise: 'mlp',
    title: 'parameters() leaves out the biases, so they are never trained',
    hint: 'A neuron has a weight per input and one bias, and the bias is learned too: MLP(3, [4, 4, 1]) has (3+1)*4 + (4+1)*4 + (4+1)*1 = 41 parameters, not the 32 weights alone. Whatever parameters() does not return, the update never touches.',
    variants: [],
  },
  {
    id: 'zero-grad-after-backward',
    rule: 'training loop',
    exercise: 'zero-grad',
    title: 'The gradients are cleared between backward() and the update, so nothing moves',
    hint: 'zeroGrad() belongs before loss.backward(): it clears what the last step left. Called after backward(), it wipes the gradients this step just computed, and every p.data -= lr * p.grad then moves by zero.',
    variants: [{ zeroGradAfterBackward: true }],
  },
  {
    id: 'loss-not-squared',
    rule: 'loss',
    exercise: 'loss',
    title: 'The loss adds up the errors without squaring them',
    hint: 'The loss is the sum of (pred - target)², squared so that an error too high and one too low both count as positive, and cannot cancel out. Without the square every gradient of the loss is 1, whatever the error.',
    variants: [{ lossNotSquared: true }],
  },
  {
    id: 'loss-is-mean',
    rule: 'loss',
    exercise: 'loss',
    title: 'The loss is the mean of the squared errors, not their sum',
    hint: 'In this course the loss is the sum of (pred - target)², as in the lecture: each example adds its own squared error. Dividing by the number of examples gives the mean, n times smaller, and every gradient is n times smaller with it, so each step moves n times less. Add the squares up and leave out the division.',
    variants: [{ lossIsMean: true }],
  },
  {
    id: 'output-layer-linear',
    rule: 'forward',
    exercise: 'mlp',
    title: "The last layer has no tanh, as in micrograd's nn.py",
    hint: "Here every layer ends in tanh, the last one too, as in the lecture. micrograd's nn.py leaves the last layer linear, which is another network: its output can be anything, while a tanh always lies between -1 and 1. Let every neuron of every layer return act.tanh(), and drop any nonlin flag that switches it off.",
    variants: [{ linearOutput: true }],
  },
  {
    id: 'parameters-wrong-order',
    rule: 'parameters',
    exercise: 'mlp',
    title: 'parameters() holds the right Values in another order',
    hint: "Code that sets or saves a network's numbers, the grader included, reads parameters() in one agreed order: layer by layer, neuron by neuron, each neuron's weights and then its bias ([...this.w, this.b]). Your Values are all there, but each number set through parameters() lands in another place, so the forward pass goes wrong although it is written right. Return them in that order.",
    variants: [],
  },
  {
    id: 'step-before-backward',
    rule: 'training loop',
    exercise: 'train-step',
    title: "The update runs before this step's backward pass, so it uses stale gradients",
    hint: "The order in trainStep matters: zeroGrad, forward, loss, loss.backward(), and only then p.data -= lr * p.grad. An update before backward() moves each parameter by whatever gradient is left in p.grad: zero on the first step, the last step's after that, so your network always lags a step behind.",
    variants: [
      { stepBeforeBackward: 'lagging' },
      { stepBeforeBackward: 'update-first' },
      { stepBeforeBackward: 'frozen' },
    ],
  },
  {
    id: 'backward-called-twice',
    rule: 'training loop',
    exercise: 'train-step',
    title: 'loss.backward() runs twice in one step',
    hint: 'Every backward rule adds (+=) to .grad, as in b = a + a. A second loss.backward() in the same step adds on top of the first, and more at every level of the network, so p.grad is no longer the gradient of the loss. Call it once per step, after zeroGrad().',
    variants: [{ backwardTwice: true }],
  },
];

export const TRAINING_MISCONCEPTION_BY_ID = new Map(TRAINING_MISCONCEPTIONS.map((m) => [m.id, m]));
