/**
 * The student's contract, in one place: which files a student hands in, the
 * names and forms they may take, what each must export, the bonus exports,
 * and the names of Value's methods. Discovery, loading, the blocker scan,
 * the sandbox's export check and the CI annotations all read it, so they
 * cannot come to disagree about what a submission is. It imports nothing,
 * so the sandbox's bundled code (../cases/program.ts) reads it too.
 */

/** Every extension Node (or tsx) runs, in order of preference: TypeScript wins over the JavaScript compiled from it. */
export const CODE_EXTENSIONS = ['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs'] as const;

/** Where students put their files, in the order they are looked for: exercises/, the root, src/. */
export const USUAL_FOLDERS = ['exercises', '.', 'src'] as const;

/**
 * Each student file by its base name (`engine.ts`, `engine.js`, ...): the
 * export the contract requires, the type it has once loaded (`function` for
 * a class), how to write it, and the optional exports that earn bonus points.
 */
export const STUDENT_FILES = {
  engine: {
    export: 'Value',
    type: 'function',
    form: 'class',
    what: 'export class Value',
    fix: '`export class Value { ... }`',
    bonusExports: [],
  },
  manual: {
    export: 'manualGrads',
    type: 'object',
    form: 'object',
    what: 'export const manualGrads',
    fix: '`export const manualGrads = { ... }`',
    bonusExports: ['nudge'],
  },
  nn: {
    export: 'MLP',
    type: 'function',
    form: 'class',
    what: 'export class MLP',
    fix: '`export class MLP { ... }`',
    bonusExports: [],
  },
} as const;

export type StudentModule = keyof typeof STUDENT_FILES;
export const STUDENT_MODULES = Object.keys(STUDENT_FILES) as StudentModule[];

/** The files the first assignment grades; the training assignment reads engine and nn (nn imports engine). */
export const ENGINE_MODULES: StudentModule[] = ['engine', 'manual'];
export const TRAINING_MODULES: StudentModule[] = ['engine', 'nn'];

/** Files whose presence makes a folder a submission (every assignment's submission has the engine). */
export const MARKER_MODULES: readonly StudentModule[] = ENGINE_MODULES;

/** The class of engine.ts, and the methods whose local backward rules the student writes. */
export const VALUE_CLASS = STUDENT_FILES.engine.export;
export const RULE_METHODS = ['add', 'mul', 'tanh'] as const;
/** Value's required public methods: the rules, and backward() the stub gives. */
export const VALUE_METHODS = [...RULE_METHODS, 'backward'] as const;
/** Optional ops with their usual micrograd meaning: missing or throwing NotAttempted is "not attempted". */
export const BONUS_METHODS = ['neg', 'sub', 'pow', 'exp', 'div', 'relu'] as const;
