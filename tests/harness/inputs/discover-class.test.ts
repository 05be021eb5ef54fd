/**
 * Instructor inputs beyond one folder per student: LMS bulk downloads
 * (Moodle folders, Canvas renamed zips) expand to one submission per student,
 * a single student's zip stays one submission, and a folder of GitHub
 * Classroom clones gives one submission per clone with `.git` ignored.
 */
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isBulkListing, lmsId } from '../../../grader/01-discover/bulk.ts';
import { discoverAll, type ClassDiscovery } from '../../../grader/01-discover/discover-all.ts';
import { discover } from '../../../grader/01-discover/discover.ts';
import { listZip } from '../../../grader/submission-files/zip-entries.ts';
import { SUBMISSION_LIMITS } from '../../../grader/submission-files/zip-rules.ts';
import { buildZip, studentFiles } from '../../../fixtures/zips/make-zips.ts';
import { fixture, tempDir } from '../integrations/run-cli.ts';

const zips = (name: string) => fixture('zips', name);
const opened: ClassDiscovery[] = [];
const made: string[] = [];
const scratch = (prefix: string) => {
  const dir = tempDir(prefix);
  made.push(dir);
  return dir;
};
afterEach(async () => {
  await Promise.all(opened.splice(0).map((d) => d.cleanup()));
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function discoverClass(inputs: string[], stripPrefix?: string): Promise<ClassDiscovery> {
  const found = await discoverAll(inputs, { stripPrefix });
  opened.push(found);
  return found;
}

describe('LMS bulk downloads', () => {
  it('expands a Moodle download: a folder of files, and a folder holding the student zip', async () => {
    const { submissions } = await discoverClass([zips('lms-moodle.zip')]);
    expect(submissions.map((s) => [s.id, s.kind, path.basename(s.path)])).toEqual([
      ['Ada Lovelace_10001', 'folder', 'Ada Lovelace_10001_assignsubmission_file_'],
      ['Alan Turing_10002', 'zip', 'my-work.zip'],
    ]);
    expect(existsSync(path.join(submissions[0].path, 'exercises', 'engine.ts'))).toBe(true);
  });

  it('expands a Canvas download of renamed zips, ids keeping the LMS user id', async () => {
    const { submissions } = await discoverClass([zips('lms-canvas.zip')]);
    expect(submissions.map((s) => [s.id, s.kind])).toEqual([
      ['hoppergrace_20001', 'zip'],
      ['knuthdonald_20002', 'zip'],
    ]);
  });

  it('expands a Moodle download of one student whose folder holds only a zip', async () => {
    const file = path.join(scratch('moodle-one'), 'download.zip');
    writeFileSync(
      file,
      buildZip([
        { name: 'Ada Lovelace_10001_assignsubmission_file_/work.zip', data: buildZip(studentFiles('')), method: 0 },
      ]),
    );
    const { submissions } = await discoverClass([file]);
    expect(submissions.map((s) => [s.id, s.kind, path.basename(s.path)])).toEqual([
      ['Ada Lovelace_10001', 'zip', 'work.zip'],
    ]);
  });

  it('removes the extracted class when the run is over', async () => {
    const found = await discoverAll([zips('lms-canvas.zip')]);
    const folder = path.dirname(found.submissions[0].path);
    expect(existsSync(folder)).toBe(true);
    await found.cleanup();
    expect(existsSync(folder)).toBe(false);
  });

  it('keeps one student zip as one submission, wrapper folder or not', async () => {
    const { submissions } = await discoverClass([zips('good-single.zip')]);
    expect(submissions).toEqual([{ id: 'good-single', kind: 'zip', path: zips('good-single.zip') }]);
  });

  it('keeps a zip it cannot even read as one submission, so grading reports why', async () => {
    const { submissions } = await discoverClass([zips('truncated.zip'), zips('zip-slip.zip')]);
    expect(submissions.map((s) => [s.id, s.kind])).toEqual([
      ['truncated', 'zip'],
      ['zip-slip', 'zip'],
    ]);
  });

  it('tells a bulk listing from a single submission by entry names', async () => {
    const listing = async (entries: Parameters<typeof buildZip>[0]) => {
      const file = path.join(scratch('listing'), 'x.zip');
      writeFileSync(file, buildZip(entries));
      return isBulkListing(await listZip(file, SUBMISSION_LIMITS));
    };
    expect(await listing([...studentFiles('class/alice/'), ...studentFiles('class/bob/')])).toBe(true); // a wrapper folder around a class
    expect(await listing(studentFiles('Ada_10001_assignsubmission_file_/'))).toBe(true); // Moodle, even with one student
    expect(await listing(studentFiles('alice/'))).toBe(false); // one student's zipped folder
    expect(await listing([...studentFiles(''), { name: 'old-attempt.zip', data: 'x' }])).toBe(false); // files at the top win
    expect(await listing([{ name: 'my-work/src/engine.ts', data: 'x' }])).toBe(false); // a project layout: still one student
  });

  it.each([
    ['Ada Lovelace_10001_assignsubmission_file_', 'Ada Lovelace_10001'],
    ['Ada Lovelace_10001_assignsubmission_onlinetext_', 'Ada Lovelace_10001'],
    ['lovelaceada_10001_90001_backprop.zip', 'lovelaceada_10001'],
    ['lovelaceada_LATE_10001_90001_backprop.zip', 'lovelaceada_10001'],
    ['alice.zip', 'alice'],
  ])('lmsId(%s) = %s', (name, id) => {
    expect(lmsId(name)).toBe(id);
  });
});

describe('a folder of GitHub Classroom clones', () => {
  function classroom(): string {
    const dir = scratch('classroom');
    for (const student of ['alice', 'bob']) {
      const clone = path.join(dir, `assignment-${student}`);
      cpSync(fixture('submissions', 'correct-micrograd-style'), clone, { recursive: true });
      mkdirSync(path.join(clone, '.git', 'objects'), { recursive: true });
      writeFileSync(path.join(clone, '.git', 'HEAD'), 'ref: refs/heads/main\n');
    }
    mkdirSync(path.join(dir, '.git'));
    return dir;
  }

  it('gives one submission per clone, named after its folder, and never one for .git', async () => {
    const { submissions, skipped } = await discoverClass([classroom()]);
    expect(submissions.map((s) => [s.id, s.kind])).toEqual([
      ['assignment-alice', 'folder'],
      ['assignment-bob', 'folder'],
    ]);
    expect(skipped).toEqual([]);
  });

  it('drops a common prefix from ids with stripPrefix, in both discover() and discoverAll()', async () => {
    const dir = classroom();
    expect((await discoverClass([dir], 'assignment-')).submissions.map((s) => s.id)).toEqual(['alice', 'bob']);
    expect(discover([dir], { stripPrefix: 'assignment-' }).submissions.map((s) => s.id)).toEqual(['alice', 'bob']);
  });

  it('never strips an id down to nothing, and still keeps ids unique', async () => {
    const dir = scratch('prefix');
    for (const name of ['hw-', 'hw-a', 'x/hw-a'])
      cpSync(fixture('submissions', 'correct-micrograd-style'), path.join(dir, name), { recursive: true });
    const ids = (
      await discoverClass([path.join(dir, 'hw-'), path.join(dir, 'hw-a'), path.join(dir, 'x', 'hw-a')], 'hw-')
    ).submissions.map((s) => s.id);
    expect(ids).toEqual(['hw-', 'a', 'a-2']);
  });
});
