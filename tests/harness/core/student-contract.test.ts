/**
 * The student contract (grader/course/student-contract.ts) describes the
 * course as it is: its files are the ones course.json hands out, the
 * reference solutions export what it requires with the types it checks,
 * Value has its methods, and the sandbox's op codes cover them all.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OP_CODES } from '../../../grader/cases/program.ts';
import { loadCatalogue } from '../../../grader/course/catalogue.ts';
import {
  BONUS_METHODS,
  CODE_EXTENSIONS,
  RULE_METHODS,
  STUDENT_FILES,
  STUDENT_MODULES,
  VALUE_CLASS,
  VALUE_METHODS,
} from '../../../grader/course/student-contract.ts';

const solution = (module: string) => import(`../../../solutions/${module}.ts`) as Promise<Record<string, unknown>>;

describe('the student contract', () => {
  it("names exactly the files course.json's exercises are written in", () => {
    const files = new Set(loadCatalogue().exercises.map((e) => path.basename(e.file, path.extname(e.file))));
    expect([...files].sort()).toEqual([...STUDENT_MODULES].sort());
    expect(
      loadCatalogue().exercises.every((e) => (CODE_EXTENSIONS as readonly string[]).includes(path.extname(e.file))),
    ).toBe(true);
  });

  it.each(STUDENT_MODULES)(
    '%s: the reference solution exports what the contract requires, as the type it checks',
    async (module) => {
      const spec = STUDENT_FILES[module];
      const exports = await solution(module);
      expect(typeof exports[spec.export]).toBe(spec.type);
      expect(spec.what).toContain(spec.export);
      for (const name of spec.bonusExports) expect(exports).toHaveProperty(name);
    },
  );

  it('Value has every required and bonus method under the contract’s names', async () => {
    const Value = (await solution('engine'))[VALUE_CLASS] as { prototype: Record<string, unknown> };
    for (const method of [...VALUE_METHODS, ...BONUS_METHODS])
      expect(typeof Value.prototype[method], method).toBe('function');
  });

  it("the sandbox's op codes cover the contract's methods", () => {
    expect(OP_CODES).toEqual(expect.arrayContaining([...RULE_METHODS, ...BONUS_METHODS]));
  });
});
