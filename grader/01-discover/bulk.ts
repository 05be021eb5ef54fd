/**
 * LMS bulk downloads: one zip holding a whole class, as Moodle and Canvas
 * export it. Moodle gives a folder per student (`Ada Lovelace_10001_
 * assignsubmission_file_/`) holding the files or the student's own zip;
 * Canvas gives flat, renamed files (`lovelaceada_10001_90001_hw.zip`).
 *
 * Whether a zip is a bulk download is decided from its entry names alone, so
 * the common case (one student's zip) is never extracted twice. The rule
 * mirrors looksLikeSubmission() for folders: student files at the top mean
 * one submission; children that are zips or submissions mean a class.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { locateStudentFile } from '../submission-files/locate.ts';
import { hasStudentFilesAtTop, IGNORED, USUAL_PLACES, type SubmissionSource } from './discover.ts';
import { extractZip, type Extracted } from '../submission-files/zip.ts';
import { BULK_LIMITS } from '../submission-files/zip-rules.ts';
import type { CheckedEntry } from '../submission-files/zip-entries.ts';

const isZipName = (name: string) => /\.zip$/i.test(name);
const MOODLE_FOLDER = /_\d+_assignsubmission_[a-z]+_?$/i;
const ignoredPath = (rel: string) => rel.split('/').some((part) => IGNORED.has(part) || part.startsWith('.'));

/** Paths of the files that matter, with a lone wrapper folder (`class/...`) taken off. */
function meaningfulFiles(entries: CheckedEntry[]): string[] {
  const files = entries.filter((e) => !e.isDirectory && !ignoredPath(e.rel)).map((e) => e.rel);
  const tops = new Set(files.map((f) => f.split('/')[0]));
  const wrapped = tops.size === 1 && files.every((f) => f.includes('/')) && !MOODLE_FOLDER.test([...tops][0]);
  return wrapped ? files.map((f) => f.slice(f.indexOf('/') + 1)) : files;
}

/**
 * A class, not a student: a zip at the top, a Moodle-named folder, or at least
 * two folders that each hold a submission. One such folder alone is more
 * likely a student's own project layout (`my-work/src/engine.ts`) than a class
 * of one, so it stays a single submission, named after the archive.
 */
export function isBulkListing(entries: CheckedEntry[]): boolean {
  const files = meaningfulFiles(entries);
  if (files.some((f) => USUAL_PLACES.includes(f))) return false;
  const children = new Map<string, string[]>();
  for (const f of files) {
    const [top, ...rest] = f.split('/');
    if (rest.length === 0) {
      if (isZipName(top)) return true;
      continue;
    }
    children.set(top, [...(children.get(top) ?? []), rest.join('/')]);
  }
  const students = [...children].filter(
    ([, inside]) => inside.some((rel) => isZipName(rel) && !rel.includes('/')) || hasUsualPlace(inside),
  );
  return students.length >= 2 || students.some(([name]) => MOODLE_FOLDER.test(name));
}

/** Student files at the child's top, or under its own single folder (a student who zipped a folder). */
function hasUsualPlace(inside: string[]): boolean {
  return inside.some((rel) => USUAL_PLACES.includes(rel) || USUAL_PLACES.includes(rel.slice(rel.indexOf('/') + 1)));
}

/**
 * A student's id from an LMS entry name: Moodle's `_<participant>_assignsubmission_file_`
 * suffix and Canvas's `_<submission>_<original name>` tail are dropped, keeping the
 * student's name and LMS user id so the id can be matched back to the gradebook.
 */
export function lmsId(name: string): string {
  const base = name.replace(/\.zip$/i, '');
  const moodle = /^(.+_\d+)_assignsubmission_[a-z]+_?$/i.exec(base); // MOODLE_FOLDER, keeping the name and id
  if (moodle) return moodle[1];
  const canvas = /^([^_]+)_(?:late_)?(\d+)_\d+_.+$/i.exec(base);
  if (canvas) return `${canvas[1]}_${canvas[2]}`;
  return base;
}

/** Canvas inserts `LATE` after the student's name in a late submission's file name. */
export function lmsMarkedLate(name: string): boolean {
  return /^[^_]+_late_\d+_\d+_.+$/i.test(name.replace(/\.zip$/i, ''));
}

export interface Expansion extends Extracted {
  sources: SubmissionSource[];
  skipped: string[];
}

/** Extracts a bulk download (with class-sized limits) and lists one source per student. */
export async function expandBulkZip(file: string): Promise<Expansion> {
  const extracted = await extractZip(file, BULK_LIMITS, true);
  const root = unwrap(extracted.dir);
  // A bad entry refuses the student it belongs to (its first folder under the wrapper), no one else.
  const depth = root === extracted.dir ? 0 : 1;
  const refused = new Map<string, string>();
  for (const { parts, reason } of extracted.refused) {
    const student = parts[Math.min(depth, parts.length - 1)] ?? '';
    if (!refused.has(student)) refused.set(student, `${path.basename(file)}: ${reason}`);
  }
  const names = visible(root);
  const refusedSource = (name: string, reason: string): SubmissionSource => ({
    id: lmsId(name) || 'refused-entry',
    kind: 'folder',
    path: path.join(root, name),
    refused: reason,
  });
  // Students whose every entry was refused have no folder: they are listed first, then the folders.
  const sources = [...refused].filter(([name]) => !names.includes(name)).map(([name, r]) => refusedSource(name, r));
  const skipped: string[] = [];
  for (const name of names) {
    const child = path.join(root, name);
    const reason = refused.get(name);
    if (reason !== undefined) {
      sources.push(refusedSource(name, reason));
      continue;
    }
    if (isZipName(name) && statSync(child).isFile())
      sources.push({ id: lmsId(name), kind: 'zip', path: child, ...(lmsMarkedLate(name) ? { lmsLate: true } : {}) });
    else if (statSync(child).isDirectory()) sources.push(folderSource(name, child));
    else skipped.push(`${path.basename(file)}: ${name}: not a folder or .zip`);
  }
  return { ...extracted, sources, skipped };
}

/** A Moodle folder holding only the student's own zip is that zip, named after the folder. */
function folderSource(name: string, dir: string): SubmissionSource {
  const inner = visible(dir).filter(isZipName);
  if (inner.length === 1 && !hasStudentFilesAtTop(dir) && locateStudentFile(dir, 'engine') === undefined) {
    return { id: lmsId(name), kind: 'zip', path: path.join(dir, inner[0]) };
  }
  return { id: lmsId(name), kind: 'folder', path: dir };
}

function visible(dir: string): string[] {
  return readdirSync(dir)
    .filter((n) => !IGNORED.has(n) && !n.startsWith('.'))
    .sort();
}

/** Descends through a lone wrapper folder, as meaningfulFiles() does for names. */
function unwrap(dir: string): string {
  const children = visible(dir);
  const only = children.length === 1 ? path.join(dir, children[0]) : undefined;
  return only && statSync(only).isDirectory() && !hasStudentFilesAtTop(only) && !MOODLE_FOLDER.test(children[0])
    ? only
    : dir;
}
