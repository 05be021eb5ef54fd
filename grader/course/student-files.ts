/**
 * The student repository, as a list of files in memory: what the course
 * hands out (stubs, public tests and their support code) plus the files made
 * from templates/student/. Building it in memory first lets `release` inspect
 * every byte before anything touches the disk.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { PACKAGE_ROOT, type Catalogue } from './catalogue.ts';
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

/** Relative path → file content. */
export type FileSet = Map<string, string>;

export async function studentFiles(root: string, catalogue: Catalogue): Promise<FileSet> {
  const files: FileSet = new Map();
  // Only what students need: stubs, the listed public tests, their support code.
  const handedOut = [
    ...(await listFiles(root, 'exercises')),
    ...catalogue.exercises.map((exercise) => exercise.test),
    ...(await listFiles(root, 'tests/support')),
  ];
  for (const file of handedOut) files.set(file, readFileSync(join(root, file), 'utf8'));

  const view = templateView(catalogue);
  for (const [template, out] of TEMPLATES) {
    const source = readFileSync(join(TEMPLATE_DIR, template), 'utf8');
    files.set(out, template.endsWith('.hbs') ? render(source, view) : source);
  }
  // A malformed package.json would only show up as a confusing npm error on a student's machine.
  JSON.parse(files.get('package.json')!);
  return files;
}

/** The catalogue, shaped for the templates: numbered, split into required and bonus, and by assignment. */
function templateView(catalogue: Catalogue) {
  const exercises = catalogue.exercises.map((exercise, index) => ({
    ...exercise,
    number: index + 1,
    isBonus: exercise.kind === 'bonus',
  }));
  const assignments = catalogue.assignments.map((assignment, index) => {
    const own = exercises.filter((e) => assignment.exercises.some((x) => x.id === e.id));
    return {
      ...assignment,
      number: index + 1,
      // The first assignment's tests sit in tests/public/ itself, the others' in a folder of their own.
      include: index === 0 ? 'tests/public/*.test.ts' : `tests/public/${assignment.id}/**/*.test.ts`,
      required: own.filter((e) => !e.isBonus),
      bonus: own.filter((e) => e.isBonus),
    };
  });
  return {
    title: catalogue.title,
    studentPackage: catalogue.studentPackage,
    exercises,
    assignments,
    required: exercises.filter((e) => !e.isBonus),
    bonus: exercises.filter((e) => e.isBonus),
  };
}

const handlebars = Handlebars.create();
handlebars.registerHelper('json', (value: unknown) => JSON.stringify(value));

function render(source: string, view: object): string {
  // No HTML escaping: these are Markdown and JSON files, and hints contain quotes and `<`.
  return handlebars.compile(source, { noEscape: true, strict: true })(view);
}
