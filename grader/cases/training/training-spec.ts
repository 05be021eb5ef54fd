/**
 * The second assignment's cases: a network, a dataset and the parameters the
 * grader sets before it compares anything. The lecture's dataset is fixed
 * (the training assignment's case file in course.json, grader/cases/data/nn.json
 * in the grader's own course); each student also gets random datasets drawn
 * from the course salt and their id, so copied numbers do not help.
 */
import { readFileSync } from 'node:fs';
import { caseFiles } from '../../course/case-files.ts';
import { GraderError } from '../../errors.ts';
import { PACKAGE_ROOT } from '../../package-root.ts';
import { check } from '../../schema.ts';
import { prng } from '../prng.ts';

/** What a training case compares, in the order the sandbox runs them. */
export const STAGES = ['parameters', 'forward', 'loss', 'backward', 'step', 'training'] as const;
export type Stage = (typeof STAGES)[number];

export interface Dataset {
  nin: number;
  nouts: number[];
  xs: number[][];
  ys: number[];
}

/** Everything the sandbox needs to run one training case, and the reference to repeat it. */
export interface TrainingSpec extends Dataset {
  /** The dataset's name: `lecture`, or `random-1`, ... */
  dataset: string;
  /** Every parameter's data, in parameters() order. */
  params: number[];
  lr: number;
  /** Training steps after the first trainStep. */
  steps: number;
  /** Seeds Math.random inside the sandbox, so code that draws its own weights runs the same each time. */
  seed: number;
  stages: Stage[];
}

interface DataFile {
  datasets: Record<string, Dataset & { seed: string }>;
  cases: Array<{
    id: string;
    name: string;
    exercise: string;
    points: number;
    visibility: 'visible' | 'hidden' | 'after_due_date';
    training: { dataset: string; stages: Stage[] };
  }>;
}

/** Each course's fixed training cases, read once. */
const data = new Map<string, DataFile>();

/** The fixed training cases of a course (the grader's own without a root), schema-checked once. */
export function trainingData(course: string = PACKAGE_ROOT): DataFile {
  const known = data.get(course);
  if (known) return known;
  // The case file the course lists for its training assignment (course.json).
  const [listed] = caseFiles('training', course);
  if (!listed) throw new GraderError('E_CONFIG', 'course.json has no training assignment with a case file');
  const { name, file } = listed;
  const raw = JSON.parse(readFileSync(file, 'utf8')) as DataFile;
  const errors = check('cases', raw, name);
  for (const [i, c] of raw.cases.entries())
    if (!raw.datasets?.[c.training?.dataset]) errors.push(`${name}.cases[${i}].training.dataset: no such dataset`);
  for (const [set, d] of Object.entries(raw.datasets ?? {}))
    errors.push(...datasetProblems(d, `${name}.datasets.${set}`));
  if (errors.length > 0) throw new GraderError('E_SCHEMA', `invalid case file ${name}`, { details: errors });
  data.set(course, raw);
  return raw;
}

function datasetProblems(d: Dataset, where: string): string[] {
  const problems: string[] = [];
  if (d.xs.length !== d.ys.length) problems.push(`${where}: ${d.xs.length} inputs but ${d.ys.length} targets`);
  d.xs.forEach((x, i) => {
    if (x.length !== d.nin) problems.push(`${where}.xs[${i}]: ${x.length} numbers, but nin is ${d.nin}`);
  });
  if (d.nouts[d.nouts.length - 1] !== 1) problems.push(`${where}.nouts: the last layer must have one neuron`);
  return problems;
}

/** How many parameters MLP(nin, nouts) has, and how many of them are weights. */
export function parameterShape(nin: number, nouts: number[]): { count: number; weights: number; neurons: number } {
  const sizes = [nin, ...nouts];
  const weights = nouts.reduce((sum, nout, i) => sum + nout * sizes[i], 0);
  const neurons = nouts.reduce((sum, nout) => sum + nout, 0);
  return { count: weights + neurons, weights, neurons };
}

/** Uniform in [-1, 1], as the lecture's random.uniform(-1, 1). */
export function drawParameters(seed: number, count: number): number[] {
  const random = prng(seed);
  return Array.from({ length: count }, () => random() * 2 - 1);
}

const round = (x: number) => Math.round(x * 100) / 100;

/** A small random dataset: 2 to 4 inputs, one or two hidden layers, 3 to 6 examples with targets ±1. */
export function randomDataset(seed: number): Dataset {
  const random = prng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const nin = int(2, 4);
  const nouts = [...Array.from({ length: int(1, 2) }, () => int(2, 4)), 1];
  const examples = int(3, 6);
  const xs = Array.from({ length: examples }, () => Array.from({ length: nin }, () => round(random() * 4 - 2)));
  const ys = xs.map(() => (random() < 0.5 ? -1 : 1));
  return { nin, nouts, xs, ys };
}
