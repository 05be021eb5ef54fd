import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { assignmentOf, loadCatalogue, PACKAGE_ROOT, releaseAssignments } from '../../../grader/course/catalogue.ts';
import { GraderError } from '../../../grader/errors.ts';
import { emptyFolder, type TempCourse } from './temp-course.ts';

describe('loadCatalogue', () => {
  test('the course catalogue is valid, in order, with required work first', () => {
    const catalogue = loadCatalogue();
    expect(catalogue.exercises.map((e) => e.id)).toEqual([
      'manual',
      'add',
      'mul',
      'accumulate',
      'tanh',
      'neuron',
      'bonus-ops',
      'nudge',
      'layer',
      'mlp',
      'loss',
      'zero-grad',
      'train-step',
    ]);
    expect(catalogue.exercises.filter((e) => e.kind === 'bonus').map((e) => e.id)).toEqual(['bonus-ops', 'nudge']);
  });

  test('a course of two assignments: the engine first, then the network; the first is the default', () => {
    const catalogue = loadCatalogue();
    expect(catalogue.assignments.map((a) => a.id)).toEqual(['engine', 'nn']);
    expect(assignmentOf(catalogue).id).toBe('engine');
    expect(assignmentOf(catalogue, 'nn').exercises.every((e) => e.test.startsWith('tests/public/nn/'))).toBe(true);
    expect(() => assignmentOf(catalogue, 'nnn')).toThrow(/no assignment 'nnn' in course.json \(it has: engine, nn\)/);
  });

  test('a release holds the first assignment unless told otherwise; nn builds on the engine', () => {
    const catalogue = loadCatalogue();
    expect(releaseAssignments(catalogue).map((a) => a.id)).toEqual(['engine']);
    expect(releaseAssignments(catalogue, 'nn').map((a) => a.id)).toEqual(['nn']);
    expect(releaseAssignments(catalogue, 'all').map((a) => a.id)).toEqual(['engine', 'nn']);
    expect(assignmentOf(catalogue, 'nn').needs).toEqual(['exercises/engine.ts']);
  });

  describe('rejects a broken catalogue with E_CONFIG and the JSON path', () => {
    let dir: TempCourse;
    const valid = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'course.json'), 'utf8'));
    beforeEach(async () => {
      dir = await emptyFolder('gradelab-catalogue-');
    });
    afterEach(() => dir.remove());

    function loadWith(mutate: (course: typeof valid) => void): GraderError {
      const course = structuredClone(valid);
      mutate(course);
      writeFileSync(join(dir.root, 'course.json'), JSON.stringify(course));
      try {
        loadCatalogue(dir.root);
      } catch (error) {
        if (error instanceof GraderError) return error;
        throw error;
      }
      throw new Error('loadCatalogue accepted a broken catalogue');
    }

    test('a missing hint', () => {
      const error = loadWith((c) => delete c.assignments[0].exercises[2].hint);
      expect(error.code).toBe('E_CONFIG');
      expect(error.location?.file).toBe('course.json');
      expect(error.details.join('\n')).toContain("$.assignments[0].exercises[2]: must have required property 'hint'");
    });

    test('an unknown kind', () => {
      const error = loadWith((c) => (c.assignments[0].exercises[6].kind = 'extra'));
      expect(error.details.join('\n')).toContain('$.assignments[0].exercises[6].kind');
    });

    test('a duplicate id, and a test file not named after its exercise', () => {
      const error = loadWith((c) => (c.assignments[0].exercises[3].id = 'add'));
      expect(error.details).toContain(
        "$.assignments[0].exercises[3].id: duplicate id 'add' (first used at $.assignments[0].exercises[1])",
      );
      expect(error.details).toContain(
        "$.assignments[0].exercises[3].test: must be 'tests/public/add.test.ts' (named after the exercise id, in its assignment's folder)",
      );
    });

    test("an exercise of the second assignment whose tests are not in the assignment's folder", () => {
      const error = loadWith((c) => (c.assignments[1].exercises[0].test = 'tests/public/layer.test.ts'));
      expect(error.details).toContain(
        "$.assignments[1].exercises[0].test: must be 'tests/public/nn/layer.test.ts' (named after the exercise id, in its assignment's folder)",
      );
    });

    test('a duplicate assignment id', () => {
      const error = loadWith((c) => (c.assignments[1].id = 'engine'));
      expect(error.details).toContain("$.assignments[1].id: duplicate assignment id 'engine'");
    });

    test("a need that is no earlier assignment's exercise file", () => {
      const error = loadWith((c) => {
        c.assignments[0].needs = ['exercises/nn.ts'];
        c.assignments[1].needs = ['exercises/nowhere.ts'];
      });
      expect(error.details).toContain(
        "$.assignments[0].needs[0]: 'exercises/nn.ts' is no exercise file of an earlier assignment",
      );
      expect(error.details).toContain(
        "$.assignments[1].needs[0]: 'exercises/nowhere.ts' is no exercise file of an earlier assignment",
      );
    });

    test('a file that is not JSON', () => {
      writeFileSync(join(dir.root, 'course.json'), '{ "version": 1, ');
      expect(() => loadCatalogue(dir.root)).toThrow(/not valid JSON/);
    });
  });
});
