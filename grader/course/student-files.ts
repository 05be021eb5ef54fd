/**
 * A student repository, as a list of files in memory: what the course hands
 * out for the assignments of one release (their stubs, public tests and the
 * tests' support code) plus the files made from templates/student/. Building
 * it in memory first lets `release` inspect every byte before anything
 * touches the disk, and compare it with what an earlier release wrote.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { PACKAGE_ROOT, type Assignment, type Catalogue } from './catalogue.ts';
import { listFiles } from './layout.ts';

export const TEMPLATE_DIR = join(PACKAGE_ROOT, 'templates', 'student');

/** Template file → path in the student repository. `.hbs` files are rendered, the rest copied. */
const TEMPLATES: Array<[template: string, out: string]> = [
  ['package.json.hbs', 'package.json'],
  ['tsconfig.json', 'tsconfig.json'],
  ['vitest.config.ts.hbs', 'vitest.config.ts'],
  ['README.md.hbs', 'README.md'],
  ['HINTS.md.hbs', 'HINTS.md'],
  // Stored without the dot: a `.gitignore` inside templates/ would apply to this repository.
  ['gitignore', '.gitignore'],
  ['workflow-test.yml', '.github/workflows/test.yml'],
];

/** Where a needed file's placeholder template lives: `exercises/engine.ts` → `placeholders/engine.ts.hbs`. */
const placeholderTemplate = (file: string) => join('placeholders', `${file.replace(/^exercises\//, '')}.hbs`);

/** Relative path → file content. */
export type FileSet = Map<string, string>;

/** The repository for `assignments` (a subset of the catalogue's, in course order). */
export async function studentFiles(root: string, catalogue: Catalogue, assignments: Assignment[]): Promise<FileSet> {
  const files: FileSet = new Map();
  const exercises = assignments.flatMap((a) => a.exercises);
  // A stub belongs to the assignments whose exercises edit it; a file of exercises/ that none edits goes to all.
  const owned = new Set(catalogue.exercises.map((e) => e.file));
  const stubs = (await listFiles(root, 'exercises')).filter(
    (file) => !owned.has(file) || exercises.some((e) => e.file === file),
  );
  const handedOut = [...stubs, ...exercises.map((e) => e.test), ...(await listFiles(root, 'tests/support'))];
  for (const file of new Set(handedOut)) files.set(file, readFileSync(join(root, file), 'utf8'));

  const needs = neededFiles(catalogue, assignments).filter((need) => !files.has(need.file));
  const view = templateView(catalogue, assignments, needs);
  for (const need of needs) {
    const template = readFileSync(join(TEMPLATE_DIR, placeholderTemplate(need.file)), 'utf8');
    files.set(need.file, render(template, { ...view, need: view.needs.find((n) => n.file === need.file) }));
  }
  for (const [template, out] of TEMPLATES) {
    const source = readFileSync(join(TEMPLATE_DIR, template), 'utf8');
    files.set(out, template.endsWith('.hbs') ? render(source, view) : source);
  }
  // A malformed package.json would only show up as a confusing npm error on a student's machine.
  JSON.parse(files.get('package.json')!);
  return files;
}

interface Need {
  file: string;
  /** The assignment whose work the file is. */
  from: Assignment;
}

/** The earlier work the released assignments build on, each file once. */
function neededFiles(catalogue: Catalogue, assignments: Assignment[]): Need[] {
  const files = [...new Set(assignments.flatMap((a) => a.needs ?? []))];
  return files.map((file) => ({
    file,
    from: catalogue.assignments.find((a) => a.exercises.some((e) => e.file === file))!,
  }));
}

/** The catalogue, shaped for the templates: numbered, split into required and bonus, and by assignment. */
function templateView(catalogue: Catalogue, released: Assignment[], needs: Need[]) {
  const exercises = released
    .flatMap((a) => a.exercises)
    .map((exercise, index) => ({
      ...exercise,
      answers: exercise.answers ?? '',
      number: index + 1,
      isBonus: exercise.kind === 'bonus',
    }));
  const assignments = released.map((assignment) => {
    const own = exercises.filter((e) => assignment.exercises.some((x) => x.id === e.id));
    const index = catalogue.assignments.indexOf(assignment);
    return {
      ...assignment,
      number: index + 1,
      // The first assignment's tests sit in tests/public/ itself, the others' in a folder of their own.
      include: index === 0 ? 'tests/public/*.test.ts' : `tests/public/${assignment.id}/**/*.test.ts`,
      required: own.filter((e) => !e.isBonus),
      bonus: own.filter((e) => e.isBonus),
    };
  });
  const later = catalogue.assignments.slice(catalogue.assignments.indexOf(released[released.length - 1]) + 1);
  return {
    title: catalogue.title,
    studentPackage: catalogue.studentPackage,
    exercises,
    assignments,
    required: exercises.filter((e) => !e.isBonus),
    bonus: exercises.filter((e) => e.isBonus),
    /** Which of the course's assignments this release holds, by id: `{{#if has.nn}}`. */
    has: Object.fromEntries(catalogue.assignments.map((a) => [a.id, released.includes(a)])),
    several: released.length > 1,
    needs: needs.map((need) => ({ file: need.file, name: need.file.replace(/^exercises\//, ''), from: need.from })),
    later: later.map((a) => ({ id: a.id, title: a.title })),
  };
}

const handlebars = Handlebars.create();
handlebars.registerHelper('json', (value: unknown) => JSON.stringify(value));

function render(source: string, view: object): string {
  // No HTML escaping: these are Markdown and JSON files, and hints contain quotes and `<`.
  return handlebars.compile(source, { noEscape: true, strict: true })(view);
}
