/**
 * File names for per-submission pages. A submission id is a student-chosen
 * folder or archive name, so it never becomes a path as it is: it could hold
 * `..`, slashes, characters a file system rejects, or differ from another id
 * only by case. The name is a readable slug plus a short hash of the exact id,
 * so two ids that slug alike ("Ana Lima" and "ana-lima") still get two files.
 */
import { createHash } from 'node:crypto';

const MAX_SLUG = 40;

export function slug(id: string): string {
  const ascii = id
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_SLUG)
    .replace(/-+$/g, '');
  return ascii || 'submission';
}

export function shortHash(id: string): string {
  return createHash('sha256').update(id, 'utf8').digest('hex').slice(0, 8);
}

/** `bug-overwrite-add-1a2b3c4d.html`: safe on every file system and in a URL. */
export function pageName(id: string): string {
  return `${slug(id)}-${shortHash(id)}.html`;
}

export const submissionPath = (id: string): string => `submissions/${pageName(id)}`;
export const feedbackPath = (id: string): string => `feedback/${pageName(id)}`;
