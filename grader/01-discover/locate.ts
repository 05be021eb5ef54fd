/**
 * Finds a student file inside a submission. The contract puts it "somewhere
 * inside, normally exercises/", so the usual places are tried first, then the
 * shallowest match anywhere (never inside node_modules or .git).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const MAX_DEPTH = 4;
const SKIP = new Set(['node_modules', '.git', '__MACOSX']);

export function locateStudentFile(root: string, name: string): string | undefined {
  for (const candidate of [path.join(root, 'exercises', name), path.join(root, name)]) {
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
      for (const entry of entries) {
        if (SKIP.has(entry)) continue;
        const full = path.join(dir, entry);
        if (entry === name && isFile(full)) return full;
        if (isDirectory(full)) next.push(full);
      }
    }
    level = next;
  }
  return undefined;
}

function isFile(p: string): boolean {
  return existsSync(p) && statSync(p).isFile();
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}
