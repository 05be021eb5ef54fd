/**
 * What an archive entry may be before a single byte of it is written. Zips
 * come from students and LMS exports, so every field is treated as hostile:
 * names decide where files land (zip-slip), sizes in headers can lie (zip
 * bombs), and the unix mode can smuggle in a symlink. Each check returns a
 * reason for the instructor, or undefined when the entry is acceptable.
 */
import path from 'node:path';

export interface ZipLimits {
  /** Entries in the archive, directories included. */
  maxEntries: number;
  /** Uncompressed bytes over the whole archive. */
  maxTotalBytes: number;
  /** Uncompressed bytes of any one file. */
  maxFileBytes: number;
}

const MB = 1024 * 1024;

/** One student's work is a handful of small .ts files; these bounds are generous. */
export const SUBMISSION_LIMITS: ZipLimits = { maxEntries: 2_000, maxTotalBytes: 50 * MB, maxFileBytes: 5 * MB };

/** An LMS bulk download holds a whole class, each student's zip still bounded on its own later. */
export const BULK_LIMITS: ZipLimits = { maxEntries: 50_000, maxTotalBytes: 1_000 * MB, maxFileBytes: 50 * MB };

export function megabytes(bytes: number): string {
  return `${(bytes / MB).toFixed(1)} MB`;
}

/** General purpose flag bit 11: the name and comment are UTF-8. */
const FLAG_UTF8 = 0x800;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes an entry name strictly. With the UTF-8 flag set the bytes must be
 * valid UTF-8. Without it the spec says CP437, but in practice tools write
 * UTF-8 without setting the flag, and a CP437 reading of those names would
 * silently produce mojibake; so plain ASCII and valid UTF-8 are accepted, and
 * anything else (Latin-1, Shift-JIS, ...) is refused rather than guessed at.
 */
export function decodeEntryName(raw: Buffer, flags: number): { name: string } | { reason: string } {
  try {
    return { name: utf8.decode(raw) };
  } catch {
    const hex = [...raw.subarray(0, 40)]
      .map((b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : `\\x${b.toString(16).padStart(2, '0')}`))
      .join('');
    const marked = flags & FLAG_UTF8 ? ' (though marked as UTF-8)' : '';
    return { reason: `entry name "${hex}" is not valid UTF-8${marked}; re-create the zip with UTF-8 file names` };
  }
}

/**
 * The entry's path relative to the extraction folder, or why it is refused.
 * Checked on the raw name, before any normalisation could hide a trick.
 */
export function safeRelativePath(name: string): { rel: string } | { reason: string } {
  const shown = JSON.stringify(name.slice(0, 200));

  if (/[\u0000-\u001f\u007f]/.test(name)) return { reason: `entry name ${shown} contains control characters` };
  // On Windows a backslash is a separator, so `..\\x` escapes there even though it is one odd name here.
  if (name.includes('\\'))
    return { reason: `entry name ${shown} contains a backslash (a path trick; zip names use /)` };
  if (name.startsWith('/')) return { reason: `entry ${shown} has an absolute path (zip-slip)` };
  if (/^[A-Za-z]:/.test(name)) return { reason: `entry ${shown} starts with a drive letter (zip-slip)` };
  const parts = name.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.includes('..')) return { reason: `entry ${shown} climbs out of the archive with '..' (zip-slip)` };
  if (parts.length === 0) return { reason: `entry ${shown} has an empty name` };
  return { rel: parts.join('/') };
}

/** `target` must stay strictly inside `root`, whatever the name checks above concluded. */
export function isInside(root: string, target: string): boolean {
  const rel = path.relative(root, target);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

/**
 * Unix tools store the file mode in the high 16 bits of the external
 * attributes. A symlink entry's data is its target; extracting it would let a
 * later entry (or the sandbox bundler) read or write outside the archive, and
 * a submission has no need for links, so every symlink is refused.
 */
export function isSymlink(externalFileAttributes: number): boolean {
  return ((externalFileAttributes >>> 16) & S_IFMT) === S_IFLNK;
}

/** Compression methods that yauzl can inflate: stored and deflate. */
export function supportedMethod(method: number): boolean {
  return method === 0 || method === 8;
}
