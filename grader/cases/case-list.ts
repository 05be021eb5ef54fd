/**
 * All test cases for one submission: the fixed ones from the case files
 * course.json lists (../course/case-files.ts; schema-checked, then checked
 * for well-formed graphs) and the generated
 * ones, with the grading config's points and visibility applied.
 */
import { readFileSync } from 'node:fs';
import { caseFiles, type CaseFile } from '../course/case-files.ts';
import { GraderError } from '../errors.ts';
import { PACKAGE_ROOT } from '../package-root.ts';
import { check } from '../schema.ts';
import type { GradingConfig } from '../config/types.ts';
import { longChain, randomGraph, seedFrom } from './generated.ts';
import { isLeaf, UNARY_OPS, type GraphSpec } from './graph.ts';
import {
  drawTrainingCases,
  isPerStudentTraining,
  trainingCaseIds,
  trainingExercises,
} from './training/training-cases.ts';
import { applyCasePoints } from './case-points.ts';
import type { CaseDef } from './case-def.ts';

export type { CaseDef };

/** The config grades the training assignment (nn), not the engine. */
export function isTraining(config: GradingConfig): boolean {
  return config.assignment?.kind === 'training';
}

type CaseFileEntry = Omit<CaseDef, 'kind'>;

function readCaseFile({ name, file, kind }: CaseFile): CaseDef[] {
  const data = JSON.parse(readFileSync(file, 'utf8')) as { cases: CaseFileEntry[] };
  const errors = check('cases', data, name);
  for (const [i, c] of (data.cases ?? []).entries())
    if (c.graph) errors.push(...graphProblems(c.graph, `${name}.cases[${i}].graph`));
  if (errors.length > 0) throw new GraderError('E_SCHEMA', `invalid case file ${name}`, { details: errors });
  return data.cases.map((c) => ({ ...c, kind }));
}

/** What the schema cannot say: ids unique, operands defined before use, arity. */
export function graphProblems(graph: GraphSpec, where: string): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  graph.nodes.forEach((node, i) => {
    if (seen.has(node.id)) problems.push(`${where}.nodes[${i}]: duplicate id '${node.id}'`);
    if (!isLeaf(node)) {
      const arity = UNARY_OPS.has(node.op) ? 1 : 2;
      if (node.args.length !== arity) problems.push(`${where}.nodes[${i}]: ${node.op} takes ${arity} operand(s)`);
      if (typeof node.args[0] !== 'string') problems.push(`${where}.nodes[${i}]: the first operand must be a node id`);
      if (node.op === 'pow' && typeof node.args[1] !== 'number')
        problems.push(`${where}.nodes[${i}]: pow's exponent must be a number`);
      for (const arg of node.args) {
        if (typeof arg === 'string' && !seen.has(arg))
          problems.push(`${where}.nodes[${i}]: '${arg}' is not defined before it is used`);
      }
    }
    seen.add(node.id);
  });
  if (!seen.has(graph.output)) problems.push(`${where}.output: no node '${graph.output}'`);
  return problems;
}

/** Each course's fixed cases, read once: the grader's own course, or one whose root a config names. */
const fixed = new Map<string, CaseDef[]>();

/** The exercises a config's `exercises` may name, for the assignment it grades. */
export function exerciseIds(config: GradingConfig): string[] {
  const course = config.assignment?.course;
  return isTraining(config) ? trainingExercises(course) : [...new Set(fixedCases(course).map((c) => c.exercise))];
}

/** The cases of the case files the course lists for its graph assignment (course.json), in order. */
export function fixedCases(course: string = PACKAGE_ROOT): CaseDef[] {
  let cases = fixed.get(course);
  if (!cases) fixed.set(course, (cases = caseFiles('graphs', course).flatMap(readCaseFile)));
  return cases;
}

const LONG_CHAIN_ID = 'long-chain';
const RANDOM_PREFIX = 'random-graph-';

/** Random graphs are drawn per submission; every other case is the same for all. */
export function isPerStudent(c: CaseDef): boolean {
  return c.id.startsWith(RANDOM_PREFIX) || isPerStudentTraining(c);
}

/** Ids of every case any submission can get; generated ids included. */
export function allCaseIds(config: GradingConfig): string[] {
  if (isTraining(config)) return trainingCaseIds(config);
  const random = Array.from({ length: config.randomCases.count }, (_, i) => `${RANDOM_PREFIX}${i + 1}`);
  return [...fixedCases(config.assignment?.course).map((c) => c.id), LONG_CHAIN_ID, ...random];
}

const chains = new Map<number, GraphSpec>();

/** The same chain for everyone, built once per run. */
function chainOf(length: number): GraphSpec {
  if (!chains.has(length)) chains.set(length, longChain(length));
  return chains.get(length)!;
}

const drawn = new WeakMap<GradingConfig, Map<string, readonly CaseDef[]>>();
/**
 * Only the most recent ids are kept: the two asks for one submission come
 * moments apart, while keeping every id's random graphs (with the programs
 * and references cached beside them) grew memory with the class.
 */
const RECENT_IDS = 256;

/**
 * A submission's cases. Asked for twice per submission (for the cache key,
 * then for grading), so they are drawn once per config and id; the list is
 * frozen because it is shared.
 */
export function casesFor(submissionId: string, config: GradingConfig): CaseDef[] {
  let byId = drawn.get(config);
  if (!byId) drawn.set(config, (byId = new Map()));
  let cases = byId.get(submissionId);
  if (!cases) {
    const drawnCases = isTraining(config) ? drawTrainingCases(submissionId, config) : drawCases(submissionId, config);
    byId.set(submissionId, (cases = Object.freeze(drawnCases)));
    if (byId.size > RECENT_IDS) byId.delete(byId.keys().next().value!);
  }
  return cases as CaseDef[];
}

function drawCases(submissionId: string, config: GradingConfig): CaseDef[] {
  const generated: CaseDef[] = [
    {
      id: LONG_CHAIN_ID,
      name: `a chain of ${config.longChain.length} nodes`,
      exercise: 'add',
      points: config.longChain.points,
      visibility: 'hidden',
      kind: 'required',
      graph: chainOf(config.longChain.length),
    },
  ];
  for (let i = 1; i <= config.randomCases.count; i++) {
    const seed = seedFrom(`${config.salt}:${submissionId}:${i}`);
    generated.push({
      id: `${RANDOM_PREFIX}${i}`,
      name: `a random graph of add, mul and tanh (#${i}, drawn for this submission)`,
      exercise: 'accumulate',
      points: config.randomCases.points,
      visibility: 'hidden',
      kind: 'required',
      graph: randomGraph(seed, config.randomCases.nodes),
    });
  }
  return applyCasePoints([...fixedCases(config.assignment?.course), ...generated], config);
}
