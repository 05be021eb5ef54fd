/**
 * What `grader grade --roster` adds to a run, kept out of the command so the
 * handler stays a few lines: the roster is read before grading (a typo in it
 * should fail in a second, not after an hour of grading), matched after, and
 * the Canvas reporter joins the list whenever an LMS option is given.
 */
import type { Results, RosterReport } from '../results/types.ts';
import { matchRoster, rosterWarnings } from './match.ts';
import { loadRoster, type Roster } from './roster.ts';

export interface LmsOptions {
  roster?: string;
  assignmentName?: string;
  assignmentId?: string;
}

export function readRosterOption(options: LmsOptions): Roster | undefined {
  return options.roster === undefined ? undefined : loadRoster(options.roster);
}

/** The results with their roster report, and the warnings to print. */
export function attachRoster(results: Results, roster: Roster | undefined): { results: Results; warnings: string[] } {
  if (!roster) return { results, warnings: [] };
  const report = matchRoster(roster, results.submissions);
  return { results: { ...results, roster: report }, warnings: rosterWarnings(report) };
}

/** The roster report for a streamed run, from its ids alone, and the warnings to print. */
export function rosterFor(
  ids: string[],
  roster: Roster | undefined,
): { extra: { roster?: RosterReport }; warnings: string[] } {
  if (!roster) return { extra: {}, warnings: [] };
  const report = matchRoster(
    roster,
    ids.map((id) => ({ id })),
  );
  return { extra: { roster: report }, warnings: rosterWarnings(report) };
}

/** `canvas` is added when a roster or a Canvas assignment is named and the list does not have it yet. */
export function withLmsReporters(names: string[], options: LmsOptions): string[] {
  const wantsCanvas =
    options.roster !== undefined || options.assignmentName !== undefined || options.assignmentId !== undefined;
  return wantsCanvas && !names.includes('canvas') ? [...names, 'canvas'] : names;
}

/** The RenderContext's assignment, when one is named. */
export function assignmentFor(options: LmsOptions): { name: string; id?: string } | undefined {
  if (options.assignmentName === undefined && options.assignmentId === undefined) return undefined;
  return {
    name: options.assignmentName ?? '',
    ...(options.assignmentId !== undefined ? { id: String(options.assignmentId) } : {}),
  };
}
