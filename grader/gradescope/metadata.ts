/**
 * Which student a Gradescope submission belongs to. Gradescope always puts
 * the files in a folder named `submission`, but the grader draws each
 * submission's random cases from its id: with the folder name every student
 * would get the same "drawn for this submission" graphs. The users' ids in
 * submission_metadata.json are stable across resubmissions, so a student
 * keeps the same cases when they submit again.
 */
import { readFileSync } from 'node:fs';

interface Metadata {
  id?: number | string;
  users?: Array<{ id?: number | string }>;
}

export function submissionIdFrom(metadata: Metadata, fallback: string): string {
  const users = (metadata.users ?? [])
    .map((u) => u.id)
    .filter((id): id is number | string => id !== undefined && id !== null);
  if (users.length > 0) return `gradescope-user-${users.map(String).sort().join('-')}`;
  if (metadata.id !== undefined && metadata.id !== null) return `gradescope-${metadata.id}`;
  return fallback;
}

/** Falls back to the folder name, with a warning, when the metadata is missing or unreadable: grading goes on. */
export function readSubmissionId(file: string | undefined, fallback: string): { id: string; warning?: string } {
  if (!file) return { id: fallback };
  try {
    return { id: submissionIdFrom(JSON.parse(readFileSync(file, 'utf8')) as Metadata, fallback) };
  } catch (error) {
    return {
      id: fallback,
      warning: `cannot read Gradescope's submission metadata ${file} (${(error as Error).message}); using '${fallback}' as the submission id`,
    };
  }
}
