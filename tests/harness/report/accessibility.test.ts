/**
 * The report's accessibility, in Chromium: axe-core (WCAG 2.1 A and AA rules)
 * finds nothing on the class overview, an instructor's page and a student's
 * feedback page, at a laptop's width and a phone's, nor on the second
 * assignment's pages with their loss chart; every graph drawing has a
 * text alternative; status never rests on colour alone; and the sortable
 * table works from the keyboard alone. Screenshots go to test-artifacts/report/.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feedbackPath, submissionPath } from '../../../grader/results/page-names.ts';
import { writeOutputs } from '../../../grader/07-render/write-outputs.ts';
import { assignmentDefaults, readConfig } from '../../../grader/config/load.ts';
import { buildResults } from '../../../grader/results/build.ts';
import { applyTerm } from '../../../grader/term/apply.ts';
import { findChromium, saveScreenshot } from '../support/chromium.ts';
import { FIXTURES, gradePaths, REPO, testConfig } from '../support/fixture-class.ts';

const ARTIFACTS = path.join(REPO, 'test-artifacts', 'report');
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const WIDTHS = { laptop: 1280, phone: 390 };
const STUDENT = 'bug-overwrite-add';
const CLASS = [STUDENT, 'correct-micrograd-style', 'error-syntax', 'bug-two-mistakes'];
const PAGES = { overview: 'index.html', instructor: submissionPath(STUDENT), feedback: feedbackPath(STUDENT) };
/** The second assignment: a training loop that forgets to zero the gradients, so its pages show the loss chart. */
const NN_STUDENT = 'forgot-zero-grad';
const NN_PAGES = { instructor: submissionPath(NN_STUDENT), feedback: feedbackPath(NN_STUDENT) };

let temp: string;
let out: string;
let browser: Browser;

beforeAll(async () => {
  const config = testConfig({
    salt: 'a11y',
    dueDate: '2026-11-20T23:59:00Z',
    late: { penaltyPercentPerDay: 10 },
    cases: { diamond: { visibility: 'hidden' } },
  });
  const graded = await gradePaths(
    CLASS.map((id) => path.join(FIXTURES, 'submissions', id)),
    config,
  );
  // Term adjustments on the pages too: a late penalty and an override with a comment.
  const submissions = [...graded.values()].map((s) =>
    s.id === STUDENT
      ? applyTerm(s, {
          time: { submittedAt: '2026-11-21T10:00:00.000Z', submittedFrom: 'csv' },
          due: config.dueDate,
          late: config.late,
          overrides: [{ line: 2, id: STUDENT, test: null, points: 3, comment: 'Clear write-up of the chain rule.' }],
        }).result
      : s,
  );
  temp = mkdtempSync(path.join(os.tmpdir(), 'gradelab-a11y-'));
  out = path.join(temp, 'out');
  await writeOutputs(out, buildResults(submissions, config), ['html'], { audience: 'instructor', now: new Date() });
  const nnConfig = readConfig({}, 'test', assignmentDefaults('nn')).value;
  const nn = await gradePaths([path.join(FIXTURES, 'nn', NN_STUDENT)], nnConfig);
  await writeOutputs(path.join(temp, 'nn'), buildResults([...nn.values()], nnConfig), ['html'], {
    audience: 'instructor',
    now: new Date(),
  });
  mkdirSync(ARTIFACTS, { recursive: true });
  browser = await chromium.launch({
    executablePath: await findChromium(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  if (temp) rmSync(temp, { recursive: true, force: true });
});

/** The page at a width; the report's CSP forbids scripts, so axe's injection is let through for the audit only. */
async function open(relative: string, width: number, bypassCSP = false, folder = out): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 }, bypassCSP });
  await page.goto(pathToFileURL(path.join(folder, relative)).href);
  return page;
}

interface Violation {
  id: string;
  help: string;
  nodes: Array<{ target: string[] }>;
}

async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  const violations = (await page.evaluate(
    `axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(WCAG_21_AA)} }, resultTypes: ['violations'] }).then((r) => r.violations)`,
  )) as Violation[];
  // Readable when it fails: the rule, what it asks, and where.
  return violations.map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('accessibility of the report (axe-core, WCAG 2.1 AA)', () => {
  for (const [name, relative] of Object.entries(PAGES)) {
    for (const [size, width] of Object.entries(WIDTHS)) {
      it(`${name} page at ${size} width (${width} px): zero violations`, async () => {
        const page = await open(relative, width, true);
        await saveScreenshot(page, path.join(ARTIFACTS, `a11y-${name}-${width}.png`));
        expect(await axeViolations(page)).toEqual([]);
        await page.close();
      }, 60_000);
    }
  }

  for (const [name, relative] of Object.entries(NN_PAGES)) {
    for (const [size, width] of Object.entries(WIDTHS)) {
      it(`second assignment: ${name} page with its loss chart at ${size} width (${width} px): zero violations`, async () => {
        const page = await open(relative, width, true, path.join(temp, 'nn'));
        await saveScreenshot(page, path.join(ARTIFACTS, `a11y-nn-${name}-${width}.png`));
        // The chart is on the instructor's page (a hidden case shows students no values), read as one image with its summary in words.
        if (name === 'instructor')
          expect(await page.locator('.loss-chart [role="img"]').first().getAttribute('aria-label')).toMatch(/\w+ \w+/);
        expect(await axeViolations(page)).toEqual([]);
        await page.close();
      }, 60_000);
    }
  }

  it('gives every graph drawing a text alternative a screen reader reads', async () => {
    for (const relative of [PAGES.instructor, PAGES.feedback]) {
      const page = await open(relative, WIDTHS.laptop);
      const drawings = page.locator('.graph-fit');
      expect(await drawings.count()).toBeGreaterThan(0);
      for (const drawing of await drawings.all()) {
        expect(await drawing.getAttribute('role')).toBe('img');
        const label = (await drawing.getAttribute('aria-label')) ?? '';
        expect(label).toMatch(/^Computation graph of \d+ nodes?(, plus \d+ nodes? not shown)?: .*first wrong at /);
      }
      // The accessibility tree exposes each drawing as one image with that name, not as loose SVG text.
      const snapshot = await page.locator('.graph').first().ariaSnapshot();
      expect(snapshot).toMatch(/- 'img "Computation graph of [^"]+"'$/m);
      // ...and the drawing's own text is not read out node by node on top of it.
      expect(snapshot).not.toMatch(/data 0\.5 grad/);
      await page.close();
    }
  }, 60_000);

  it('describes the score histogram in words', async () => {
    const page = await open(PAGES.overview, WIDTHS.laptop);
    const histogram = page.locator('svg.histogram');
    expect(await histogram.getAttribute('role')).toBe('img');
    const description = await page.locator('#histogram-desc').textContent();
    // Every submission is counted in some band; empty bands are counted, not listed.
    const counts = [...(description ?? '').matchAll(/(\d+) submissions? scored [\d–]+ %/g)].map((m) => Number(m[1]));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(CLASS.length);
    expect(description).toMatch(/; the other \d+ bands are empty\.$/);
    expect(await histogram.getAttribute('aria-describedby')).toBe('histogram-desc');
    await page.close();
  }, 60_000);

  it('never lets colour alone carry a status: every badge, bar and rate has words', async () => {
    const page = await open(PAGES.overview, WIDTHS.laptop);
    const badges = await page.locator('.badge').allTextContents();
    expect(badges.length).toBeGreaterThan(0);
    for (const text of badges) expect(text.trim()).toMatch(/[A-Za-z]{3,}/);
    // Bars are decoration beside a written number, hidden from screen readers.
    for (const bar of await page.locator('.bar').all()) expect(await bar.getAttribute('aria-hidden')).toBe('true');
    const rates = await page.locator('.case-rates .rate-value').allTextContents();
    for (const text of rates) expect(text).toMatch(/^\d+% \(\d+ of \d+\)$/);
    await page.close();
    const report = await open(PAGES.instructor, WIDTHS.laptop);
    const verdicts = await report.locator('.node-table td.verdict').allTextContents();
    expect(verdicts.length).toBeGreaterThan(0);
    for (const text of verdicts) expect(text.trim()).not.toBe('');
    await report.close();
  }, 60_000);

  it('sorts the submissions table from the keyboard alone, and says how it is sorted', async () => {
    const page = await open(PAGES.overview, WIDTHS.laptop);
    const focusedText = async () =>
      (await page.evaluate<string>("document.activeElement?.textContent?.trim() ?? ''")) ?? '';
    // Tab until the Score header has focus, as a keyboard user would.
    for (let i = 0; i < 60 && (await focusedText()) !== 'Score'; i++) await page.keyboard.press('Tab');
    expect(await focusedText()).toBe('Score');
    const percents = async () =>
      (await page.locator('table.students tbody td:nth-child(3)').allTextContents()).map((p) => parseFloat(p));
    const header = page.locator('table.students th', { hasText: 'Score' });
    await page.keyboard.press('Enter');
    expect(await header.getAttribute('aria-sort')).toBe('ascending');
    const up = await percents();
    expect(up).toEqual([...up].sort((a, b) => a - b));
    await page.keyboard.press('Space');
    expect(await header.getAttribute('aria-sort')).toBe('descending');
    const down = await percents();
    expect(down).toEqual([...down].sort((a, b) => b - a));
    // Shift+Tab goes back to the Submission header; Enter sorts by name.
    await page.keyboard.press('Shift+Tab');
    expect(await focusedText()).toBe('Submission');
    await page.keyboard.press('Enter');
    const names = await page.locator('table.students tbody td:first-child').allTextContents();
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    await page.close();
  }, 60_000);
});
