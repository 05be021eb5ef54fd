/**
 * Builds dist/, the JavaScript that bin/grader.js runs, so that the CLI
 * starts without compiling TypeScript:
 * - dist/grader.js, the CLI, with one chunk per command (each command's
 *   modules load only when it runs) and shared chunks beside it;
 * - dist/sandbox-host.cjs, the sandbox host script (03-sandbox/host/host-program.ts);
 * - grader/build-info.ts replaced by what the build knows: the digest of the
 *   sources it was built from, which the cache key uses (cache/key.ts);
 * - the schemas' validators and the report's templates compiled ahead of time
 *   (grader/schema-precompiled.ts, grader/07-render/html/templates-precompiled.ts).
 * Packages stay outside the bundle and load from node_modules, except yargs
 * and what it imports (see BUNDLED below). Chunks are
 * flat in dist/ so that grader/package-root.ts finds the package from any
 * of them. Runs on `npm install` and `npm ci` (the `prepare` script) and
 * before the tests; `npm run build` runs it by hand.
 */
import '../grader/rust-threads.ts';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import Handlebars from 'handlebars';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { rolldown } from 'rolldown';
import type { BuildInfo } from '../grader/build-info.ts';
import { graderSourceDigest, renderSourceDigest } from '../grader/cache/key.ts';
import { bundleHostProgram } from '../grader/03-sandbox/host/host-program.ts';
import { COMPILE_OPTIONS, templateSources } from '../grader/07-render/html/templates.ts';
import { PACKAGE_ROOT } from '../grader/package-root.ts';
import { AJV_OPTIONS, schemaPath } from '../grader/schema.ts';
import { buildIsCurrent, DIST, STAMP } from '../bin/build-state.js';

const BUILD_INFO = path.join(PACKAGE_ROOT, 'grader', 'build-info.ts');
const PRECOMPILED = path.join(PACKAGE_ROOT, 'grader', 'schema-precompiled.ts');
const TEMPLATES = path.join(PACKAGE_ROOT, 'grader', '07-render', 'html', 'templates-precompiled.ts');
const HOST_PROGRAM = 'dist/sandbox-host.cjs';

/** Every schema in schemas/ as ajv standalone code, exported as PRECOMPILED by name (see grader/schema.ts). */
function precompiledSchemas(): string {
  const ajv = new Ajv({ ...AJV_OPTIONS, code: { source: true, esm: true } });
  const names = readdirSync(path.join(PACKAGE_ROOT, 'schemas'))
    .filter((file) => file.endsWith('.schema.json'))
    .map((file) => file.slice(0, -'.schema.json'.length));
  const exports: Record<string, string> = {};
  names.forEach((name, i) => {
    ajv.addSchema(JSON.parse(readFileSync(schemaPath(name), 'utf8')), name);
    exports[`schema${i}`] = name;
  });
  const table = names.map((name, i) => `${JSON.stringify(name)}: schema${i}`).join(', ');
  return `${standaloneCode(ajv, exports)}\nexport const PRECOMPILED = { ${table} };\n`;
}

/** The report's templates as handlebars's precompiled code, exported as PRECOMPILED_TEMPLATES (see 07-render/html/templates.ts). */
function precompiledTemplates(): string {
  const sources = templateSources();
  const code = (text: string) => Handlebars.precompile(text, COMPILE_OPTIONS) as string;
  const partials = Object.entries(sources.partials)
    .map(([name, text]) => `${JSON.stringify(name)}: ${code(text)}`)
    .join(',\n');
  return `export const PRECOMPILED_TEMPLATES = {
  overview: ${code(sources.overview)},
  submission: ${code(sources.submission)},
  partials: {${partials}},
  sortScript: ${JSON.stringify(sources.partials['sort-script'])},
};\n`;
}

/** Bare specifiers (packages, node: builtins) stay imports, except BUNDLED; the project's own files are bundled. */
const isPackage = (id: string) => !id.startsWith('.') && !path.isAbsolute(id);
/**
 * yargs and the packages it imports, which every command loads first: as
 * dozens of small ES modules they cost the loader about 100 ms at each start,
 * as part of dist/grader.js next to nothing. (Its messages then come from its
 * built-in English strings: the locale files are not found beside the bundle.)
 */
const BUNDLED =
  /^(yargs|yargs-parser|cliui|escalade|get-caller-file|string-width|y18n|strip-ansi|ansi-regex|wrap-ansi|emoji-regex|get-east-asian-width|ansi-styles)(\/|$)/;
const external = (id: string) => isPackage(id) && !BUNDLED.test(id);

async function build(): Promise<void> {
  const started = Date.now();
  const info: BuildInfo = {
    sourceDigest: graderSourceDigest(),
    renderDigest: renderSourceDigest(),
    hostProgram: HOST_PROGRAM,
  };
  // Built beside dist/ and swapped in at the end, so a grader starting meanwhile never sees half a build.
  const next = `${DIST}.${process.pid}`;
  rmSync(next, { recursive: true, force: true });
  mkdirSync(next, { recursive: true });

  const cli = await rolldown({
    input: { grader: path.join(PACKAGE_ROOT, 'grader', 'cli', 'main.ts') },
    platform: 'node',
    external,
    logLevel: 'warn',
    transform: { target: 'node24' },
    plugins: [
      {
        name: 'gradelab-build-info',
        load: {
          // Filtered in the bundler, so the other modules never wait on this callback.
          filter: { id: /(build-info|schema-precompiled|templates-precompiled)\.ts$/ },
          handler(id) {
            if (id === BUILD_INFO) return `export const BUILD = ${JSON.stringify(info)};`;
            if (id === PRECOMPILED) return precompiledSchemas();
            if (id === TEMPLATES) return precompiledTemplates();
            return null;
          },
        },
      },
    ],
  });
  try {
    await cli.write({ dir: next, format: 'esm', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' });
  } finally {
    await cli.close();
  }
  writeFileSync(path.join(next, path.basename(HOST_PROGRAM)), await bundleHostProgram());
  // Written last: bin/grader.js runs dist/ only when this exists and is newer than every source.
  writeFileSync(path.join(next, path.basename(STAMP)), `${JSON.stringify(info)}\n`);
  rmSync(DIST, { recursive: true, force: true });
  renameSync(next, DIST);
  if (!buildIsCurrent()) throw new Error('a source changed while dist/ was being built: build again');
  process.stdout.write(`gradelab: built dist/ in ${Date.now() - started} ms\n`);
}

// `--if-stale`: only when dist/ is missing or older than a source (the tests' set-up uses it).
if (!(process.argv.includes('--if-stale') && buildIsCurrent())) await build();
