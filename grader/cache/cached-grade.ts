/**
 * Incremental grading: a wrapper around gradeSubmission that answers from the
 * cache when nothing a result depends on has changed (see ./key.ts), and
 * stores each fresh result the moment it exists. gradeAll is unchanged; the
 * wrapper is handed to it through its `gradeOne` option.
 */
import type { SubmissionSource } from '../01-discover/discover.ts';
import type { GradingConfig } from '../config/types.ts';
import { gradeEach, gradeSubmission, type GradeOne, type OnResult, type ProgressEvent } from '../grade.ts';
import type { SubmissionResult } from '../results/types.ts';
import { contentDigest } from './content-hash.ts';
import { cacheKey, createKeyContext, type KeyContext } from './key.ts';
import { ResultCache } from './store.ts';

export interface CacheStats {
  enabled: boolean;
  hits: number;
  misses: number;
  /** Results that could not be stored (a full disk, say): graded all the same. */
  writeErrors: number;
}

/**
 * Results worth keeping. A grader failure may not happen again, and a timeout
 * can come from a busy machine rather than the student's code: both are
 * graded afresh next time rather than remembered.
 */
export function cacheable(result: SubmissionResult): boolean {
  if (result.status === 'timeout' || result.tests.some((t) => t.status === 'timeout')) return false;
  return !result.errors.some((e) => e.code === 'E_INTERNAL');
}

export function cachedGradeOne(
  cache: ResultCache,
  ctx: KeyContext,
  stats: CacheStats,
  inner: GradeOne = gradeSubmission,
): GradeOne {
  return async (source: SubmissionSource, config: GradingConfig) => {
    const content = digestOrNothing(source);
    const key = content === undefined ? undefined : cacheKey(ctx, source, content);
    const hit = key === undefined ? undefined : cache.get(key, source.id);
    if (hit) {
      stats.hits++;
      return hit;
    }
    stats.misses++;
    const result = await inner(source, config);
    if (key !== undefined && cacheable(result)) {
      try {
        cache.put(key, result);
      } catch {
        stats.writeErrors++;
      }
    }
    return result;
  };
}

/** A folder that cannot be hashed is graded uncached; grading reports whatever is wrong with it. */
function digestOrNothing(source: SubmissionSource): string | undefined {
  try {
    return contentDigest(source);
  } catch {
    return undefined;
  }
}

export interface CachedRunOptions {
  /** Where results are kept; undefined grades everything afresh and stores nothing. */
  cacheDir?: string;
  onProgress?: (event: ProgressEvent) => void;
  /** The grading step behind the cache; gradeSubmission unless a test counts calls. */
  gradeOne?: GradeOne;
}

export interface CachedRun {
  results: SubmissionResult[];
  cache: CacheStats;
}

/** gradeEach with the cache in front: what the CLI calls; results go to `onResult` and are not kept. */
export async function gradeEachWithCache(
  sources: SubmissionSource[],
  config: GradingConfig,
  onResult: OnResult,
  options: CachedRunOptions = {},
): Promise<CacheStats> {
  const inner = options.gradeOne ?? gradeSubmission;
  if (options.cacheDir === undefined) {
    await gradeEach(sources, config, onResult, options.onProgress, { gradeOne: inner });
    return { enabled: false, hits: 0, misses: sources.length, writeErrors: 0 };
  }
  const stats: CacheStats = { enabled: true, hits: 0, misses: 0, writeErrors: 0 };
  const gradeOne = cachedGradeOne(new ResultCache(options.cacheDir), createKeyContext(config), stats, inner);
  await gradeEach(sources, config, onResult, options.onProgress, { gradeOne });
  return stats;
}

/** gradeEachWithCache, keeping every result in memory: for tests and small runs. */
export async function gradeWithCache(
  sources: SubmissionSource[],
  config: GradingConfig,
  options: CachedRunOptions = {},
): Promise<CachedRun> {
  const results: SubmissionResult[] = new Array(sources.length);
  const cache = await gradeEachWithCache(sources, config, (r, i) => void (results[i] = r), options);
  return { results, cache };
}
