/**
 * One test case, as every step of the pipeline sees it. A module of its own
 * so that the case lists of both assignments (./case-list.ts, ./training/) can
 * name it without importing each other.
 */
import type { Visibility } from '../config/types.ts';
import type { GraphSpec } from './graph.ts';
import type { TrainingSpec } from './training/training-spec.ts';

export interface CaseDef {
  id: string;
  name: string;
  exercise: string;
  points: number;
  visibility: Visibility;
  /** Required work counts toward `score`; bonus work only toward `bonus`. */
  kind: 'required' | 'bonus';
  graph?: GraphSpec;
  export?: { module: 'engine' | 'manual'; name: string; keys?: string[] };
  /** The training assignment: the student's MLP run from these parameters (./training/). */
  training?: TrainingSpec;
}
