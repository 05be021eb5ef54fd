/**
 * Walks a zip's central directory with yauzl and yields only entries that
 * pass every rule in ./zip-rules.ts; the first bad entry throws, because a
 * half-extracted submission would be graded on files the student did not
 * mean to hand in. In a bulk download (`perEntry`), a bad entry is yielded
 * as refused instead, with the parts of its name, so that only the student
 * it belongs to is refused; limits on the whole archive still throw. Names are decoded here (decodeStrings: false) so that an
 * undecodable name is refused instead of being read as CP437 guesswork.
 */
import type yauzl from 'yauzl';
import { GraderError } from '../errors.ts';
import {
  decodeEntryName,
  isSymlink,
  megabytes,
  safeRelativePath,
  supportedMethod,
  type ZipLimits,
} from './zip-rules.ts';

export interface CheckedEntry {
  raw: yauzl.Entry;
  /** Normalised relative path, forward slashes, no trailing slash. */
  rel: string;
  isDirectory: boolean;
  /** Only with `perEntry`: why this entry is refused, and its name's parts as well as they can be read. */
  refused?: { reason: string; parts: string[] };
}

/** With decodeStrings off, yauzl hands names over as raw bytes. */
type RawEntry = yauzl.Entry & { fileNameRaw?: Buffer };

/** yauzl loads with the first zip: a class of folders never needs it. */
export async function openZip(file: string): Promise<yauzl.ZipFile> {
  const { default: zips } = await import('yauzl');
  return new Promise((resolve, reject) =>
    zips.open(
      file,
      { lazyEntries: true, autoClose: true, decodeStrings: false, validateEntrySizes: true },
      (err, zip) => {
        if (err) return reject(err);
        // Errors that answer readEntry() reach nextEntry's listener; this one only
        // keeps a late error (after we stopped reading) from crashing the run.
        zip.on('error', () => {});
        resolve(zip);
      },
    ),
  );
}

function nextEntry(zip: yauzl.ZipFile): Promise<yauzl.Entry | undefined> {
  return new Promise((resolve, reject) => {
    const off = () => {
      zip.off('entry', onEntry);
      zip.off('end', onEnd);
      zip.off('error', onError);
    };
    const onEntry = (entry: yauzl.Entry) => (off(), resolve(entry));
    const onEnd = () => (off(), resolve(undefined));
    const onError = (error: Error) => (off(), reject(error));
    zip.on('entry', onEntry);
    zip.on('end', onEnd);
    zip.on('error', onError);
    zip.readEntry();
  });
}

export async function* checkedEntries(
  zip: yauzl.ZipFile,
  limits: ZipLimits,
  perEntry = false,
): AsyncGenerator<CheckedEntry> {
  // The end record's count is only a claim; entries are counted again as they are read.
  if (zip.entryCount > limits.maxEntries)
    throw refuse(`the archive has ${zip.entryCount} entries, over the limit of ${limits.maxEntries} (zip bomb?)`);
  let count = 0;
  let declaredTotal = 0;
  for (let raw = await nextEntry(zip); raw; raw = await nextEntry(zip)) {
    if (++count > limits.maxEntries) throw refuse(`the archive has more than ${limits.maxEntries} entries (zip bomb?)`);
    const bytes = (raw as RawEntry).fileNameRaw ?? Buffer.from(raw.fileName as unknown as Uint8Array);
    const decoded = decodeEntryName(bytes, raw.generalPurposeBitFlag);
    const name = 'name' in decoded ? decoded.name : bytes.toString('latin1');
    const reason = 'reason' in decoded ? decoded.reason : entryProblem(raw, name, limits);
    if (reason !== undefined) {
      if (!perEntry) throw refuse(reason);
      const parts = name.split('/').filter((p) => p !== '' && p !== '.');
      yield { raw, rel: '', isDirectory: false, refused: { reason, parts } };
      continue;
    }
    const rel = (safeRelativePath(name) as { rel: string }).rel;
    const isDirectory = name.endsWith('/');
    if (!isDirectory) {
      declaredTotal += raw.uncompressedSize;
      if (declaredTotal > limits.maxTotalBytes)
        throw refuse(`the archive inflates past ${megabytes(limits.maxTotalBytes)} in total (zip bomb?)`);
    }
    yield { raw, rel, isDirectory };
  }
}

/** What is wrong with one entry, whatever the rest of the archive holds; undefined when nothing is. */
function entryProblem(raw: yauzl.Entry, name: string, limits: ZipLimits): string | undefined {
  const safe = safeRelativePath(name);
  if ('reason' in safe) return safe.reason;
  const rel = safe.rel;
  if (raw.generalPurposeBitFlag & 0x1) return `'${rel}' is encrypted; submit the archive without a password`;
  if (isSymlink(raw.externalFileAttributes))
    return `'${rel}' is a symbolic link; links are not accepted in submissions`;
  if (name.endsWith('/')) return undefined;
  if (!supportedMethod(raw.compressionMethod))
    return `'${rel}' uses compression method ${raw.compressionMethod}; only stored and deflate are supported`;
  if (raw.uncompressedSize > limits.maxFileBytes)
    return `'${rel}' is ${megabytes(raw.uncompressedSize)}, over the ${megabytes(limits.maxFileBytes)} limit for one file`;
  return undefined;
}

/** Every entry's path, checked but not extracted: enough to tell a bulk download from one submission. */
export async function listZip(file: string, limits: ZipLimits, perEntry = false): Promise<CheckedEntry[]> {
  const zip = await openZip(file);
  try {
    const entries: CheckedEntry[] = [];
    for await (const entry of checkedEntries(zip, limits, perEntry)) if (!entry.refused) entries.push(entry);
    return entries;
  } finally {
    zip.close();
  }
}

function refuse(reason: string): GraderError {
  return new GraderError('E_ZIP', reason);
}
