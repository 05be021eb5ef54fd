/**
 * Pairs graded submissions with roster entries. A submission's id is its
 * folder or archive name, which students and LMS downloads spell
 * inconsistently, so an exact match is tried first and then one that ignores
 * case and surrounding space, as long as that is unambiguous. Whatever stays
 * unpaired on either side is reported, never silently dropped: a submission
 * nobody can be credited for, or a student with no grade.
 */
import type { RosterReport, RosterStudent, SubmissionResult } from '../results/types.ts';
import type { Roster } from './roster.ts';

const loose = (s: string) => s.trim().toLowerCase();

export function matchRoster(roster: Roster, submissions: Pick<SubmissionResult, 'id'>[]): RosterReport {
  const byFolder = new Map(roster.students.map((s) => [s.folder, s]));
  const byLoose = new Map<string, typeof roster.students>();
  for (const s of roster.students) byLoose.set(loose(s.folder), [...(byLoose.get(loose(s.folder)) ?? []), s]);
  const used = new Set<string>();
  const matched: RosterReport['matched'] = [];
  const notInRoster: string[] = [];
  // Exact matches first, so a loose match can never take a folder that has an exact owner.
  const pending = submissions.filter((sub) => {
    const exact = byFolder.get(sub.id);
    if (!exact) return true;
    matched.push({ submission: sub.id, student: exact });
    used.add(exact.folder);
    return false;
  });
  for (const sub of pending) {
    const candidates = (byLoose.get(loose(sub.id)) ?? []).filter((s) => !used.has(s.folder));
    if (candidates.length === 1) {
      matched.push({ submission: sub.id, student: candidates[0] });
      used.add(candidates[0].folder);
    } else notInRoster.push(sub.id);
  }
  matched.sort((a, b) => a.submission.localeCompare(b.submission));
  return {
    file: roster.file,
    matched,
    submissionsNotInRoster: notInRoster.sort((a, b) => a.localeCompare(b)),
    studentsWithoutSubmission: roster.students.filter((s) => !used.has(s.folder)),
  };
}

/** The student a submission belongs to, when the results carry a roster. */
export function studentFor(report: RosterReport | undefined, submissionId: string) {
  if (!report) return undefined;
  // Indexed once per report: a class-sized CSV asks once per row.
  let index = indexes.get(report);
  if (!index) indexes.set(report, (index = new Map(report.matched.map((m) => [m.submission, m.student]))));
  return index.get(submissionId);
}

const indexes = new WeakMap<RosterReport, Map<string, RosterStudent>>();

/** The lines the CLI prints as warnings. */
export function rosterWarnings(report: RosterReport): string[] {
  return [
    ...report.submissionsNotInRoster.map(
      (id) => `submission '${id}' is not in the roster ${report.file}: it has no student id or name`,
    ),
    ...report.studentsWithoutSubmission.map(
      (s) => `${s.name || s.studentId} (${s.studentId}, folder '${s.folder}') is in the roster but has no submission`,
    ),
  ];
}
