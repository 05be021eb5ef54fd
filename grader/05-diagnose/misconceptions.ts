/**
 * The catalogue of misconceptions: each id names one wrong local rule, the
 * mutants that reproduce it, and the hint a good tutor would give. The ids of
 * the required rules are fixed by the course contract.
 */
import type { Flaws } from './mutant-engine.ts';
import { TRAINING_MISCONCEPTIONS, type TrainingMisconception } from './training-misconceptions.ts';

export interface Misconception {
  id: string;
  /** The local rule (or part of backward) the mistake lives in. */
  rule:
    | 'add'
    | 'mul'
    | 'tanh'
    | 'backward'
    | 'chain rule'
    | 'accumulation'
    | 'operands'
    | 'initialization'
    | 'forward'
    | 'neg'
    | 'sub'
    | 'pow'
    | 'exp'
    | 'relu'
    | TrainingMisconception['rule'];
  bonus: boolean;
  title: string;
  hint: string;
  variants: Flaws[];
}

export const MISCONCEPTIONS: Misconception[] = [
  {
    id: 'overwrite-instead-of-accumulate',
    rule: 'accumulation',
    bonus: false,
    title: 'Gradients are assigned (=) instead of accumulated (+=)',
    hint: 'For b = a + a, a.grad must be 2: each use of a sends gradient back, and the contributions add up. Write x.grad += ..., never x.grad = ..., in every backward rule.',
    variants: [
      { overwrite: ['add'] },
      { overwrite: ['mul'] },
      { overwrite: ['tanh'] },
      { overwrite: ['add', 'mul'] },
      { overwrite: ['add', 'mul', 'tanh'] },
      // One of a rule's two lines assigns, the other accumulates.
      { overwrite: ['add'], overwriteOnly: 'this' },
      { overwrite: ['add'], overwriteOnly: 'other' },
      { overwrite: ['mul'], overwriteOnly: 'this' },
      { overwrite: ['mul'], overwriteOnly: 'other' },
    ],
  },
  {
    id: 'mul-uses-own-value',
    rule: 'mul',
    bonus: false,
    title: "mul passes a factor its own value instead of the other factor's",
    hint: 'For out = x * y, d(out)/dx is y, not x. So x.grad += y.data * out.grad and y.grad += x.data * out.grad.',
    variants: [{ mulOwn: true }],
  },
  {
    id: 'missing-upstream-grad',
    rule: 'chain rule',
    bonus: false,
    title: 'The local derivative is not multiplied by out.grad (chain rule dropped)',
    hint: "The chain rule: a node's gradient is its local derivative times the gradient arriving from above, out.grad. Without that factor, gradients are only right when out is the final output.",
    variants: [
      { noUpstream: ['add'] },
      { noUpstream: ['mul'] },
      { noUpstream: ['tanh'] },
      { noUpstream: ['add', 'mul', 'tanh'] },
      // The bonus ops' rules are chain-rule steps too; seen only in bonus cases, the id is tagged bonus.
      { noUpstream: ['pow'] },
      { noUpstream: ['exp'] },
      { noUpstream: ['relu'] },
    ],
  },
  {
    id: 'tanh-uses-input',
    rule: 'tanh',
    bonus: false,
    title: 'tanh uses its input x in 1 - x² instead of its output t',
    hint: 'The derivative of tanh(x) is 1 - tanh(x)², which is 1 - t² with the output t, not 1 - x² with the input. They are close for small x, which is why this slips through easy tests.',
    variants: [{ tanhInput: true }],
  },
  {
    id: 'tanh-missing-square',
    rule: 'tanh',
    bonus: false,
    title: 'tanh uses 1 - t instead of 1 - t²',
    hint: 'The derivative of tanh is 1 - t² where t = tanh(x): the output is squared.',
    variants: [{ tanhNoSquare: true }, { tanhNoSquare: true, tanhInput: true }],
  },
  {
    id: 'add-splits-gradient',
    rule: 'add',
    bonus: false,
    title: '+ splits the gradient in half between its operands',
    hint: 'Addition does not share the gradient out: d(x + y)/dx = 1, so each operand receives the whole out.grad.',
    variants: [{ addSplit: true }],
  },
  {
    id: 'add-rule-loops-over-child-set',
    // It shows only where a node is used twice: the accumulation exercise's cases.
    rule: 'accumulation',
    bonus: false,
    title: "in a + a, a receives the gradient only once: add's rule loops over a Set of children, which holds a once",
    hint: 'In b = a + a, a is used twice, and each use sends out.grad back, so a.grad must be 2. A Set keeps a only once, so a rule that loops over the Set (for (const c of out._prev) c.grad += out.grad) gives a one share. Write the rule with the two operands themselves (this.grad += out.grad; other.grad += out.grad): each use then adds its own share, whether the children are kept in a Set or in an array.',
    variants: [{ addOverChildSet: true }],
  },
  {
    id: 'no-topological-order',
    rule: 'backward',
    bonus: false,
    title: 'backward() runs the local rules out of order, or more than once per node',
    hint: "A node may only pass its gradient on once every node that uses it has passed theirs: run each node's rule exactly once, in reverse topological order (keep a visited set while sorting). A walk that runs each rule as it first reaches a node runs some too early, even with a visited set: build the whole order first (children before parents), then run the rules from the output back.",
    // Out of order, or once per path: a sort without its visited set, a recursive walk that runs each rule as it
    // descends, a breadth-first queue with or without a visited set; children in an array or in a Set.
    variants: [
      { order: 'forward' },
      { order: 'repeat' },
      { order: 'repeat', uniqueChildren: true },
      { order: 'descend' },
      { order: 'descend', uniqueChildren: true },
      { order: 'bfs-repeat' },
      { order: 'bfs-repeat', uniqueChildren: true },
      { order: 'bfs' },
      { order: 'preorder' },
      { order: 'preorder-stack' },
    ],
  },
  {
    id: 'backward-not-seeded',
    rule: 'backward',
    bonus: false,
    title: "backward() does not set the output's own gradient to 1",
    hint: "Every gradient is a multiple of dL/dL = 1, so when the rules run with the output's grad at 0, every gradient stays 0. Set this.grad = 1 before running the rules; if you do already, something sets it back to 0 afterwards: a zero-grad helper called inside backward(), or a loop that resets every grad after the seed. Reset gradients before the seed, never between the seed and the rules.",
    variants: [{ unseeded: true }],
  },
  {
    // Found by running the case again with every plain number wrapped in a Value (05-diagnose/number-operands.ts).
    id: 'number-operand-not-wrapped',
    rule: 'operands',
    bonus: false,
    title: 'a plain-number operand is used as if it were a Value (other.data of a number)',
    hint: "a.add(2) and a.mul(2) receive a plain number: wrap plain numbers in a Value first (const o = other instanceof Value ? other : new Value(other)), then use o everywhere, in the forward value and in the backward rule. Reading 2.data gives undefined, hence NaN, and a number among the children breaks the topological sort, which reads the children's children (v._prev is not iterable, or Cannot read properties of undefined (reading 'forEach')).",
    variants: [],
  },
  {
    id: 'grad-not-initialized',
    rule: 'initialization',
    bonus: false,
    title: "a new Value's grad is not 0 (left undefined), so every gradient becomes NaN",
    hint: 'Gradients are sums: every rule adds to x.grad (+=), so x.grad must start at 0. A field declared without a value (grad!: number, or grad; in JavaScript) is undefined, and undefined + 1 is NaN. Write grad = 0 (or this.grad = 0 in the constructor): new Value(1).grad must be 0.',
    variants: [{ gradUndefined: true }],
  },
  {
    // Found from the cases that overflow the call stack (05-diagnose/recursion-depth.ts).
    id: 'recursion-too-deep',
    rule: 'backward',
    bonus: false,
    title: "backward()'s topological sort calls itself once per node, so a long chain overflows the call stack",
    hint: "A recursive build_topo goes one call deeper for every node on a path (two with v._prev.forEach(build)): a chain of thousands of nodes needs more nested calls than JavaScript's call stack holds, hence 'Maximum call stack size exceeded'. Keep the visited set, and replace the recursion with a loop over an explicit stack: push the output; pop a node; if its children are all in the order, add it, else push it back and then its unvisited children. Small graphs pass either way.",
    variants: [],
  },
  {
    // Found by comparing values, not gradients (05-diagnose/forward-values.ts).
    id: 'wrong-forward-value',
    rule: 'forward',
    bonus: false,
    title: 'a value computed in the forward pass (data) is wrong',
    hint: "The gradients are built on the forward values: a node's data must be exactly the result of its op (a + b, a * b, tanh(a)), and a leaf's data the number it was made from. Fix the first wrong data before looking at any gradient.",
    variants: [],
  },
  {
    id: 'neg-detached',
    rule: 'neg',
    bonus: true,
    title: 'neg (or sub) makes a result with no children, so no gradient flows back',
    hint: 'Build -x from operations the graph can see (x * -1), or give the result x as a child with its own backward rule; a bare new Value(-x.data) cuts the graph.',
    variants: [{ negDetached: true }],
  },
  {
    id: 'sub-wrong-sign',
    rule: 'sub',
    bonus: true,
    title: 'sub gives the second operand +out.grad instead of -out.grad',
    hint: 'd(x - y)/dy = -1: the second operand of a subtraction receives minus the gradient.',
    variants: [{ subWrongSign: true }],
  },
  {
    id: 'exp-overwrites-grad',
    rule: 'exp',
    bonus: true,
    title: 'exp assigns its gradient instead of accumulating it',
    hint: 'Like every rule, exp must add to x.grad (+=): x may be used elsewhere too.',
    variants: [{ overwrite: ['exp'] }],
  },
  {
    id: 'relu-uses-output',
    rule: 'relu',
    bonus: true,
    title: 'relu multiplies by its output instead of the indicator (out > 0)',
    hint: "relu's local derivative is 1 where the output is positive and 0 elsewhere, not the output's value.",
    variants: [{ reluOutput: true }],
  },
  {
    id: 'pow-wrt-exponent',
    rule: 'pow',
    bonus: true,
    title: 'pow differentiates with respect to the exponent',
    hint: 'In x ** n the exponent n is a plain number: the gradient goes to x, and is n * x ** (n - 1).',
    variants: [{ powWrtExponent: true }],
  },
  {
    id: 'pow-divides-by-base',
    rule: 'pow',
    bonus: true,
    title: "pow's derivative is computed as n * out / x, which is 0 / 0 at x = 0",
    hint: 'n * x ** n / x equals n * x ** (n - 1) everywhere except at x = 0, where it divides by zero: write n * x ** (n - 1) directly (0 ** 0 is 1 in JavaScript).',
    variants: [{ powDividesByBase: true }],
  },
];

export const MISCONCEPTION_BY_ID = new Map<string, Misconception>([
  ...MISCONCEPTIONS.map((m): [string, Misconception] => [m.id, m]),
  // The second assignment's too, so that every report and the class analytics name them alike.
  ...TRAINING_MISCONCEPTIONS.map((m): [string, Misconception] => [
    m.id,
    { id: m.id, rule: m.rule, bonus: false, title: m.title, hint: m.hint, variants: [] },
  ]),
]);
