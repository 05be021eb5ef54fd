// Loaded into the grader by `npm run bench -- --size ...` (node --import): when
// the process exits, its peak resident set (VmHWM) is written to the file named
// by GRADELAB_PEAK_FILE, so the bench reads the true peak, not a sampled one.
// `grader grade` runs in a child of the process first started (see
// bin/young-generation.js), and both load this: the file keeps the larger.
import { readFileSync, writeFileSync } from 'node:fs';
import process from 'node:process';

const file = process.env.GRADELAB_PEAK_FILE;
if (file) {
  process.on('exit', () => {
    const kb = Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1]);
    let before = 0;
    try {
      before = Number(readFileSync(file, 'utf8').trim()) || 0;
    } catch {
      // The first process to exit writes it.
    }
    if (kb) writeFileSync(file, `${Math.max(kb, before)}\n`);
  });
}
