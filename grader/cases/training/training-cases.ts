/**
 * One submission's cases for the training assignment: the lecture's dataset,
 * split by stage so that a right forward pass and loss earn their points even
 * when the loop is wrong, and per-student random datasets, each run through
 * every stage (partial credit by stage).
 */
import { applyCasePoints } from '../case-points.ts';
import type { CaseDef } from '../case-def.ts';
import type { GradingConfig } from '../../config/types.ts';
import { seedFrom } from '../generated.ts';
import {
  drawParameters,
  parameterShape,
  randomDataset,
  STAGES,
  trainingData,
  type Dataset,
  type TrainingSpec,
} from './training-spec.ts';

const RANDOM_PREFIX = 'nn-random-';

export function trainingCaseIds(config: GradingConfig): string[] {
  const random = Array.from({ length: config.training.randomDatasets.count }, (_, i) => `${RANDOM_PREFIX}${i + 1}`);
  return [...trainingData(config.assignment?.course).cases.map((c) => c.id), ...random];
}

export function trainingExercises(course?: string): string[] {
  return [...new Set(trainingData(course).cases.map((c) => c.exercise)), 'train-step'];
}

export function isPerStudentTraining(c: CaseDef): boolean {
  return c.id.startsWith(RANDOM_PREFIX);
}

/** The same Math.random seed for the same student, whatever the case. */
function submissionSeed(config: GradingConfig, submissionId: string): number {
  return seedFrom(`${config.salt}:${submissionId}:math-random`);
}

const fixedParams = new WeakMap<Dataset & { seed: string }, number[]>();

/**
 * A fixed dataset's parameters, drawn once per run: one array shared by every
 * submission's spec, so the oracle's replays of it are too (./reference-training.ts).
 */
function fixedParameters(d: Dataset & { seed: string }): number[] {
  let params = fixedParams.get(d);
  if (!params) fixedParams.set(d, (params = drawParameters(seedFrom(d.seed), parameterShape(d.nin, d.nouts).count)));
  return params;
}

export function drawTrainingCases(submissionId: string, config: GradingConfig): CaseDef[] {
  const { datasets, cases } = trainingData(config.assignment?.course);
  const { steps, lr, randomDatasets } = config.training;
  const seed = submissionSeed(config, submissionId);
  const fixed: CaseDef[] = cases.map((c) => {
    const d = datasets[c.training.dataset];
    const params = fixedParameters(d);
    const spec: TrainingSpec = {
      dataset: c.training.dataset,
      nin: d.nin,
      nouts: d.nouts,
      xs: d.xs,
      ys: d.ys,
      params,
      lr,
      steps,
      seed,
      stages: c.training.stages,
    };
    return { ...c, kind: 'required', training: spec };
  });
  const random: CaseDef[] = Array.from({ length: randomDatasets.count }, (_, i) => {
    const drawn = seedFrom(`${config.salt}:${submissionId}:nn:${i + 1}`);
    const d = randomDataset(drawn);
    const spec: TrainingSpec = {
      dataset: `random-${i + 1}`,
      ...d,
      params: drawParameters(drawn ^ 0x5bd1e995, parameterShape(d.nin, d.nouts).count),
      lr,
      steps,
      seed,
      stages: [...STAGES],
    };
    return {
      id: `${RANDOM_PREFIX}${i + 1}`,
      name: `MLP(${d.nin}, [${d.nouts.join(', ')}]) trained on a random dataset (#${i + 1}, drawn for this submission)`,
      exercise: 'train-step',
      points: randomDatasets.points,
      visibility: 'hidden',
      kind: 'required',
      training: spec,
    };
  });
  return applyCasePoints([...fixed, ...random], config);
}
