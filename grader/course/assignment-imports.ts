/**
 * Each assignment can be released alone (`grader release --assignment`), so
 * its public tests and stubs may use only its own stubs, the files it says it
 * needs (course.json `needs`, which a release of it alone replaces with a
 * placeholder) and stubs no exercise owns. A test of the first assignment
 * that imported exercises/nn.ts would break that assignment's repository.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import type { Catalogue } from './catalogue.ts';
import type { CheckProblem } from './check-rules.ts';

const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"]([^'"]+)['"]/g;

export function checkAssignmentImports(root: string, catalogue: Catalogue): CheckProblem[] {
  const owned = new Set(catalogue.exercises.map((e) => e.file));
  const problems: CheckProblem[] = [];
  for (const assignment of catalogue.assignments) {
    const allowed = new Set([...assignment.exercises.map((e) => e.file), ...(assignment.needs ?? [])]);
    const files = new Set(assignment.exercises.flatMap((e) => [e.test, e.file]));
    for (const file of files) {
      if (!existsSync(join(root, file))) continue; // reported by the layout rules
      const lines = readFileSync(join(root, file), 'utf8').split('\n');
      lines.forEach((line, index) => {
        for (const [, specifier] of line.matchAll(IMPORT)) {
          const stub = stubOf(file, specifier);
          if (!stub || !owned.has(stub) || allowed.has(stub)) continue;
          problems.push({
            rule: 'assignments',
            file,
            line: index + 1,
            message: `${file} (assignment ${assignment.id}) imports ${stub}, which is not its own; add it to the assignment's "needs" in course.json, or the assignment cannot be released alone`,
          });
        }
      });
    }
  }
  return problems;
}

/** `../../exercises/engine` from tests/public/add.test.ts → `exercises/engine.ts`; undefined outside exercises/. */
function stubOf(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const path = posix.normalize(posix.join(dirname(from), specifier));
  if (!path.startsWith('exercises/')) return undefined;
  return `${path.replace(/\.(ts|js|mjs|cjs)$/, '')}.ts`;
}
