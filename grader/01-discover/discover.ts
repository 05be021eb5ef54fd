/**
 * Turns the paths an instructor names into a list of submissions. A path is
 * one submission when it is a `.zip` or a folder holding the student files;
 * otherwise it is a folder of submissions (one per sub-folder or zip).
 * Nothing is read or run here beyond listing folders; zips that turn out to
 * be LMS bulk downloads are opened by discover-all.ts.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { CODE_EXTENSIONS, MARKER_MODULES, USUAL_FOLDERS } from '../course/student-contract.ts';
import { locateStudentFile } from '../submission-files/locate.ts';

export interface SubmissionSource {
  id: string;
  kind: 'folder' | 'zip' | 'missing';
  /** Absolute path of the folder or archive. */
  path: string;
  /** Canvas marked the file LATE in its bulk download (its own judgement; it carries no time). */
  lmsLate?: boolean;
  /** In a bulk download, why this student's entries were refused: graded as that E_ZIP error alone. */
  refused?: string;
}

export interface Discovery {
  submissions: SubmissionSource[];
  /** Entries that were passed over, with why: for the run log, never fatal. */
  skipped: string[];
}

export interface DiscoverOptions {
  /** Dropped from the start of every id, e.g. `assignment-` for GitHub Classroom clones. */
  stripPrefix?: string;
}

export const IGNORED = new Set(['node_modules', '.git', '__MACOSX', '.DS_Store']);

export function idFor(entryPath: string): string {
  return path.basename(entryPath).replace(/\.zip$/i, '');
}

function isZip(p: string): boolean {
  return /\.zip$/i.test(p) && statSync(p).isFile();
}

/** Where student files sit at the top of a submission: exercises/, the root or src/, in any extension Node runs. */
export const USUAL_PLACES = USUAL_FOLDERS.flatMap((folder) =>
  MARKER_MODULES.flatMap((base) => CODE_EXTENSIONS.map((ext) => path.join(folder, `${base}${ext}`))),
);

/** Student files where the contract puts them: at the top or in exercises/. */
export function hasStudentFilesAtTop(dir: string): boolean {
  return USUAL_PLACES.some((p) => existsSync(path.join(dir, p)));
}

/**
 * One submission, or a folder of them? Student files at the top decide it;
 * failing that, children that are submissions (or zips) make it a class
 * folder; failing that, student files anywhere deeper make it one submission.
 */
export function looksLikeSubmission(dir: string): boolean {
  if (hasStudentFilesAtTop(dir)) return true;
  const children = readdirSync(dir)
    .filter((n) => !IGNORED.has(n) && !n.startsWith('.'))
    .map((n) => path.join(dir, n));
  if (children.some((c) => /\.zip$/i.test(c) || (statSync(c).isDirectory() && hasStudentFilesAtTop(c)))) return false;
  return MARKER_MODULES.some((base) => locateStudentFile(dir, base) !== undefined);
}

/** Plain listing: every zip stays one submission (see discover-all.ts for LMS bulk downloads). */
export function discover(inputs: string[], options: DiscoverOptions = {}): Discovery {
  const { submissions, skipped } = collectSources(inputs);
  return { submissions: finalizeIds(submissions, options), skipped };
}

/** Sources with their raw ids: not yet prefix-stripped or deduplicated. */
export function collectSources(inputs: string[]): Discovery {
  const submissions: SubmissionSource[] = [];
  const skipped: string[] = [];
  for (const input of inputs) {
    const abs = path.resolve(input);
    if (!existsSync(abs)) {
      submissions.push({ id: idFor(abs), kind: 'missing', path: abs });
      continue;
    }
    if (isZip(abs)) submissions.push({ id: idFor(abs), kind: 'zip', path: abs });
    else if (!statSync(abs).isDirectory()) skipped.push(`${input}: neither a folder nor a .zip`);
    else if (looksLikeSubmission(abs)) submissions.push({ id: idFor(abs), kind: 'folder', path: abs });
    else {
      for (const name of readdirSync(abs).sort()) {
        if (IGNORED.has(name) || name.startsWith('.')) continue;
        const child = path.join(abs, name);
        if (isZip(child)) submissions.push({ id: idFor(child), kind: 'zip', path: child });
        else if (statSync(child).isDirectory()) submissions.push({ id: idFor(child), kind: 'folder', path: child });
        else skipped.push(`${path.join(input, name)}: not a folder or .zip`);
      }
    }
  }
  return { submissions, skipped };
}

/** Strips the prefix (unless that would leave nothing), then makes ids unique. */
export function finalizeIds(sources: SubmissionSource[], options: DiscoverOptions = {}): SubmissionSource[] {
  const prefix = options.stripPrefix;
  const stripped = prefix
    ? sources.map((s) =>
        s.id.startsWith(prefix) && s.id.length > prefix.length ? { ...s, id: s.id.slice(prefix.length) } : s,
      )
    : sources;
  return dedupeIds(stripped);
}

/**
 * Two inputs with the same name would overwrite each other's results. The
 * first keeps its id; each later one gets the first `-2`, `-3`, ... that no
 * input has as its own id and no earlier one was given (so a folder `x`, a
 * zip `x.zip` and a folder `x-2` give `x`, `x-3` and `x-2`).
 */
function dedupeIds(submissions: SubmissionSource[]): SubmissionSource[] {
  const own = new Set(submissions.map((s) => s.id));
  const given = new Set<string>();
  return submissions.map((s) => {
    let id = s.id;
    for (let n = 2; given.has(id); n++) {
      id = `${s.id}-${n}`;
      if (own.has(id)) id = s.id;
    }
    given.add(id);
    return id === s.id ? s : { ...s, id };
  });
}
