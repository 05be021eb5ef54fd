/**
 * Extracts a zip into a fresh temporary folder, refusing anything unsafe with
 * a GraderError('E_ZIP', reason): the caller records it for that submission
 * and the rest of the class is still graded. Limits are enforced on the
 * bytes actually inflated, not only on what the headers claim, and yauzl's
 * own size validation stays on as a second line of defence.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { crc32 } from 'node:zlib';
import type yauzl from 'yauzl';
import { GraderError, isGraderError } from '../errors.ts';
import { isInside, megabytes, SUBMISSION_LIMITS, type ZipLimits } from './zip-rules.ts';
import { checkedEntries, openZip, type CheckedEntry } from './zip-entries.ts';

export type { ZipLimits } from './zip-rules.ts';

export interface Extracted {
  dir: string;
  cleanup: () => Promise<void>;
  /** Only with `perEntry`: the entries left out, each with why (see ./zip-entries.ts). */
  refused: Array<{ reason: string; parts: string[] }>;
}

export async function extractZip(
  file: string,
  limits: ZipLimits = SUBMISSION_LIMITS,
  perEntry = false,
): Promise<Extracted> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'gradelab-zip-'));
  const cleanup = () => rm(dir, { recursive: true, force: true });
  try {
    const refused = await extractInto(file, dir, limits, perEntry);
    return { dir, cleanup, refused };
  } catch (error) {
    await cleanup();
    throw zipError(file, error);
  }
}

async function extractInto(
  file: string,
  dir: string,
  limits: ZipLimits,
  perEntry: boolean,
): Promise<Extracted['refused']> {
  const zip = await openZip(file);
  const budget = { total: 0 };
  const refused: Extracted['refused'] = [];
  try {
    for await (const entry of checkedEntries(zip, limits, perEntry)) {
      if (entry.refused) {
        refused.push(entry.refused);
        continue;
      }
      const target = path.resolve(dir, entry.rel);
      if (!isInside(dir, target))
        throw new GraderError('E_ZIP', `entry '${entry.rel}' would land outside the archive folder (zip-slip)`);
      if (entry.isDirectory) {
        await mkdir(target, { recursive: true });
        continue;
      }
      await mkdir(path.dirname(target), { recursive: true });
      await writeEntry(zip, entry, target, limits, budget);
    }
    return refused;
  } finally {
    zip.close();
  }
}

async function writeEntry(
  zip: yauzl.ZipFile,
  entry: CheckedEntry,
  target: string,
  limits: ZipLimits,
  budget: { total: number },
): Promise<void> {
  const input = await new Promise<NodeJS.ReadableStream>((resolve, reject) =>
    zip.openReadStream(entry.raw, (err, stream) => (err ? reject(err) : resolve(stream))),
  );
  const meter = new Meter(entry.rel, limits, budget);
  // 'wx' never follows or overwrites anything already there, so a duplicate name cannot replace an earlier file.
  await pipeline(input, meter, createWriteStream(target, { flags: 'wx', mode: 0o644 }));
  if (meter.crc !== entry.raw.crc32)
    throw new GraderError('E_ZIP', `entry '${entry.rel}' is corrupt (its checksum does not match)`);
}

/** Counts and checksums the inflated bytes, stopping the moment a limit is crossed. */
class Meter extends Transform {
  crc = 0;
  private bytes = 0;

  constructor(
    private readonly rel: string,
    private readonly limits: ZipLimits,
    private readonly budget: { total: number },
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.bytes += chunk.length;
    this.budget.total += chunk.length;
    if (this.bytes > this.limits.maxFileBytes)
      return done(
        new GraderError(
          'E_ZIP',
          `'${this.rel}' inflates past the ${megabytes(this.limits.maxFileBytes)} limit for one file (zip bomb?)`,
        ),
      );
    if (this.budget.total > this.limits.maxTotalBytes)
      return done(
        new GraderError(
          'E_ZIP',
          `the archive inflates past ${megabytes(this.limits.maxTotalBytes)} in total (zip bomb?)`,
        ),
      );
    this.crc = crc32(chunk, this.crc);
    done(null, chunk);
  }
}

/** yauzl and fs errors, reworded for an instructor who only needs to know what is wrong with the file. */
export function zipError(file: string, error: unknown): GraderError {
  const name = path.basename(file);
  if (isGraderError(error)) return new GraderError('E_ZIP', `${name}: ${error.message}`, { cause: error });
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  let reason = message;
  if (/central directory|signature|unexpected EOF|invalid comment length|offset/i.test(message))
    reason = `not a readable zip archive (truncated or corrupt): ${message}`;
  else if (/too many bytes|too few bytes/i.test(message))
    reason = `an entry's size does not match its header (corrupt, or a zip bomb): ${message}`;
  else if (/invalid|incorrect header|unexpected end of file|Z_/i.test(message))
    reason = `compressed data is corrupt: ${message}`;
  else if (/strong encryption/i.test(message)) reason = 'the archive is encrypted; submit it without a password';
  else if (code === 'EEXIST') reason = 'the archive holds the same file name twice';
  else if (code === 'ENOTDIR' || code === 'EISDIR') reason = 'the archive uses one name for both a file and a folder';
  return new GraderError('E_ZIP', `${name}: ${reason}`, { cause: error });
}
