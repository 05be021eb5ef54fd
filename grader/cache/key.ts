/**
 * The cache key: sha256 over everything a submission's result depends on.
 *   - the submission's content (./content-hash.ts) and its id;
 *   - the grader: package.json's version, and the source of every module that
 *     shapes a result (so a fix to the grader without a version bump still
 *     invalidates, which matters when an instructor patches mid-term);
 *   - the installed versions of what reads and runs student code (the
 *     transpilers and the sandbox), which can change a result by themselves;
 *   - the effective grading config (concurrency aside: it changes speed, not results;
 *     the late policy aside: it is applied after the cache, see grader/term/);
 *   - the cases: the fixed case data (the random ones follow from the salt and the id);
 *   - the reference solution (solutions/*.ts), which is the oracle.
 * Everything but the submission and its generated cases is hashed once per run.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { SubmissionSource } from '../01-discover/discover.ts';
import { BUILD } from '../build-info.ts';
import { casesFor, isPerStudent } from '../cases/case-list.ts';
import type { GradingConfig } from '../config/types.ts';
import { PACKAGE_ROOT } from '../package-root.ts';
import { GRADER_VERSION } from '../results/build.ts';
import { stableJson } from '../shared/stable-json.ts';

/** Bump when the stored format or the key recipe changes. */
const KEY_FORMAT = 'gradelab-cache-3';
/**
 * Folders whose code only presents results already made, so editing them must not cost a re-grade:
 * rendering, the CLI, and the term (late work, overrides), applied after the cache.
 */
const PRESENTATION = new Set(['07-render', 'cli', 'term']);
/** Packages whose version can change how a submission is read or run. */
const RUNTIME_PACKAGES = ['rolldown', 'isolated-vm'];

export interface KeyContext {
  config: GradingConfig;
  /** Digest of everything shared by all submissions in this run. */
  base: string;
  /** The cases that are the same for every id, hashed on first use. */
  sharedCases?: string;
}

/**
 * The code this process runs, read once: later edits on disk do not change
 * what is running. Run from the build, that is the sources the build was made
 * from (it records their digest, made by the function below); run as source,
 * the sources themselves.
 */
let codeDigest: string | undefined;

/** The grader's modules that shape a result, and the reference solutions. */
export function graderSourceDigest(root: string = PACKAGE_ROOT): string {
  return sha256(filesDigest(path.join(root, 'grader'), PRESENTATION), filesDigest(path.join(root, 'solutions')));
}

/**
 * The code and templates that turn a result into pages (07-render/page-ledger.ts):
 * all of the grader, since rendering uses the misconception catalogue, the
 * number formats and more besides 07-render, and the templates. Editing any
 * of them redraws every page.
 */
export function renderSourceDigest(root: string = PACKAGE_ROOT): string {
  return sha256(filesDigest(path.join(root, 'grader')), filesDigest(path.join(root, 'templates'), new Set(), /./));
}

export function createKeyContext(config: GradingConfig): KeyContext {
  // The late policy is applied to results after the cache, so changing it must not re-grade anyone.
  const { concurrency: _speedOnly, late: _afterCache, ...effective } = config;
  codeDigest ??= sha256(BUILD?.sourceDigest ?? graderSourceDigest(), runtimeVersions());
  return { config, base: sha256(KEY_FORMAT, GRADER_VERSION, codeDigest, stableJson(effective)) };
}

/**
 * The cases that are the same for every id are hashed once per run (they
 * follow the course's case files and the config). The random ones are not
 * hashed at all: they are drawn from the salt and the id, both in the key
 * already, by code in the code digest, so drawing them here — for every
 * submission, cache hit or not — would only repeat what the key holds.
 */
export function cacheKey(ctx: KeyContext, source: SubmissionSource, content: string): string {
  ctx.sharedCases ??= sha256(JSON.stringify(casesFor(source.id, ctx.config).filter((c) => !isPerStudent(c))));
  return sha256(ctx.base, source.id, content, ctx.sharedCases);
}

/** `name@version` of each runtime package, as resolved from the grader. */
export function runtimeVersions(): string {
  const require = createRequire(import.meta.url);
  return RUNTIME_PACKAGES.map(
    (name) => `${name}@${(require(`${name}/package.json`) as { version: string }).version}`,
  ).join(' ');
}

function sha256(...parts: string[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(`${part.length}:${part}\0`);
  return hash.digest('hex');
}

/** Every .ts and .json file under `dir`, by sorted relative path, minus `skip` folders at the top. */
function filesDigest(dir: string, skip: Set<string> = new Set(), names = /\.(ts|json)$/): string {
  const hash = createHash('sha256');
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((rel) => rel.split(path.sep).join('/'))
    .filter((rel) => names.test(rel) && !skip.has(rel.split('/')[0]) && statSync(path.join(dir, rel)).isFile())
    .sort();
  for (const rel of files) hash.update(`${rel}\0`).update(readFileSync(path.join(dir, rel)));
  return hash.digest('hex');
}
