/**
 * The JUnit report: valid XML whatever the text holds, one testsuite per
 * submission, and no crash, timeout or skipped case ever counted as a pass.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { renderJunit, stripForbidden, xmlAttr } from '../../../grader/07-render/junit-reporter.ts';
import { reporters } from '../../../grader/07-render/registry.ts';
import { HIDDEN_DETAIL, outcomeResults, outcomeSubmission, outcomeTest } from './every-outcome.ts';

const student = { audience: 'student' as const, now: new Date('2026-01-02T00:00:00Z') };
const instructor = { ...student, audience: 'instructor' as const };

function parse(xml: string) {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    isArray: (name) => ['testsuite', 'testcase', 'property'].includes(name),
  });
  return parser.parse(xml).testsuites as {
    tests: string;
    failures: string;
    errors: string;
    skipped: string;
    testsuite: Array<{
      name: string;
      tests: string;
      failures: string;
      errors: string;
      skipped: string;
      testcase: Array<Record<string, unknown>>;
    }>;
  };
}

describe('JUnit XML', () => {
  const two = outcomeResults([
    outcomeSubmission(),
    outcomeSubmission({ id: 'bob & <co>', tests: [outcomeTest({ id: 'ok', status: 'pass' })], score: 4, maxScore: 4 }),
  ]);
  const xml = renderJunit(two, student);

  it('is well-formed XML even with markup and control characters in messages', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).not.toMatch(/[\u0001\u0008\uFFFE]/);
  });

  it('has one testsuite per submission and one testcase per case', () => {
    const doc = parse(xml);
    expect(doc.testsuite.map((s) => s.name)).toEqual(['alice', 'bob & <co>']);
    expect(doc.testsuite[0].testcase).toHaveLength(8);
    expect(doc.testsuite[1].testcase).toHaveLength(1);
  });

  it('counts failures, errors (crash, timeout, not run) and skipped bonus cases', () => {
    const doc = parse(xml);
    expect(doc.testsuite[0]).toMatchObject({ tests: '8', failures: '2', errors: '3', skipped: '1' });
    expect(doc).toMatchObject({ tests: '9', failures: '2', errors: '3', skipped: '1' });
  });

  it('never renders a crash or a timeout as a pass', () => {
    const cases = parse(xml).testsuite[0].testcase;
    const byName = (id: string) => cases.find((c) => String(c.name).endsWith(`[${id}]`))!;
    expect(byName('crashes').error).toMatchObject({ type: 'error' });
    expect(byName('hangs').error).toMatchObject({ type: 'timeout' });
    expect(byName('fails').failure).toMatchObject({ type: 'fail' });
    expect(byName('bonus-relu')).toHaveProperty('skipped');
    expect(byName('passes')).not.toHaveProperty('failure');
    expect(byName('passes')).not.toHaveProperty('error');
  });

  it('gives students only the safe message of a hidden case, and instructors its detail', () => {
    expect(xml).toContain('1 of 4 values differ');
    expect(xml).not.toContain(HIDDEN_DETAIL);
    expect(renderJunit(two, instructor)).toContain(HIDDEN_DETAIL);
  });

  it('reports a submission the grader produced no cases for as an error, not an empty green suite', () => {
    const broken = outcomeSubmission({ status: 'error', tests: [], errors: [{ code: 'E_INTERNAL', message: 'boom' }] });
    const doc = parse(renderJunit(outcomeResults([broken]), student));
    expect(doc.testsuite[0]).toMatchObject({ tests: '1', errors: '1' });
  });

  it('keeps line breaks and tabs in attributes, and strips what XML 1.0 cannot hold', () => {
    expect(xmlAttr('a\n\tb"\'')).toBe('a&#10;&#9;b&quot;&apos;');
    expect(stripForbidden('ok\u0000\u001F\uDC00😀')).toBe('ok😀');
  });

  it('is registered as the junit reporter, writing junit.xml', async () => {
    const files = await reporters.junit.render(two, student);
    expect(files.map((f) => f.path)).toEqual(['junit.xml']);
    expect(XMLValidator.validate(files[0].content)).toBe(true);
  });
});
