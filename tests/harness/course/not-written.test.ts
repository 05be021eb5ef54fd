/**
 * The student repository's reporters tell "not written yet" from a real
 * failure by the message alone, and place it at the first frame in the
 * student's exercises/ (or at the line the message names itself).
 */
import { describe, expect, it } from 'vitest';
import { notWritten } from '../../../tests/support/reporters/not-written.ts';

const ROOT = '/home/student/repo';

describe('notWritten', () => {
  it("places a stub's TODO at the first frame in exercises/, from vitest's parsed frames", () => {
    const error = {
      message: 'TODO: the backward rule of add is not written yet (exercises/engine.ts)',
      stacks: [
        { file: `${ROOT}/exercises/engine.ts`, line: 41, column: 7 },
        { file: `${ROOT}/tests/public/add.test.ts`, line: 17, column: 5 },
      ],
    };
    expect(notWritten(error, ROOT)).toEqual({
      what: 'the backward rule of add is not written yet',
      where: 'exercises/engine.ts:41',
    });
  });

  it('reads the frames from the stack text when there are no parsed ones', () => {
    const error = {
      message: 'TODO: MLP is not written yet (exercises/nn.ts)',
      stack: `Error: TODO: MLP is not written yet\n    at new MLP (file://${ROOT}/exercises/nn.ts:68:5)\n    at ${ROOT}/tests/public/nn/mlp.test.ts:12:19`,
    };
    expect(notWritten(error, ROOT)?.where).toBe('exercises/nn.ts:68');
  });

  it('prefers a line the message names, and falls back to the file it names', () => {
    const frames = { stacks: [{ file: `${ROOT}/exercises/engine.ts`, line: 40, column: 3 }] };
    expect(notWritten({ message: 'TODO: bring your engine (exercises/engine.ts:1)', ...frames }, ROOT)?.where).toBe(
      'exercises/engine.ts:1',
    );
    expect(notWritten({ message: 'TODO: dL/da is still NaN (exercises/manual.ts)' }, ROOT)?.where).toBe(
      'exercises/manual.ts',
    );
  });

  it('leaves every other failure to vitest', () => {
    expect(notWritten({ message: 'for b = a + a, a.grad must be 2 but is 1' }, ROOT)).toBeUndefined();
    expect(notWritten({ message: 'Error: TODO: not at the start' }, ROOT)).toBeUndefined();
    expect(notWritten({}, ROOT)).toBeUndefined();
  });
});
