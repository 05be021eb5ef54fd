// Refuses an unsupported Node before anything else loads. It is the first
// import of bin/grader.js, so it runs before the sandbox's native module
// (prebuilt for Node 24 and 26) could fail with a less helpful message.
// Plain JavaScript that any Node can parse, so that old Nodes reach it.
import process from 'node:process';

/** The oldest Node major gradelab runs on; package.json's engines says the same. */
export const OLDEST_MAJOR = 24;

/** The one line an unsupported Node gets, or undefined when `version` (as in process.versions.node) is supported. */
export function unsupportedNode(version) {
  if (Number(version.split('.')[0]) >= OLDEST_MAJOR) return undefined;
  return `gradelab needs Node ${OLDEST_MAJOR} or newer; this is Node ${version}. Install the current LTS from nodejs.org`;
}

const refusal = unsupportedNode(process.versions.node);
if (refusal !== undefined) {
  process.stderr.write(`${refusal}\n`);
  process.exit(1);
}
