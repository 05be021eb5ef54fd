/**
 * For `grader ci`: where the student's files are, as the repository sees
 * them. Annotations name files relative to the repository root, while the
 * grader reports them relative to the submission folder; the two differ when
 * the submission is a sub-folder of the checkout (or checked out into one by
 * a grading workflow), hence an explicit root.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { locateStudentFile } from '../submission-files/locate.ts';
import type { SubmissionSource } from '../01-discover/discover.ts';
import type { AnnotationContext, StudentFile } from '../07-render/ci/annotations.ts';
import { anchorLines } from '../07-render/ci/source-lines.ts';

/**
 * The repository root: `--repo-root` when given; else $GITHUB_WORKSPACE when
 * the submission lies inside it; else the submission folder itself.
 */
export function repositoryRoot(
  submissionDir: string,
  explicit: string | undefined,
  workspace: string | undefined,
): string {
  if (explicit) return path.resolve(explicit);
  if (workspace) {
    const ws = path.resolve(workspace);
    if (submissionDir === ws || submissionDir.startsWith(ws + path.sep)) return ws;
  }
  return submissionDir;
}

const toPosix = (p: string) => p.split(path.sep).join('/');

function studentFile(dir: string, name: string, root: string): StudentFile | undefined {
  const file = locateStudentFile(dir, name);
  if (!file) return undefined;
  let source = '';
  try {
    source = readFileSync(file, 'utf8');
  } catch {
    // Unreadable: still worth a file-level annotation.
  }
  return { path: toPosix(path.relative(root, file)), lines: anchorLines(source) };
}

/** Annotation context for a folder submission; a zip has no files in the repository to point at. */
export function annotationContext(source: SubmissionSource, root: string, now: Date): AnnotationContext {
  if (source.kind !== 'folder') return { toRepoPath: (p) => p, now };
  return {
    toRepoPath: (p) => toPosix(path.relative(root, path.resolve(source.path, p))),
    engine: studentFile(source.path, 'engine', root),
    manual: studentFile(source.path, 'manual', root),
    now,
  };
}
