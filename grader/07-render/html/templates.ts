/**
 * Compiles the report's handlebars templates (templates/report) once per
 * process, in an environment of their own so that no other module's helpers
 * or partials leak in. `strict` makes a field missing from a view model an
 * error instead of a silently empty spot on the page. Handlebars itself loads
 * on first use: commands that write no page (`grader ci`) never pay for it,
 * and the build's precompiled templates (./templates-precompiled.ts) need
 * only its runtime.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type Handlebars from 'handlebars';
import { packagePath } from '../../package-root.ts';
import { PRECOMPILED_TEMPLATES, type PrecompiledTemplates } from './templates-precompiled.ts';

const ROOT = packagePath('templates', 'report');

export interface Templates {
  overview: Handlebars.TemplateDelegate;
  submission: Handlebars.TemplateDelegate;
  /** CSP source for the one inline script (table sorting), e.g. 'sha256-…'. */
  sortScriptHash: string;
}

let compiled: Promise<Templates> | undefined;

const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');

/** Compile-time options: the build's precompiled templates are made with the same. */
export const COMPILE_OPTIONS = { strict: true, preventIndent: true } as const;

/** Every template's text: the two pages and their partials by name. */
export function templateSources(): { overview: string; submission: string; partials: Record<string, string> } {
  const partials: Record<string, string> = {};
  for (const file of readdirSync(path.join(ROOT, 'partials')).filter((f) => f.endsWith('.hbs')))
    partials[path.basename(file, '.hbs')] = read(`partials/${file}`);
  return { overview: read('overview.hbs'), submission: read('submission.hbs'), partials };
}

export function templates(): Promise<Templates> {
  compiled ??= PRECOMPILED_TEMPLATES ? fromPrecompiled(PRECOMPILED_TEMPLATES) : compile();
  return compiled;
}

/** The build's templates: only handlebars's runtime is needed. */
async function fromPrecompiled(pre: PrecompiledTemplates): Promise<Templates> {
  // The runtime's typings declare nothing of their own: it is the same object, without the compiler.
  const runtime = (await import('handlebars/runtime.js')) as unknown as { default: typeof Handlebars };
  const hbs = runtime.default.create();
  const template = (spec: object) => hbs.template(spec as Parameters<typeof hbs.template>[0]);
  for (const [name, spec] of Object.entries(pre.partials)) hbs.registerPartial(name, template(spec));
  return {
    overview: template(pre.overview),
    submission: template(pre.submission),
    sortScriptHash: scriptHash(pre.sortScript),
  };
}

/** Run as source: compiled from the template files on first use. */
async function compile(): Promise<Templates> {
  const { default: handlebars } = await import('handlebars');
  const hbs = handlebars.create();
  const sources = templateSources();
  for (const [name, text] of Object.entries(sources.partials))
    hbs.registerPartial(name, hbs.compile(text, COMPILE_OPTIONS));
  return {
    overview: hbs.compile(sources.overview, COMPILE_OPTIONS),
    submission: hbs.compile(sources.submission, COMPILE_OPTIONS),
    sortScriptHash: scriptHash(sources.partials['sort-script']),
  };
}

/**
 * The pages forbid every script but this one (Content-Security-Policy), so a
 * student string that ever slipped past escaping still could not run. The
 * partial holds no handlebars expressions, so its text is what the browser
 * hashes.
 */
function scriptHash(partial: string): string {
  const body = /<script>([\s\S]*?)<\/script>/.exec(partial);
  if (!body) throw new Error('templates/report/partials/sort-script.hbs has no <script> element');
  return `'sha256-${createHash('sha256').update(body[1], 'utf8').digest('base64')}'`;
}
