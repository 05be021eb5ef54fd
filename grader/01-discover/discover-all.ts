/**
 * Discovery for a whole class: discover()'s listing, plus every zip that is
 * an LMS bulk download expanded into one submission per student. Bulk zips
 * are extracted into temporary folders that live until the caller's
 * cleanup(), because the expanded sources point into them.
 */
import path from 'node:path';
import { isGraderError } from '../errors.ts';
import { expandBulkZip, isBulkListing } from './bulk.ts';
import {
  collectSources,
  finalizeIds,
  type DiscoverOptions,
  type Discovery,
  type SubmissionSource,
} from './discover.ts';
import { listZip } from '../submission-files/zip-entries.ts';
import { BULK_LIMITS } from '../submission-files/zip-rules.ts';

export interface ClassDiscovery extends Discovery {
  /** Removes the folders bulk downloads were extracted into. */
  cleanup: () => Promise<void>;
}

/** Zips are listed a few at a time: opening one reads only its central directory. */
const LIST_AT_ONCE = 16;

export async function discoverAll(inputs: string[], options: DiscoverOptions = {}): Promise<ClassDiscovery> {
  const { submissions, skipped } = collectSources(inputs);
  const cleanups: Array<() => Promise<void>> = [];
  const expanded: SubmissionSource[][] = submissions.map((s) => [s]);
  for (let start = 0; start < submissions.length; start += LIST_AT_ONCE) {
    const batch = submissions.slice(start, start + LIST_AT_ONCE).map(async (source, offset) => {
      if (source.kind !== 'zip' || !(await isBulk(source.path))) return;
      try {
        const bulk = await expandBulkZip(source.path);
        cleanups.push(bulk.cleanup);
        expanded[start + offset] = bulk.sources;
        skipped.push(...bulk.skipped);
      } catch (error) {
        // Left as one submission: loading it reports the same problem in that row of the results.
        skipped.push(
          `${path.basename(source.path)}: could not expand the bulk download: ${isGraderError(error) ? error.message : String(error)}`,
        );
      }
    });
    await Promise.all(batch);
  }
  return {
    submissions: finalizeIds(expanded.flat(), options),
    skipped,
    cleanup: async () => {
      await Promise.all(cleanups.map((c) => c()));
    },
  };
}

/** A zip that cannot even be listed is no bulk download; grading it reports why. */
async function isBulk(file: string): Promise<boolean> {
  try {
    return isBulkListing(await listZip(file, BULK_LIMITS, true));
  } catch {
    return false;
  }
}
