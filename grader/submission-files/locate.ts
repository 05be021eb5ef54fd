/**
 * Finds a student file inside a submission. The contract puts it "somewhere
 * inside, normally exercises/", and lets it be TypeScript or JavaScript, so
 * every extension Node (or tsx) would run is looked for: first in the places
 * students put it (exercises/, the root, src/), then the shallowest match
 * anywhere (never inside node_modules or .git).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { CODE_EXTENSIONS, USUAL_FOLDERS } from '../course/student-contract.ts';

const MAX_DEPTH = 4;
const SKIP = new Set(['node_modules', '.git', '__MACOSX', 'dist', 'build']);

/** The file of `base` (`engine`, `manual`) in `root`, whatever its extension. */
export function locateStudentFile(root: string, base: string): string | undefined {
  const names = CODE_EXTENSIONS.map((ext) => `${base}${ext}`);
  for (const folder of USUAL_FOLDERS)
    for (const name of names) {
      const candidate = path.join(root, folder, name);
      if (isFile(candidate)) return candidate;
    }
  let level = [root];
  for (let depth = 0; depth < MAX_DEPTH && level.length > 0; depth++) {
    const next: string[] = [];
    for (const dir of level) {
      let entries: string[];
      try {
        entries = readdirSync(dir).sort();
      } catch {
        continue;
      }
      const found = names.map((name) => (entries.includes(name) ? path.join(dir, name) : '')).find(isFile);
      if (found) return found;
      for (const entry of entries) {
        if (SKIP.has(entry)) continue;
        const full = path.join(dir, entry);
        if (isDirectory(full)) next.push(full);
      }
    }
    level = next;
  }
  return undefined;
}

/** What to say when no file of `base` exists. */
export function missingFileMessage(base: string): string {
  return `${base}.ts is missing (${base}.js, .mjs or .cjs would do too): put it in exercises/${base}.ts`;
}

function isFile(p: string): boolean {
  return p !== '' && existsSync(p) && statSync(p).isFile();
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}
