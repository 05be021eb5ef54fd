/**
 * Combines the results.json of several shards into the results of one run.
 * The merged value is what an unsharded run would have built: same version,
 * grader and config, every submission exactly once, sorted as buildResults
 * sorts. Anything that would make that untrue is refused, never guessed at:
 * a results.json that fails its schema, shards from different grader
 * versions or configs, an id in two shards, or a shard missing from the set.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { formatShard, type Shard } from '../01-discover/shard.ts';
import { stableJson } from '../cache/stable-json.ts';
import { GraderError } from '../errors.ts';
import { check } from '../schema.ts';
import type { Results } from './types.ts';

/** Written next to a shard's results.json, so merge can tell whether every shard came back. */
export const SHARD_FILE = 'shard.json';

export function shardManifest(shard: Shard, submissions: number): string {
  return `${JSON.stringify({ shard: formatShard(shard), index: shard.index, count: shard.count, submissions }, null, 2)}\n`;
}

export interface ShardOutput {
  /** Where it came from, for messages. */
  source: string;
  results: Results;
  shard?: Shard;
}

/** Accepts a shard's output folder or its results.json. */
export function readShardOutput(input: string): ShardOutput {
  const dir = existsSync(input) && statSync(input).isDirectory() ? input : path.dirname(input);
  const file = dir === input ? path.join(dir, 'results.json') : input;
  if (!existsSync(file))
    throw new GraderError('E_NOT_FOUND', `${file}: no results.json here (pass each shard's output folder)`);
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new GraderError('E_SCHEMA', `${file}: not valid JSON: ${(error as Error).message}`);
  }
  const problems = check('results', data, `${file}: $`);
  if (problems.length > 0)
    throw new GraderError('E_SCHEMA', `${file} is not a valid results.json`, { details: problems.slice(0, 10) });
  return { source: file, results: data as Results, shard: readManifest(path.join(dir, SHARD_FILE)) };
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

export function mergeResults(outputs: ShardOutput[], now = new Date()): Results {
  if (outputs.length === 0) throw new GraderError('E_USAGE', 'name at least one shard output folder to merge');
  const [first] = outputs;
  for (const other of outputs.slice(1)) {
    const mismatch = [
      other.results.version !== first.results.version &&
        `results format ${other.results.version} vs ${first.results.version}`,
      stableJson(other.results.grader) !== stableJson(first.results.grader) &&
        `grader ${other.results.grader.version} vs ${first.results.grader.version}`,
      stableJson(other.results.config) !== stableJson(first.results.config) && 'grading config',
      other.results.assignment !== first.results.assignment &&
        `assignment ${other.results.assignment ?? 'first'} vs ${first.results.assignment ?? 'first'}`,
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
  for (const { source, results } of outputs) {
    for (const s of results.submissions) {
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
    version: first.results.version,
    ...(first.results.assignment ? { assignment: first.results.assignment } : {}),
    grader: first.results.grader,
    generatedAt: now.toISOString(),
    config: first.results.config,
    // The same order buildResults gives an unsharded run.
    submissions: outputs.flatMap((o) => o.results.submissions).sort((a, b) => a.id.localeCompare(b.id)),
    ...warningsOf(outputs),
  };
}

/** Each shard's warnings once (a warning about the run itself comes from every shard). */
function warningsOf(outputs: ShardOutput[]): { warnings?: string[] } {
  const warnings = [...new Set(outputs.flatMap((o) => o.results.warnings ?? []))];
  return warnings.length > 0 ? { warnings } : {};
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
