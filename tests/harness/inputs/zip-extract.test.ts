/**
 * extractZip against hostile archives: each must be refused with E_ZIP and a
 * reason that names the problem, leave nothing behind in the temp folder,
 * and never write outside it. The committed fixtures cover one archive per
 * kind of attack; variants are built here with the same tiny zip writer.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { extractZip } from '../../../grader/submission-files/zip.ts';
import { isGraderError } from '../../../grader/errors.ts';
import { buildZip, studentFiles, type ZipEntrySpec } from '../../../fixtures/zips/make-zips.ts';
import { REPO } from '../integrations/run-cli.ts';

const FIXTURES = path.join(REPO, 'fixtures', 'zips');
const MB = 1024 * 1024;

// os.tmpdir() follows TMPDIR, so each test gets a private temp root: `root` is
// where extraction folders are made, and its parent `outer` is where a
// '../../x' entry would land if zip-slip got through.
let outer: string;
let root: string;
let savedTmp: string | undefined;
beforeEach(() => {
  savedTmp = process.env.TMPDIR;
  outer = mkdtempSync(path.join(os.tmpdir(), 'gradelab-ziptest-'));
  root = path.join(outer, 'root');
  mkdirSync(root);
  process.env.TMPDIR = root;
});
afterEach(() => {
  if (savedTmp === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = savedTmp;
  rmSync(outer, { recursive: true, force: true });
});

function zipFile(entries: ZipEntrySpec[] | Buffer): string {
  const file = path.join(outer, `case-${readdirSync(outer).length}.zip`);
  writeFileSync(file, Buffer.isBuffer(entries) ? entries : buildZip(entries));
  return file;
}

/** The E_ZIP message for a refused archive; fails the test if it was accepted. */
async function refusal(file: string): Promise<string> {
  const error = await extractZip(file).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isGraderError(error), `${path.basename(file)} should be refused`).toBe(true);
  if (!isGraderError(error)) return '';
  expect(error.code).toBe('E_ZIP');
  // Nothing half-extracted is left behind, and nothing escaped next to the temp root.
  expect(readdirSync(root)).toEqual([]);
  expect(readdirSync(outer).filter((n) => !n.endsWith('.zip'))).toEqual(['root']);
  return error.message;
}

describe('extractZip accepts a good archive', () => {
  it('extracts the student files into a fresh temp folder and cleans it up', async () => {
    const { dir, cleanup } = await extractZip(path.join(FIXTURES, 'good-single.zip'));
    expect(path.dirname(dir)).toBe(root);
    const engine = readFileSync(path.join(dir, 'good-single', 'exercises', 'engine.ts'), 'utf8');
    expect(engine).toBe(
      readFileSync(
        path.join(REPO, 'fixtures', 'submissions', 'correct-micrograd-style', 'exercises', 'engine.ts'),
        'utf8',
      ),
    );
    await cleanup();
    expect(existsSync(dir)).toBe(false);
  });

  it('accepts UTF-8 names written without the UTF-8 flag, as many tools do', async () => {
    const { dir, cleanup } = await extractZip(
      zipFile([...studentFiles(''), { name: Buffer.from('notes-café.ts', 'utf8'), data: '//\n', utf8Flag: false }]),
    );
    expect(existsSync(path.join(dir, 'notes-café.ts'))).toBe(true);
    await cleanup();
  });
});

describe('extractZip refuses the committed bad fixtures', () => {
  it.each([
    ['zip-slip.zip', /'\.\.'.*zip-slip/],
    ['bomb.zip', /50\.0 MB in total/],
    ['symlink.zip', /symbolic link/],
    ['oversized.zip', /weights\.bin.*6\.0 MB.*5\.0 MB/],
    ['non-utf8-name.zip', /not valid UTF-8 \(though marked as UTF-8\)/],
    ['encrypted.zip', /encrypted/],
    ['truncated.zip', /truncated or corrupt/],
  ])('%s', async (name, reason) => {
    const message = await refusal(path.join(FIXTURES, name));
    expect(message).toMatch(new RegExp(`^${name.replace('.', '\\.')}: `));
    expect(message).toMatch(reason);
  });
});

describe('extractZip refuses path tricks', () => {
  it.each([
    ['an absolute path', '/etc/cron.d/evil', /absolute path/],
    ['a drive letter', 'C:/Windows/evil.ts', /drive letter/],
    ['a backslash climb', '..\\..\\evil.ts', /backslash/],
    ['a climb in the middle', 'exercises/../../evil.ts', /'\.\.'/],
    ['a control character', 'exercises/ev\u0001il.ts', /control characters/],
  ])('%s', async (_what, name, reason) => {
    expect(await refusal(zipFile([...studentFiles(''), { name, data: 'x' }]))).toMatch(reason);
  });

  it('refuses a name that is not UTF-8 even without the UTF-8 flag (Latin-1 é)', async () => {
    const latin1 = Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x2e, 0x74, 0x73]);
    expect(await refusal(zipFile([...studentFiles(''), { name: latin1, data: 'x', utf8Flag: false }]))).toMatch(
      /caf\\xe9\.ts" is not valid UTF-8;/,
    );
  });

  it('refuses the same name twice rather than letting the second replace the first', async () => {
    expect(await refusal(zipFile([...studentFiles(''), ...studentFiles('')]))).toMatch(/same file name twice/);
  });
});

describe('extractZip bounds what an archive may inflate to', () => {
  it('refuses more entries than the limit, before extracting any', async () => {
    const many = Array.from({ length: 2_001 }, (_, i) => ({ name: `f${i}.ts`, data: '', method: 0 as const }));
    expect(await refusal(zipFile(many))).toMatch(/2001 entries, over the limit of 2000/);
  });

  it('refuses an entry whose header understates its size, while inflating it', async () => {
    // The header claims 100 bytes; the data inflates to 3 MB. Only the stream can tell.
    expect(
      await refusal(zipFile([...studentFiles(''), { name: 'liar.bin', data: Buffer.alloc(3 * MB), claimedSize: 100 }])),
    ).toMatch(/size does not match its header/);
  });

  it('refuses an entry whose bytes do not match its checksum', async () => {
    const bytes = buildZip([{ name: 'exercises/engine.ts', data: 'export class Value {}\n', method: 0 }]);
    const at = bytes.indexOf('export class');
    bytes[at] = 'E'.charCodeAt(0);
    expect(await refusal(zipFile(bytes))).toMatch(/checksum does not match/);
  });

  it('refuses a compression method it cannot inflate safely', async () => {
    const bytes = buildZip([{ name: 'a.ts', data: 'x', method: 0 }]);
    // Method 12 (bzip2) in both the local and the central header.
    bytes.writeUInt16LE(12, 8);
    bytes.writeUInt16LE(12, bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 10);
    expect(await refusal(zipFile(bytes))).toMatch(/compression method 12/);
  });
});
