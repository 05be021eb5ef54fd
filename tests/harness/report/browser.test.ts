/**
 * The HTML report in a real browser (Chromium through playwright-core): it
 * opens from disk, links work, no student-controlled text runs as script,
 * nothing is fetched from anywhere but the report folder, and failed graph
 * cases carry their drawing. Screenshots go to test-artifacts/report/.
 *
 * Uses a system Chromium when there is one, else the Chromium that the
 * `@sparticuz/chromium` dev dependency ships inside its npm package, so it
 * runs on a bare machine after `npm install`. It never skips: a skipped
 * browser test would let a broken report through unnoticed.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../grader/config/load.ts';
import { feedbackPath, submissionPath } from '../../../grader/results/page-names.ts';
import { writeOutputs } from '../../../grader/07-render/write-outputs.ts';
import { buildResults } from '../../../grader/results/build.ts';
import { findChromium, saveScreenshot } from '../support/chromium.ts';
import { FIXTURES, gradePaths, REPO } from '../support/fixture-class.ts';

const ARTIFACTS = path.join(REPO, 'test-artifacts', 'report');
const CLASS = ['bug-overwrite-add', 'correct-micrograd-style', 'error-syntax', 'hostile-xss-output'].map((id) =>
  path.join(FIXTURES, 'submissions', id),
);
const SCRIPT = '<script>window.__pwned=1</script>';
const IMG = '<img src=x onerror="window.__pwned=1">';
/** A syntax error's message quotes the line it is on, so this one carries markup. */
const SYNTAX_PAYLOAD = `let broken = 1 '${SCRIPT}<img src=x onerror=window.__pwned=1>';\n`;

let temp: string;
let out: string;
let browser: Browser;

beforeAll(async () => {
  const executablePath = await findChromium();
  temp = mkdtempSync(path.join(os.tmpdir(), 'gradelab-report-'));
  out = path.join(temp, 'out');
  // The syntax-error variant of the hostile fixture: same files, one broken line.
  const syntax = path.join(temp, 'class', 'hostile-xss-syntax');
  cpSync(path.join(FIXTURES, 'submissions', 'hostile-xss-output'), syntax, { recursive: true });
  const engine = path.join(syntax, 'exercises', 'engine.ts');
  writeFileSync(engine, SYNTAX_PAYLOAD + readFileSync(engine, 'utf8'));
  const graded = await gradePaths([...CLASS, syntax], DEFAULT_CONFIG);
  await writeOutputs(out, buildResults([...graded.values()], DEFAULT_CONFIG), ['json', 'html'], {
    audience: 'instructor',
    now: new Date(),
  });
  mkdirSync(ARTIFACTS, { recursive: true });
  browser = await chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
});

afterAll(async () => {
  await browser?.close();
  if (temp) rmSync(temp, { recursive: true, force: true });
});

interface Opened {
  page: Page;
  requests: string[];
  problems: string[];
}

/** A fresh page that records every request and every console error or uncaught exception. */
async function open(relative: string, width = 1280): Promise<Opened> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const requests: string[] = [];
  const problems: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(pathToFileURL(path.join(out, relative)).href);
  return { page, requests, problems };
}

function expectOnlyLocal({ requests }: Opened) {
  expect(requests.length).toBeGreaterThan(0);
  expect(requests.filter((url) => !url.startsWith('file://') && !url.startsWith('data:'))).toEqual([]);
}

async function expectNotPwned({ page, problems }: Opened) {
  expect(await page.evaluate('typeof window.__pwned')).toBe('undefined');
  expect(problems).toEqual([]);
}

describe('the HTML report in Chromium', () => {
  it('opens the overview from disk: histogram, table, no network, sortable', async () => {
    const opened = await open('index.html');
    const { page } = opened;
    await expect(page.locator('h1').textContent()).resolves.toBe('Class overview');
    expect(await page.locator('svg.histogram rect').count()).toBe(11);
    expect(await page.locator('table.students tbody tr').count()).toBe(5);
    await saveScreenshot(page, path.join(ARTIFACTS, 'overview-1280.png'));
    // The inline sorter runs under the page's Content-Security-Policy: lowest score first after one click.
    await page.locator('table.students th', { hasText: 'Score' }).click();
    const percents = await page.locator('table.students tbody td:nth-child(3)').allTextContents();
    expect(percents.map((p) => parseFloat(p))).toEqual([...percents.map((p) => parseFloat(p))].sort((a, b) => a - b));
    await expectNotPwned(opened);
    expectOnlyLocal(opened);
    await page.setViewportSize({ width: 390, height: 844 });
    await saveScreenshot(page, path.join(ARTIFACTS, 'overview-390.png'));
    await page.close();
  });

  it('links from the overview table to a submission page and on to its feedback page', async () => {
    const opened = await open('index.html');
    const { page } = opened;
    await page.locator('table.students a', { hasText: 'bug-overwrite-add' }).click();
    await page.waitForURL(/\/submissions\/bug-overwrite-add-[0-9a-f]{8}\.html$/);
    await expect(page.locator('h1').textContent()).resolves.toBe('bug-overwrite-add');
    await page.getByText('See this page as the student will').click();
    await page.waitForURL(/\/feedback\/bug-overwrite-add-[0-9a-f]{8}\.html$/);
    await expect(page.locator('.kicker').first().textContent()).resolves.toBe('Your feedback');
    await page.goBack();
    await page.getByText('← Class overview').click();
    await page.waitForURL(/\/index\.html$/);
    expectOnlyLocal(opened);
    await expectNotPwned(opened);
    await page.close();
  });

  it('runs no script from student output or error messages, and shows the payload as text', async () => {
    for (const relative of ['index.html', submissionPath('hostile-xss-output'), feedbackPath('hostile-xss-output')]) {
      const opened = await open(relative);
      await expectNotPwned(opened);
      expectOnlyLocal(opened);
      expect(await opened.page.locator('img, iframe, object, embed').count(), relative).toBe(0);
      await opened.page.close();
    }
    const instructor = await open(submissionPath('hostile-xss-output'));
    const output = await instructor.page.locator('pre.output').textContent();
    expect(output).toBe(`${SCRIPT}\n${IMG}\n`);
    await expect(instructor.page.locator('pre.output').isVisible()).resolves.toBe(true);
    await expect(
      instructor.page.getByText(`Your code threw Error in exp(): ${IMG}${SCRIPT}`).first().isVisible(),
    ).resolves.toBe(true);
    await instructor.page.close();
    // The student page withholds output (hidden cases ran), and the error thrown in a hidden case is
    // shown by its name and operation only; the instructor's page shows its message, as text.
    const student = await open(feedbackPath('hostile-xss-output'));
    await expect(
      student.page.getByText('Your code threw Error in exp(). Its message is not shown').first().isVisible(),
    ).resolves.toBe(true);
    expect(await student.page.content()).not.toContain('window.__pwned=1');
    await saveScreenshot(student.page, path.join(ARTIFACTS, 'feedback-hostile-1280.png'));
    await student.page.close();
  });

  it('shows a syntax error that carries markup as text, with its location', async () => {
    for (const relative of [submissionPath('hostile-xss-syntax'), feedbackPath('hostile-xss-syntax')]) {
      const opened = await open(relative);
      await expectNotPwned(opened);
      expectOnlyLocal(opened);
      const error = opened.page.locator('.load-errors li').first();
      await expect(error.locator('.code').textContent()).resolves.toBe('E_SUBMISSION_SYNTAX');
      await expect(error.locator('.where').textContent()).resolves.toMatch(/^exercises\/engine\.ts:1:\d+$/);
      await expect(error.locator('pre').textContent()).resolves.toContain(SCRIPT);
      expect(await opened.page.locator('img').count()).toBe(0);
      await opened.page.close();
    }
  });

  it('draws the computation graph of a failed case, and not on a student page for hidden cases', async () => {
    const instructor = await open(submissionPath('bug-overwrite-add'));
    const failed = instructor.page.locator('article.case.st-fail', {
      has: instructor.page.locator('h3', { hasText: /^b = a \+ a$/ }),
    });
    const svg = failed.locator('figure.graph svg').first();
    await expect(svg.isVisible()).resolves.toBe(true);
    await expect(svg.locator('text', { hasText: 'first wrong here' }).count()).resolves.toBeGreaterThan(0);
    expect(await failed.locator('table.node-table tbody tr').count()).toBe(2);
    await saveScreenshot(failed, path.join(ARTIFACTS, 'failed-case-graph.png'));
    await saveScreenshot(instructor.page, path.join(ARTIFACTS, 'submission-1280.png'));
    expectOnlyLocal(instructor);
    await instructor.page.close();

    const student = await open(feedbackPath('bug-overwrite-add'), 390);
    // Every drawing on the student page belongs to a visible case.
    const drawings = await student.page
      .locator('article.case:has(figure.graph) .tag', { hasText: 'hidden test' })
      .count();
    expect(drawings).toBe(0);
    expect(await student.page.locator('figure.graph svg').count()).toBeGreaterThan(0);
    await saveScreenshot(student.page, path.join(ARTIFACTS, 'feedback-390.png'));
    await expectNotPwned(student);
    expectOnlyLocal(student);
    await student.page.close();
  });
});
