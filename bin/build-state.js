// Whether dist/, the grader's build (tools/build.ts), is there and newer
// than every file it is built from. Plain JavaScript: bin/grader.js asks
// before anything else loads, so this must cost next to nothing.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, URL } from 'node:url';

export const ROOT = fileURLToPath(new URL('../', import.meta.url));
export const DIST = path.join(ROOT, 'dist');
/** Written last by the build: its presence means a complete build. */
export const STAMP = path.join(DIST, 'build.json');
/** What the build reads: folders, and the build itself (the rest of tools/ is development only). */
const SOURCES = ['grader', 'solutions', 'schemas', 'templates', 'tools/build.ts'];

export function buildIsCurrent() {
  let built;
  try {
    built = statSync(STAMP).mtimeMs;
  } catch {
    return false;
  }
  // Folders count too: deleting or renaming a file changes its folder's time.
  for (const source of SOURCES) {
    const top = path.join(ROOT, source);
    const stat = statSync(top);
    if (stat.mtimeMs > built) return false;
    if (!stat.isDirectory()) continue;
    for (const rel of readdirSync(top, { recursive: true })) {
      if (statSync(path.join(top, rel)).mtimeMs > built) return false;
    }
  }
  return true;
}
