/**
 * The second hostile corpus as a class on disk, beside a clean submission:
 * the fixtures of fixtures/hostile2 copied into a folder, with what a
 * repository cannot hold made here: `.git` folders (stored as dot-git), a
 * FIFO as HEAD, ids with control characters or spreadsheet formulas, three
 * inputs that want one id, and an LMS bulk download with one bad entry name.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';
import { FIXTURES } from './fixture-class.ts';
import { cloneFixture, fifoHeadClone, HOSTILE2 } from './hostile-clone.ts';

const ESC = '\u001b';
const BEL = '\u0007';

/** Folder names that are themselves the attack. */
export const HOSTILE_NAMES = {
  controlChars: `ctl${ESC}]52;c;cHduZWQ=${BEL}${ESC}[2J\r\n::error::forged id${BEL}`,
  csvFormula: 'Ada;=1+1\t=cmd|calc!A0,-2+3',
};

/** Folders copied as they are, one submission each. */
export const PLAIN = [
  'thrown-message-12mb',
  'wasm-memory-grows',
  'workflow-commands-in-output',
  'markdown-in-load-error',
  'timing-patched-push',
  'throws-timeout-words',
];

export const CLEAN_ID = 'clean';
export const BULK = { file: 'moodle-download.zip', good: 'Ada Lovelace_10001', bad: 'Bob Tables_10002' };

/** The files of a folder, by path relative to it, for a zip. */
function filesOf(dir: string, prefix = ''): Record<string, Uint8Array> {
  const out: Record<string, Uint8Array> = {};
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) Object.assign(out, filesOf(full, `${prefix}${name}/`));
    else out[`${prefix}${name}`] = readFileSync(full);
  }
  return out;
}

/** Builds the class in `into`; returns the ids the run must give, with the folder each came from. */
export function buildHostileClass(into: string): Record<string, string> {
  mkdirSync(into, { recursive: true });
  cpSync(
    path.join(FIXTURES, 'submissions', 'correct-micrograd-style', 'exercises'),
    path.join(into, CLEAN_ID, 'exercises'),
    {
      recursive: true,
    },
  );
  const ids: Record<string, string> = { [CLEAN_ID]: 'fixtures/submissions/correct-micrograd-style' };
  for (const name of ['git-config-runs-commands', 'git-date-far-future']) {
    cloneFixture(name, into);
    ids[name] = name;
  }
  fifoHeadClone('fifo-git-head', into, 'fifo-git-head');
  ids['fifo-git-head'] = 'fifo-git-head';
  for (const name of PLAIN) {
    cpSync(path.join(HOSTILE2, name, 'exercises'), path.join(into, name, 'exercises'), { recursive: true });
    ids[name] = name;
  }
  for (const [key, name] of Object.entries(HOSTILE_NAMES)) {
    const from = key === 'controlChars' ? 'id-control-chars' : 'csv-formula-in-name';
    cpSync(path.join(HOSTILE2, from, 'exercises'), path.join(into, name, 'exercises'), { recursive: true });
    ids[name] = from;
  }
  // A folder x, a zip x.zip and a folder x-2: three ids, never two alike.
  const collision = path.join(HOSTILE2, 'id-collision', 'exercises');
  cpSync(collision, path.join(into, 'x', 'exercises'), { recursive: true });
  cpSync(collision, path.join(into, 'x-2', 'exercises'), { recursive: true });
  writeFileSync(path.join(into, 'x.zip'), zipSync(filesOf(collision, 'exercises/')));
  Object.assign(ids, { x: 'id-collision', 'x-2': 'id-collision', 'x-3': 'id-collision' });
  // Moodle's layout; one student's entry names a file with a backslash.
  const lms = path.join(HOSTILE2, 'lms-bulk-backslash-entry', 'exercises');
  const good = filesOf(lms, `${BULK.good}_assignsubmission_file_/exercises/`);
  const bad = filesOf(lms, `${BULK.bad}_assignsubmission_file_/exercises/`);
  bad[`${BULK.bad}_assignsubmission_file_/exercises\\..\\..\\escape.ts`] = new TextEncoder().encode('export {};\n');
  writeFileSync(path.join(into, BULK.file), zipSync({ ...good, ...bad }));
  Object.assign(ids, { [BULK.good]: 'lms-bulk-backslash-entry', [BULK.bad]: 'lms-bulk-backslash-entry' });
  return ids;
}
