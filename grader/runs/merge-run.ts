/**
 * `grader merge` as a run: the outputs of `grader grade --shard K/N` joined
 * into one set of reports, identical (timings aside) to an unsharded run's,
 * since the same submissions pass one at a time through the same output
 * writer. The roster is matched against the whole class, not shard by
 * shard. Never prints or exits.
 */
import { openClassOutput } from '../07-render/write-outputs.ts';
import {
  assignmentFor,
  readRosterOption,
  rosterFor,
  withLmsReporters,
  type LmsOptions,
} from '../roster/apply-lms-options.ts';
import { checkMergeable, mergedSubmissions, readShardOutput } from './merge.ts';
import { tell, type OnNotice } from './notice.ts';

export interface MergeOptions extends LmsOptions {
  /** Each shard's output folder (or its results.json). */
  shards: string[];
  out: string;
  /** Already checked against the audience (07-render/audience.ts). */
  reporters: string[];
  audience: 'instructor' | 'student';
  onNotice: OnNotice;
}

export interface MergeRun {
  /** Submissions in the merged class. */
  count: number;
  /** The files written, relative to `out`. */
  written: string[];
}

export async function mergeShards(options: MergeOptions): Promise<MergeRun> {
  const roster = readRosterOption(options);
  const shards = await Promise.all(options.shards.map(readShardOutput));
  const header = await checkMergeable(shards);
  const output = openClassOutput(options.out, header, withLmsReporters(options.reporters, options), {
    audience: options.audience,
    now: new Date(),
    assignment: assignmentFor(options),
  });
  try {
    for await (const full of mergedSubmissions(shards)) await output.add(full);
  } catch (error) {
    output.abandon();
    throw error;
  }
  tell(options.onNotice, 'warning', output.refusedWarnings());
  const { extra, warnings } = rosterFor(output.ids(), roster);
  tell(options.onNotice, 'warning', warnings);
  return { count: output.count, written: await output.finish(extra) };
}
