/**
 * The pure CI renderers: workflow-command escaping, annotations, the job
 * summary, and where annotations point in a student's file.
 */
import { describe, expect, it } from 'vitest';
import {
  escapeData,
  escapeProperty,
  MAX_PER_KIND,
  renderAnnotations,
  workflowCommand,
  type AnnotationContext,
} from '../../../grader/07-render/ci/annotations.ts';
import { anchorFor, anchorLines } from '../../../grader/07-render/ci/source-lines.ts';
import { renderJobSummary } from '../../../grader/07-render/ci/summary.ts';
import { HIDDEN_DETAIL, outcomeResults, outcomeSubmission, outcomeTest } from './every-outcome.ts';

const context: AnnotationContext = {
  toRepoPath: (p) => `hw1/${p}`,
  engine: { path: 'hw1/exercises/engine.ts', lines: { add: 10, mul: 20, tanh: 30 } },
  manual: { path: 'hw1/exercises/manual.ts', lines: { manualGrads: 3 } },
  now: new Date('2026-01-02T00:00:00Z'),
};

describe('workflow command escaping', () => {
  it('escapes %, CR and LF in messages, and also : and , in properties', () => {
    expect(escapeData('50% done\r\nnext: a, b')).toBe('50%25 done%0D%0Anext: a, b');
    expect(escapeProperty('a: b, 50%\n')).toBe('a%3A b%2C 50%25%0A');
  });

  it('escapes % first, so an existing %0A in text stays literal', () => {
    expect(escapeData('%0A')).toBe('%250A');
  });

  it('never lets a message start a second command on a new line', () => {
    const line = workflowCommand(
      'error',
      { file: 'a,b.ts', line: 3, col: 4, title: 'x::y' },
      'one\n::warning::injected',
    );
    expect(line.split('\n')).toHaveLength(1);
    expect(line).toBe('::error file=a%2Cb.ts,line=3,col=4,title=x%3A%3Ay::one%0A::warning::injected');
  });

  it('leaves out properties that are unknown', () => {
    expect(workflowCommand('notice', {}, 'hi')).toBe('::notice::hi');
  });
});

describe('annotations', () => {
  it('puts a load error at its file, line and column, relative to the repository', () => {
    const s = outcomeSubmission({
      status: 'error',
      tests: [],
      errors: [
        { code: 'E_SUBMISSION_SYNTAX', message: 'Expected ")"', file: 'exercises/engine.ts', line: 12, column: 44 },
      ],
    });
    expect(renderAnnotations(outcomeResults([s]), s, context)).toEqual([
      '::error file=hw1/exercises/engine.ts,line=12,col=44,title=gradelab%3A E_SUBMISSION_SYNTAX::Expected ")"',
    ]);
  });

  it('marks failing cases on the definition they exercise, errors for required work and warnings for bonus', () => {
    const lines = renderAnnotations(outcomeResults(), outcomeSubmission(), context);
    const hidden = lines.find((l) => l.includes('hidden-fails'))!;
    expect(hidden).toMatch(/^::error file=hw1\/exercises\/engine\.ts,line=20,/);
    expect(lines.find((l) => l.includes('title=crashes'))).toMatch(/^::error file=hw1\/exercises\/engine\.ts,line=30,/);
    expect(lines.filter((l) => l.startsWith('::warning'))).toHaveLength(0);
    expect(lines.some((l) => l.includes('passes') || l.includes('bonus-relu'))).toBe(false);
  });

  it('shows only the safe message of a hidden case, never its detail or note', () => {
    const text = renderAnnotations(outcomeResults(), outcomeSubmission(), context).join('\n');
    expect(text).toContain('Hidden case: 1 of 4 values differ');
    expect(text).not.toContain(HIDDEN_DETAIL);
    expect(text).not.toContain('hidden note');
    expect(text).toContain('Likely cause: overwrite');
  });

  it('folds cases that were never run into one notice', () => {
    const lines = renderAnnotations(outcomeResults(), outcomeSubmission(), context);
    expect(lines.filter((l) => l.includes('skipped-run'))).toHaveLength(0);
    expect(lines).toContain(
      '::notice title=gradelab%3A 1 case not run::Not run: earlier cases hung, so the rest were skipped',
    );
  });

  it("keeps to GitHub's limit per kind and says how many more there are", () => {
    const many = Array.from({ length: MAX_PER_KIND + 3 }, (_, i) => outcomeTest({ id: `f${i}`, status: 'fail' }));
    const s = outcomeSubmission({ tests: many });
    const lines = renderAnnotations(outcomeResults([s]), s, context);
    expect(lines.filter((l) => l.startsWith('::error'))).toHaveLength(MAX_PER_KIND);
    expect(lines.at(-1)).toBe('::notice title=gradelab::3 more failing cases are listed in the job summary.');
  });
});

describe('where annotations point', () => {
  it('finds methods, properties and declarations, skipping comments', () => {
    const source = [
      '// add( in a comment',
      'class Value {',
      '  add(other: Value): Value {',
      '  }',
      '  public mul = (o: Value) => o;',
      '}',
      'Value.prototype.tanh = function () {};',
      'export const manualGrads = {};',
    ].join('\n');
    expect(anchorLines(source)).toMatchObject({ add: 3, mul: 5, tanh: 7, manualGrads: 8 });
  });

  it('maps exercises to files, and bonus cases to their op', () => {
    expect(anchorFor('manual', 'manual-worked-example')).toEqual({ module: 'manual', anchor: 'manualGrads' });
    expect(anchorFor('bonus-ops', 'bonus-pow')).toEqual({ module: 'engine', anchor: 'pow' });
    expect(anchorFor('accumulate', 'diamond')).toEqual({ module: 'engine', anchor: undefined });
  });
});

describe('job summary', () => {
  const md = renderJobSummary(outcomeResults(), outcomeSubmission(), new Date('2026-01-02T00:00:00Z'));

  it('gives the score, the misconception hints and a row per case', () => {
    expect(md).toContain('Score: **4 / 24** (16.7%) · bonus 2 / 4');
    expect(md).toContain(
      '**Gradients are assigned (=) instead of accumulated (+=)** (`overwrite-instead-of-accumulate`): Write x.grad += ...',
    );
    expect(md).toContain('| ✅ passed | c = a + b | 4 / 4 |');
    expect(md).toContain('| ⏱️ timed out | hangs |');
    expect(md).toContain('| ➖ not attempted | bonus-relu |');
    expect(md).toContain('### Cases (1 of 6 passed)');
  });

  it('withholds hidden details: name, outcome, points and safe message only', () => {
    expect(md).toContain('| ❌ failed | 🔒 hidden-fails | 0 / 4 | 1 of 4 values differ |');
    expect(md).not.toContain(HIDDEN_DETAIL);
    expect(md).not.toContain('hidden note');
  });

  it('escapes text that would break the table or be read as HTML', () => {
    expect(md).toContain('b = a \\| a');
    expect(md).toContain('&lt;b&gt;&amp;"');
    expect(md).not.toContain('<b>');
  });

  it('shows after_due_date cases in full once the due date has passed, and not before', () => {
    const s = outcomeSubmission({
      tests: [
        outcomeTest({ id: 'late', status: 'fail', visibility: 'after_due_date', message: 'safe', note: 'the note' }),
      ],
    });
    const r = { ...outcomeResults([s]), config: { ...outcomeResults().config, dueDate: '2026-01-01T12:00:00Z' } };
    expect(renderJobSummary(r, s, new Date('2026-01-01T00:00:00Z'))).not.toContain('the note');
    expect(renderJobSummary(r, s, new Date('2026-01-02T00:00:00Z'))).toContain('the note');
  });
});
