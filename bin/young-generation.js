// `grader grade` runs a whole class in one process. Under Node 24, V8 grows
// that process's young generation to 128 MB for the grader's way of
// allocating (every submission's graphs, replies and pages are short-lived),
// which put a class of 3,000 over 400 MB of peak memory; semi-spaces of 16 MB
// (as Node 20 had) keep it about 80 MB lower at no cost measured in CPU. V8
// takes the limit only when it starts, so `grade` runs itself once more with
// it. Plain JavaScript, loaded before anything else (see ./grader.js).
import { spawn } from 'node:child_process';
import process from 'node:process';

const FLAG = '--max-semi-space-size=16';

/** Whether this process should hand the command to a copy of itself with the flag. */
export function wantsSmallYoungGeneration(argv = process.argv, execArgv = process.execArgv) {
  return argv[2] === 'grade' && !execArgv.some((arg) => arg.startsWith('--max-semi-space-size'));
}

/** Runs `script` with the same arguments in a child with the flag; this process ends as it does. */
export function rerunWithSmallYoungGeneration(script) {
  const child = spawn(process.execPath, [FLAG, ...process.execArgv, script, ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  // A terminal's Ctrl-C reaches both; a CI runner's SIGTERM reaches only this one.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  child.on('error', (error) => {
    process.stderr.write(`gradelab: could not start the grader: ${error.message}\n`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    if (signal) {
      process.removeAllListeners(signal);
      process.kill(process.pid, signal);
    } else process.exit(code ?? 1);
  });
}
