/**
 * Compiles the report's handlebars templates (templates/report) once per
 * process, in an environment of their own so that no other module's helpers
 * or partials leak in. `strict` makes a field missing from a view model an
 * error instead of a silently empty spot on the page. Handlebars itself loads
 * on first use: commands that write no page (`grader ci`) never pay for it.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type Handlebars from 'handlebars';
import { packagePath } from '../../package-root.ts';

const ROOT = packagePath('templates', 'report');

export interface Templates {
  overview: Handlebars.TemplateDelegate;
  submission: Handlebars.TemplateDelegate;
  /** CSP source for the one inline script (table sorting), e.g. 'sha256-…'. */
  sortScriptHash: string;
}

let compiled: Promise<Templates> | undefined;

const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');

export function templates(): Promise<Templates> {
  compiled ??= compile();
  return compiled;
}

async function compile(): Promise<Templates> {
  const { default: handlebars } = await import('handlebars');
  const hbs = handlebars.create();
  const options: CompileOptions = { strict: true, preventIndent: true };
  for (const file of readdirSync(path.join(ROOT, 'partials')).filter((f) => f.endsWith('.hbs'))) {
    hbs.registerPartial(path.basename(file, '.hbs'), hbs.compile(read(`partials/${file}`), options));
  }
  return {
    overview: hbs.compile(read('overview.hbs'), options),
    submission: hbs.compile(read('submission.hbs'), options),
    sortScriptHash: scriptHash(read('partials/sort-script.hbs')),
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

type CompileOptions = Parameters<typeof Handlebars.compile>[1];
