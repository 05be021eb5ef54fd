/**
 * Writes reporter output into the output folder, each file atomically.
 */
import { GraderError } from '../errors.ts';
import { closest } from '../suggest.ts';
import type { Results, ResultsHeader } from '../results/types.ts';
import { ClassOutput } from './class-output.ts';
import { PageLedger } from './page-ledger.ts';
import type { RenderContext, Reporter } from './reporter.ts';
import { isReporterName, REPORTER_NAMES, reporters, type ReporterName } from './registry.ts';

/** Fails on an unknown reporter name, naming the one it probably meant; cheap enough to call before grading. */
export function checkReporterNames(names: string[]): ReporterName[] {
  for (const name of names) {
    if (isReporterName(name)) continue;
    const guess = closest(name, REPORTER_NAMES);
    throw new GraderError(
      'E_USAGE',
      `unknown reporter '${name}'${guess ? `: did you mean '${guess}'?` : ''} (known: ${REPORTER_NAMES.join(', ')})`,
    );
  }
  return names as ReporterName[];
}

export function reportersNamed(names: string[]): Reporter[] {
  return checkReporterNames(names).map((name) => reporters[name]);
}

/**
 * An output folder that takes results one at a time (see ./class-output.ts).
 * With a cache folder, submissions whose files would come out unchanged keep them (./page-ledger.ts).
 */
export function openClassOutput(
  outDir: string,
  header: ResultsHeader,
  names: string[],
  context: RenderContext,
  cacheDir?: string,
): ClassOutput {
  const chosen = reportersNamed(names);
  const perSubmission = chosen.filter((r) => r.submission).map((r) => r.name);
  const ledger = cacheDir ? new PageLedger(cacheDir, outDir, perSubmission, header, context) : undefined;
  return new ClassOutput(outDir, chosen, header, context, ledger);
}

/** Results already in memory (one submission, or a test's): the same path as a streamed class. */
export async function writeOutputs(
  outDir: string,
  results: Results,
  names: string[],
  context: RenderContext,
): Promise<string[]> {
  const { submissions, roster, ...header } = results;
  const output = openClassOutput(outDir, header, names, context);
  try {
    for (const s of submissions) await output.add(s);
  } catch (error) {
    output.abandon();
    throw error;
  }
  return output.finish(roster ? { roster } : {});
}
