/**
 * `npm run fixtures:update`: grades every fixture submission and rewrites its
 * expected_results.json (see ./golden.ts). Review the diff like code: a change
 * there is a change in what students get.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { GOLDEN_FILE, REPO, goldenFolders, goldenText, gradeForGolden } from './golden.ts';

const folders = goldenFolders();
const results = await gradeForGolden(folders);
let changed = 0;
for (const [folder, result] of results) {
  const file = path.join(folder, GOLDEN_FILE);
  const text = goldenText(result, folder);
  if (existsSync(file) && readFileSync(file, 'utf8') === text) continue;
  writeFileSync(file, text);
  changed++;
  console.log(`wrote ${path.relative(REPO, file)}`);
}
console.log(`${folders.length} fixture(s), ${changed} golden file(s) changed`);
