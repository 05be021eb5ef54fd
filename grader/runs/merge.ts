/**
 * Combines the outputs of several shards into the results of one run. What
 * comes out is what an unsharded run would have written: same version,
 * grader and config, every submission exactly once. Anything that would make
 * that untrue is refused before a file is written, never guessed at: a
 * results.json or detail file that fails its schema, shards from different
 * grader versions or configs, an id in two shards, or a shard missing from
 * the set.
 *
 * Nothing holds a whole shard: results.json is read as a stream of
 * summaries, and each submission's full result comes from its detail file,
 * one at a time, to be passed to the same output writer a grading run uses.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { formatShard, type Shard } from '../01-discover/shard.ts';
import { stableJson } from '../shared/stable-json.ts';
import { GraderError } from '../errors.ts';
import { check } from '../schema.ts';
import { RESULTS_VERSION, type ResultsHeader, type SubmissionResult } from '../results/types.ts';

/** Written next to a shard's results.json, so merge can tell whether every shard came back. */
export const SHARD_FILE = 'shard.json';

export function shardManifest(shard: Shard, submissions: number): string {
  return `${JSON.stringify({ shard: formatShard(shard), index: shard.index, count: shard.count, submissions }, null, 2)}\n`;
}

export interface ShardOutput {
  /** Where it came from, for messages. */
  source: string;
  header: ResultsHeader;
  shard?: Shard;
  /** The summaries in results.json, one at a time; may be read more than once. */
  summaries(): AsyncIterable<SubmissionResult>;
  /** A summary's full result (from its detail file). */
  full(summary: SubmissionResult): SubmissionResult;
}

function invalid(file: string, problems: string[], what = 'a valid results.json'): void {
  if (problems.length > 0)
    throw new GraderError('E_SCHEMA', `${file} is not ${what}`, { details: problems.slice(0, 10) });
}

/** The JSON streaming parser, loaded on first use: a run that reads no earlier results never loads it. */
async function streamJson() {
  const [chain, json, ignore, pick, array, values] = await Promise.all([
    import('stream-chain'),
    import('stream-json'),
    import('stream-json/filters/ignore.js'),
    import('stream-json/filters/pick.js'),
    import('stream-json/streamers/stream-array.js'),
    import('stream-json/streamers/stream-values.js'),
  ]);
  return {
    chain: chain.default,
    parser: json.parser,
    ignore: ignore.ignore,
    pick: pick.pick,
    streamArray: array.streamArray,
    streamValues: values.streamValues,
  };
}

async function readHeader(file: string): Promise<ResultsHeader> {
  const { chain, parser, ignore, streamValues } = await streamJson();
  let header: unknown;
  try {
    for await (const { value } of chain([
      createReadStream(file),
      parser(),
      ignore({ filter: 'submissions' }),
      streamValues(),
    ]))
      header ??= value;
  } catch (error) {
    throw new GraderError('E_SCHEMA', `${file}: not valid JSON: ${(error as Error).message}`);
  }
  const version = (header as { version?: unknown } | undefined)?.version;
  if (typeof version === 'number' && version !== RESULTS_VERSION)
    throw new GraderError(
      'E_SCHEMA',
      `${file} is results format ${version}, and this grader reads format ${RESULTS_VERSION}: grade again with this grader`,
    );
  invalid(file, check('results', { ...(header as object), submissions: [] }, `${file}: $`));
  return header as ResultsHeader;
}

async function* summariesOf(file: string): AsyncGenerator<SubmissionResult> {
  const { chain, parser, pick, streamArray } = await streamJson();
  let index = 0;
  for await (const { value } of chain([
    createReadStream(file),
    parser(),
    pick({ filter: 'submissions' }),
    streamArray(),
  ])) {
    invalid(file, check('submission-summary', value, `${file}: $.submissions[${index++}]`));
    yield value as SubmissionResult;
  }
}

function readDetail(dir: string, summary: SubmissionResult): SubmissionResult {
  const file = path.join(dir, summary.detail!);
  if (!existsSync(file))
    throw new GraderError('E_NOT_FOUND', `${file}: the detail file of '${summary.id}' is missing from its shard`);
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new GraderError('E_SCHEMA', `${file}: not valid JSON: ${(error as Error).message}`);
  }
  invalid(file, check('submission-detail', data, `${file}: $`), 'a valid detail file');
  const full = (data as { submission: SubmissionResult }).submission;
  if (full.id !== summary.id)
    throw new GraderError('E_SCHEMA', `${file} holds '${full.id}', but results.json says it holds '${summary.id}'`);
  return full;
}

/** Accepts a shard's output folder or its results.json. */
export async function readShardOutput(input: string): Promise<ShardOutput> {
  const dir = existsSync(input) && statSync(input).isDirectory() ? input : path.dirname(input);
  const file = dir === input ? path.join(dir, 'results.json') : input;
  if (!existsSync(file))
    throw new GraderError('E_NOT_FOUND', `${file}: no results.json here (pass each shard's output folder)`);
  return {
    source: file,
    header: await readHeader(file),
    shard: readManifest(path.join(dir, SHARD_FILE)),
    summaries: () => summariesOf(file),
    full: (summary) => readDetail(dir, summary),
  };
}

function readManifest(file: string): Shard | undefined {
  if (!existsSync(file)) return undefined;
  let raw: Partial<Shard> | undefined;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8')) as Partial<Shard>;
  } catch {
    raw = undefined;
  }
  const { index, count } = raw ?? {};
  if (!Number.isInteger(index) || !Number.isInteger(count) || index! < 1 || index! > count!)
    throw new GraderError('E_SCHEMA', `${file}: not a valid shard manifest`);
  return { index: index!, count: count! };
}

/**
 * Checks that the outputs make one run (reading every summary once, for the
 * ids) and returns the merged header; the submissions come from mergedSubmissions.
 */
export async function checkMergeable(outputs: ShardOutput[], now = new Date()): Promise<ResultsHeader> {
  if (outputs.length === 0) throw new GraderError('E_USAGE', 'name at least one shard output folder to merge');
  const [first] = outputs;
  for (const other of outputs.slice(1)) {
    const mismatch = [
      other.header.version !== first.header.version &&
        `results format ${other.header.version} vs ${first.header.version}`,
      stableJson(other.header.grader) !== stableJson(first.header.grader) &&
        `grader ${other.header.grader.version} vs ${first.header.grader.version}`,
      stableJson(other.header.config) !== stableJson(first.header.config) && 'grading config',
      other.header.assignment !== first.header.assignment &&
        `assignment ${other.header.assignment ?? 'first'} vs ${first.header.assignment ?? 'first'}`,
    ].filter(Boolean);
    if (mismatch.length > 0) {
      throw new GraderError(
        'E_USAGE',
        `${other.source} and ${first.source} were not graded the same way (${mismatch.join(', ')}); regrade every shard with one grader and config`,
      );
    }
  }
  checkShardSet(outputs);
  const seen = new Map<string, string>();
  for (const { source, summaries } of outputs) {
    for await (const s of summaries()) {
      const earlier = seen.get(s.id);
      if (earlier !== undefined)
        throw new GraderError(
          'E_USAGE',
          `submission '${s.id}' appears in both ${earlier} and ${source}; each student must be in exactly one shard`,
        );
      seen.set(s.id, source);
    }
  }
  return {
    version: first.header.version,
    ...(first.header.assignment ? { assignment: first.header.assignment } : {}),
    grader: first.header.grader,
    generatedAt: now.toISOString(),
    config: first.header.config,
    ...warningsOf(outputs),
  };
}

/** Each shard's warnings once (a warning about the run itself comes from every shard). */
function warningsOf(outputs: ShardOutput[]): { warnings?: string[] } {
  const warnings = [...new Set(outputs.flatMap((o) => o.header.warnings ?? []))];
  return warnings.length > 0 ? { warnings } : {};
}

/** Every submission's full result, shard after shard; the output writer puts them in id order. */
export async function* mergedSubmissions(outputs: ShardOutput[]): AsyncGenerator<SubmissionResult> {
  for (const output of outputs) for await (const s of output.summaries()) yield output.full(s);
}

/** Sharded outputs must be one complete K/N set; plain runs (no shard.json) merge as they are. */
function checkShardSet(outputs: ShardOutput[]): void {
  const sharded = outputs.filter((o) => o.shard);
  if (sharded.length === 0) return;
  if (sharded.length !== outputs.length) {
    const plain = outputs.find((o) => !o.shard)!;
    throw new GraderError(
      'E_USAGE',
      `${plain.source} is not from a sharded run but others are; merge the shards of one run only`,
    );
  }
  const count = sharded[0].shard!.count;
  const byIndex = new Map<number, string>();
  for (const o of sharded) {
    if (o.shard!.count !== count)
      throw new GraderError(
        'E_USAGE',
        `${o.source} is shard ${formatShard(o.shard!)}, but ${sharded[0].source} is from a split into ${count}`,
      );
    const twice = byIndex.get(o.shard!.index);
    if (twice)
      throw new GraderError('E_USAGE', `shard ${formatShard(o.shard!)} was given twice: ${twice} and ${o.source}`);
    byIndex.set(o.shard!.index, o.source);
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !byIndex.has(i));
  if (missing.length > 0)
    throw new GraderError(
      'E_USAGE',
      `missing shard(s) ${missing.map((i) => `${i}/${count}`).join(', ')}: merging now would silently leave those students out`,
    );
}
