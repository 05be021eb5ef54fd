/**
 * `grader check`: proves the course is consistent before it reaches students.
 * Every stub compiles, every required test fails on its stub and passes on
 * the reference solution, bonus tests never pass on a stub, every exercise
 * has a hint, and exercises/ and solutions/ mirror each other.
 *
 * Pure in the sense that matters for the CLI: it prints nothing and returns a
 * report; the command decides how to show it and which exit status to set.
 */
import { isGraderError } from '../errors.ts';
import { loadCatalogue, solutionFileOf, type Catalogue, type Exercise } from './catalogue.ts';
import { compileCourse } from './compile.ts';
import { checkEngineGivenCode } from './engine-given-code.ts';
import { checkGivenCode } from './given-code.ts';
import { checkAssignmentImports } from './assignment-imports.ts';
import { checkLayout } from './layout.ts';
import { RULES, type CheckProblem, type RuleId } from './check-rules.ts';
import { runPublicTests, type FileResult, type ProjectRun } from './run-public-tests.ts';

export interface CheckReport {
  ok: boolean;
  root: string;
  exercises: { required: number; bonus: number };
  /** The same counts per assignment, in course order. */
  assignments: Array<{ id: string; required: number; bonus: number }>;
  rules: Array<{ id: RuleId; title: string; status: 'ok' | 'failed' | 'not run' }>;
  problems: CheckProblem[];
}

export interface CheckOptions {
  /** The course root: holds course.json, exercises/, solutions/, tests/. */
  root: string;
}

export async function checkCourse({ root }: CheckOptions): Promise<CheckReport> {
  let catalogue: Catalogue;
  try {
    catalogue = loadCatalogue(root);
  } catch (error) {
    if (!isGraderError(error)) throw error;
    const problems = [error.message, ...error.details.slice(1)].map((message) => ({
      rule: 'catalogue' as const,
      file: 'course.json',
      message,
    }));
    return report(root, { required: 0, bonus: 0 }, problems, ['catalogue'], []);
  }

  const [layout, given, engineGiven, compiled, stubs, solutions] = await Promise.all([
    checkLayout(root, catalogue),
    checkGivenCode(root),
    checkEngineGivenCode(root),
    compileCourse(root),
    runPublicTests(root, 'exercises'),
    runPublicTests(root, 'solutions'),
  ]);
  const problems: CheckProblem[] = [
    ...layout,
    ...checkAssignmentImports(root, catalogue),
    ...given,
    ...engineGiven,
    ...compiled.map((d) => ({ rule: 'compile' as const, ...d })),
    ...runErrors(stubs, solutions),
    ...catalogue.exercises.flatMap((exercise) => judgeExercise(exercise, stubs, solutions)),
  ];
  const count = (kind: Exercise['kind'], exercises = catalogue.exercises) =>
    exercises.filter((e) => e.kind === kind).length;
  const assignments = catalogue.assignments.map((a) => ({
    id: a.id,
    required: count('required', a.exercises),
    bonus: count('bonus', a.exercises),
  }));
  return report(
    root,
    { required: count('required'), bonus: count('bonus') },
    problems,
    Object.keys(RULES) as RuleId[],
    assignments,
  );
}

function report(
  root: string,
  exercises: CheckReport['exercises'],
  problems: CheckProblem[],
  ran: RuleId[],
  assignments: CheckReport['assignments'],
): CheckReport {
  const rules = (Object.keys(RULES) as RuleId[]).map((id) => ({
    id,
    title: RULES[id],
    status: !ran.includes(id)
      ? ('not run' as const)
      : problems.some((p) => p.rule === id)
        ? ('failed' as const)
        : ('ok' as const),
  }));
  return { ok: problems.length === 0, root, exercises, assignments, rules, problems };
}

function runErrors(...runs: ProjectRun[]): CheckProblem[] {
  return runs.flatMap((run) =>
    run.error ? [{ rule: 'required' as const, file: 'vitest.config.ts', message: run.error }] : [],
  );
}

/** The two promises an exercise's test file makes: about its stub, and about its solution. */
function judgeExercise(exercise: Exercise, stubs: ProjectRun, solutions: ProjectRun): CheckProblem[] {
  if (stubs.error || solutions.error) return [];
  const rule = exercise.kind;
  const solution = solutionFileOf(exercise.file);
  const onStub = stubs.files.get(exercise.test);
  const onSolution = solutions.files.get(exercise.test);
  if (!onStub || !onSolution) {
    return [
      {
        rule,
        file: exercise.test,
        message: `vitest did not run ${exercise.test} (is it matched by the public projects in vitest.config.ts?)`,
      },
    ];
  }

  const problems: CheckProblem[] = [];
  // A required exercise must start red; a bonus one must at least not start green.
  const stubOk = rule === 'required' ? onStub.outcome === 'failed' : onStub.outcome !== 'passed';
  if (!stubOk) {
    const did = onStub.outcome === 'passed' ? 'passes' : 'is skipped';
    problems.push({
      rule,
      file: exercise.file,
      message: `${exercise.test} ${did} against the stub ${exercise.file}, so exercise '${exercise.id}' has nothing left to do (is solution code in the stub?)`,
    });
  }
  if (onSolution.outcome !== 'passed') {
    problems.push({
      rule,
      file: solution,
      message: `${exercise.test} ${describe(onSolution)} against the solution ${solution}${onSolution.firstFailure ? `: ${onSolution.firstFailure}` : ''}`,
    });
  }
  return problems;
}

function describe(result: FileResult): string {
  if (result.outcome === 'failed') return result.failed > 0 ? `has ${result.failed} failing test(s)` : 'fails to load';
  return result.passed === 0 && result.skipped === 0 ? 'has no tests' : `skips ${result.skipped} test(s)`;
}
