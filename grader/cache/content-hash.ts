/**
 * What a submission is, as bytes: the digest changes exactly when something
 * the grader could read changes. A zip is its archive bytes (extracting it
 * just to hash it would cost more than the cache saves). A folder is every
 * file's relative path and bytes, in sorted order so that the listing order
 * of the file system does not matter.
 */
import { createHash, type Hash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import path from 'node:path';
import type { SubmissionSource } from '../01-discover/discover.ts';

/**
 * Never read by the grader (submission-files/locate.ts skips them, and bundle.ts refuses
 * packages), and large or churning: a `git fetch` must not invalidate a clone.
 */
const SKIPPED_DIRS = new Set(['.git', 'node_modules', '__MACOSX']);

/** undefined for a missing submission: there is nothing worth caching. */
export function contentDigest(source: SubmissionSource): string | undefined {
  if (source.kind === 'missing' || source.refused !== undefined) return undefined;
  const hash = createHash('sha256').update(`${source.kind}\0`);
  if (source.kind === 'zip') return hash.update(readFileSync(source.path)).digest('hex');
  hashFolder(hash, source.path, '');
  return hash.digest('hex');
}

function hashFolder(hash: Hash, root: string, rel: string): void {
  const names = readdirSync(path.join(root, rel)).sort();
  for (const name of names) {
    const relPath = rel ? `${rel}/${name}` : name;
    const full = path.join(root, relPath);
    const stat = lstatSync(full);
    if (stat.isDirectory()) {
      if (!SKIPPED_DIRS.has(name)) hashFolder(hash, root, relPath);
    } else if (stat.isSymbolicLink()) {
      // The link itself, not its target: a target inside the folder is hashed
      // on its own, and one outside is refused by the bundler anyway.
      hash.update(`L\0${relPath}\0${readlinkSync(full)}\0`);
    } else if (stat.isFile()) {
      hash.update(`F\0${relPath}\0${stat.size}\0`);
      hash.update(readFileSync(full));
    }
  }
}
