/**
 * Sharding a class across machines: `--shard K/N` keeps the submissions whose
 * id hashes to bucket K. Buckets come from a hash of the id, never from the
 * position in the listing, so a student added or removed later moves no one
 * else to another shard (and a shard's cache stays warm).
 */
import { createHash } from 'node:crypto';
import { GraderError } from '../errors.ts';
import type { SubmissionSource } from './discover.ts';

export interface Shard {
  /** 1-based, as written on the command line. */
  index: number;
  count: number;
}

export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = match ? Number(match[1]) : NaN;
  const count = match ? Number(match[2]) : NaN;
  if (!match || count < 1 || index < 1 || index > count) {
    throw new GraderError('E_USAGE', `--shard must look like K/N with 1 <= K <= N (for example 2/3), not '${text}'`);
  }
  return { index, count };
}

/** Stable across runs, machines and Node versions: the first 32 bits of sha256(id). */
export function shardOf(id: string, count: number): number {
  return (createHash('sha256').update(id, 'utf8').digest().readUInt32BE(0) % count) + 1;
}

export function inShard(sources: SubmissionSource[], shard: Shard): SubmissionSource[] {
  return sources.filter((s) => shardOf(s.id, shard.count) === shard.index);
}

export function formatShard(shard: Shard): string {
  return `${shard.index}/${shard.count}`;
}
