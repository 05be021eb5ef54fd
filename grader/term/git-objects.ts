/**
 * Git objects read by hand from a clone's object store: loose objects and
 * packfiles (index version 2), deltas included. Nothing else of git is
 * honoured: no alternates (objects elsewhere on the disk), no config, no
 * promisor remote to fetch from. Every read is bounded: an object larger
 * than `MAX_OBJECT` bytes, a delta chain deeper than `MAX_DEPTH` or a store
 * with more than `MAX_PACKS` packs is "unreadable", never waited for.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { GitFile, GitUnreadable, isRealFolder, readGitFile } from './git-files.ts';

const MAX_OBJECT = 1 << 20;
const MAX_DEPTH = 64;
const MAX_PACKS = 64;
/** Index and pack files are read piece by piece, never whole: their size only has to fit a number. */
const MAX_PACK_FILE = Number.MAX_SAFE_INTEGER;

const TYPES = ['', 'commit', 'tree', 'blob', 'tag', '', 'ofs-delta', 'ref-delta'];

export interface GitObject {
  type: string;
  body: Buffer;
}

function inflate(data: Buffer, size: number): Buffer {
  try {
    return inflateSync(data, { maxOutputLength: Math.max(1, size) });
  } catch (error) {
    throw new GitUnreadable(`an object does not inflate: ${(error as Error).message}`);
  }
}

/** The object with this id (hex), or undefined when the store does not hold it. */
export function readObject(gitDir: string, id: string, depth = 0): GitObject | undefined {
  if (!/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(id)) throw new GitUnreadable(`not an object id: ${id}`);
  if (depth > MAX_DEPTH) throw new GitUnreadable('a delta chain is too deep');
  return readLoose(gitDir, id) ?? readPacked(gitDir, id, depth);
}

function readLoose(gitDir: string, id: string): GitObject | undefined {
  const raw = readGitFile(gitDir, `objects/${id.slice(0, 2)}/${id.slice(2)}`, MAX_OBJECT + 1024);
  if (!raw) return undefined;
  const whole = inflate(raw, MAX_OBJECT + 64);
  const nul = whole.indexOf(0);
  const header = /^(commit|tree|blob|tag) (\d+)$/.exec(whole.subarray(0, Math.max(0, nul)).toString('latin1'));
  if (!header) throw new GitUnreadable(`loose object ${id} has no header`);
  return { type: header[1], body: whole.subarray(nul + 1) };
}

function packNames(gitDir: string): string[] {
  const dir = path.join(gitDir, 'objects', 'pack');
  if (!isRealFolder(path.join(gitDir, 'objects')) || !isRealFolder(dir)) return [];
  const names = readdirSync(dir).filter((n) => /^pack-[0-9a-f]{40,64}\.idx$/.test(n));
  if (names.length > MAX_PACKS) throw new GitUnreadable('too many packs');
  return names.sort();
}

function readPacked(gitDir: string, id: string, depth: number): GitObject | undefined {
  for (const idx of packNames(gitDir)) {
    const offset = findInIndex(gitDir, `objects/pack/${idx}`, id);
    if (offset !== undefined)
      return readPackEntry(gitDir, `objects/pack/${idx.replace(/\.idx$/, '.pack')}`, offset, depth);
  }
  return undefined;
}

/** The object's offset in the pack, by binary search in a version 2 index read a few bytes at a time. */
function findInIndex(gitDir: string, rel: string, id: string): number | undefined {
  const file = GitFile.open(gitDir, rel, MAX_PACK_FILE);
  if (!file) return undefined;
  try {
    const want = Buffer.from(id, 'hex');
    const width = want.length;
    const head = file.read(0, 8 + 256 * 4);
    if (head.length < 8 + 1024 || head.readUInt32BE(0) !== 0xff744f63 || head.readUInt32BE(4) !== 2)
      throw new GitUnreadable(`${rel} is not a version 2 pack index`);
    const fanout = (i: number) => (i < 0 ? 0 : head.readUInt32BE(8 + 4 * i));
    const total = fanout(255);
    const hashes = 8 + 1024;
    if (hashes + total * (width + 8) > file.size) throw new GitUnreadable(`${rel} is cut short`);
    let low = fanout(want[0] - 1);
    let high = fanout(want[0]);
    while (low < high) {
      const mid = (low + high) >>> 1;
      const order = file.read(hashes + mid * width, width).compare(want);
      if (order === 0) {
        const offsets = hashes + total * (width + 4);
        const small = file.read(offsets + 4 * mid, 4).readUInt32BE(0);
        if ((small & 0x80000000) === 0) return small;
        const large = file.read(offsets + 4 * total + 8 * (small & 0x7fffffff), 8);
        if (large.length < 8) throw new GitUnreadable(`${rel} is cut short`);
        return Number(large.readBigUInt64BE(0));
      }
      if (order < 0) low = mid + 1;
      else high = mid;
    }
    return undefined;
  } finally {
    file.close();
  }
}

function readPackEntry(gitDir: string, rel: string, offset: number, depth: number): GitObject {
  if (depth > MAX_DEPTH) throw new GitUnreadable('a delta chain is too deep');
  const file = GitFile.open(gitDir, rel, MAX_PACK_FILE);
  if (!file) throw new GitUnreadable(`${rel} is missing`);
  try {
    const head = file.read(offset, 32 + 20);
    let at = 0;
    let byte = head[at++];
    const type = TYPES[(byte >> 4) & 7];
    let size = byte & 15;
    for (let shift = 4; byte & 0x80; shift += 7) {
      if (at >= head.length || shift > 28) throw new GitUnreadable(`${rel}: bad entry header`);
      byte = head[at++];
      size += (byte & 0x7f) * 2 ** shift;
    }
    if (!type || size > MAX_OBJECT) throw new GitUnreadable(`${rel}: an entry of unknown type or too large`);
    let base: GitObject;
    if (type === 'ofs-delta') {
      byte = head[at++];
      let back = byte & 0x7f;
      while (byte & 0x80) {
        if (at >= head.length) throw new GitUnreadable(`${rel}: bad delta offset`);
        byte = head[at++];
        back = (back + 1) * 128 + (byte & 0x7f);
      }
      if (back <= 0 || back > offset) throw new GitUnreadable(`${rel}: a delta's base is outside the pack`);
      base = readPackEntry(gitDir, rel, offset - back, depth + 1);
    } else if (type === 'ref-delta') {
      const baseId = head.subarray(at, at + 20).toString('hex');
      at += 20;
      const found = readObject(gitDir, baseId, depth + 1);
      if (!found) throw new GitUnreadable(`${rel}: a delta's base ${baseId} is missing`);
      base = found;
    } else {
      return { type, body: inflate(file.read(offset + at, size + (size >> 3) + 1024), size) };
    }
    const delta = inflate(file.read(offset + at, size + (size >> 3) + 1024), size);
    return { type: base.type, body: applyDelta(base.body, delta) };
  } finally {
    file.close();
  }
}

/** Git's delta format: the sizes of source and result, then copy and insert instructions. */
function applyDelta(source: Buffer, delta: Buffer): Buffer {
  let at = 0;
  const varint = () => {
    let value = 0;
    let shift = 0;
    let byte: number;
    do {
      if (at >= delta.length || shift > 28) throw new GitUnreadable('a delta is cut short');
      byte = delta[at++];
      value += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    return value;
  };
  if (varint() !== source.length) throw new GitUnreadable('a delta does not fit its base');
  const size = varint();
  if (size > MAX_OBJECT) throw new GitUnreadable('a delta makes an object too large');
  const out = Buffer.alloc(size);
  let filled = 0;
  while (at < delta.length) {
    const op = delta[at++];
    if (op & 0x80) {
      let from = 0;
      let length = 0;
      for (let i = 0; i < 4; i++) if (op & (1 << i)) from += delta[at++] * 2 ** (8 * i);
      for (let i = 0; i < 3; i++) if (op & (16 << i)) length += delta[at++] * 2 ** (8 * i);
      if (length === 0) length = 0x10000;
      if (from + length > source.length || filled + length > size)
        throw new GitUnreadable('a delta copies out of range');
      source.copy(out, filled, from, from + length);
      filled += length;
    } else if (op > 0) {
      if (at + op > delta.length || filled + op > size) throw new GitUnreadable('a delta inserts out of range');
      delta.copy(out, filled, at, at + op);
      at += op;
      filled += op;
    } else throw new GitUnreadable('a delta holds a reserved instruction');
  }
  if (filled !== size) throw new GitUnreadable('a delta does not fill its result');
  return out;
}
