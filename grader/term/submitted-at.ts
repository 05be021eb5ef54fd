/**
 * When each submission was handed in, from the first source that knows:
 *
 *   1. `--submitted-at times.csv` (`id,submitted_at`): the platform's own
 *      record, the one to trust;
 *   2. an LMS bulk download: neither Canvas nor Moodle records a usable time
 *      in its export. Canvas names each file `<name>_<user id>_<file id>_<file>`
 *      and inserts `LATE` after the name when Canvas itself judged the
 *      submission late, but writes every zip entry with the time the zip was
 *      built. Moodle's folders (`<name>_<participant>_assignsubmission_file_`)
 *      carry no time, and its entries take the modification time of the file
 *      store's copy of the content, which is shared by identical uploads. So
 *      no time is taken from either; Canvas's LATE mark is kept only to warn
 *      that a time is missing for a submission Canvas calls late;
 *   3. a git clone: the committer date of HEAD (./git-date.ts), which the
 *      student's machine chose.
 *
 * Nothing known gives `null`: no late penalty, and a warning.
 */
import type { SubmissionSource } from '../01-discover/discover.ts';
import { readGitDate } from './git-date.ts';
import { dateColumn, readIdCsv, type IdCsv } from './id-csv.ts';

export type SubmittedFrom = 'csv' | 'git';

export interface SubmissionTime {
  submittedAt: string | null;
  submittedFrom: SubmittedFrom | null;
  /** Why a git clone gave no time (unreadable, or a date outside the believable window). */
  warning?: string;
}

/** `id,submitted_at` rows, checked against the submissions of this run. */
export function submissionTimes(csv: IdCsv, ids: Set<string>): Map<string, string> {
  return dateColumn(csv, 'submitted_at', ids);
}

export function readSubmissionTimes(file: string, ids: Set<string>): Map<string, string> {
  return submissionTimes(readIdCsv(file, ['id', 'submitted_at']), ids);
}

export function submissionTime(source: SubmissionSource, fromCsv: Map<string, string>): SubmissionTime {
  const listed = fromCsv.get(source.id);
  if (listed) return { submittedAt: listed, submittedFrom: 'csv' };
  const committed = source.kind === 'folder' ? readGitDate(source.path) : {};
  if (committed.date) return { submittedAt: committed.date, submittedFrom: 'git' };
  const none: SubmissionTime = { submittedAt: null, submittedFrom: null };
  return committed.warning ? { ...none, warning: `${source.id}: ${committed.warning}` } : none;
}
