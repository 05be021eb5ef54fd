/**
 * Runs the public tests of a course root against one vitest project
 * (`exercises` = the stubs, `solutions` = the reference) and returns one
 * outcome per test file.
 *
 * vitest runs in a child process, not in ours: the grader CLI runs under a
 * TypeScript loader and is itself tested from inside vitest, and a nested
 * in-process vitest would share module state with both.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';

export type PublicProject = 'exercises' | 'solutions';

/** `passed`: every test ran and passed. `skipped`: nothing failed, but not everything ran. */
export type FileOutcome = 'passed' | 'failed' | 'skipped';

export interface FileResult {
  /** Relative to the course root, with forward slashes: `tests/public/add.test.ts`. */
  file: string;
  outcome: FileOutcome;
  passed: number;
  failed: number;
  skipped: number;
  /** The first failure, one line, for messages. */
  firstFailure?: string;
}

export interface ProjectRun {
  project: PublicProject;
  files: Map<string, FileResult>;
  /** Set when vitest produced no report at all (bad config, crash, timeout). */
  error?: string;
}

interface JsonAssertion {
  status: 'passed' | 'failed' | 'skipped' | 'pending' | 'todo' | 'disabled';
  fullName: string;
  failureMessages: string[];
}

interface JsonFile {
  name: string;
  status: string;
  message: string;
  assertionResults: JsonAssertion[];
}

// Generous: the course runs the public tests of every assignment, on machines that may be busy.
const TIMEOUT_MS = 240_000;

export async function runPublicTests(root: string, project: PublicProject): Promise<ProjectRun> {
  const scratch = await mkdtemp(join(tmpdir(), `gradelab-${project}-`));
  const report = join(scratch, 'report.json');
  try {
    const vitest = join(
      dirname(createRequire(join(root, 'package.json')).resolve('vitest/package.json')),
      'vitest.mjs',
    );
    const args = [vitest, 'run', '--project', project, '--reporter=json', `--outputFile=${report}`];
    const { stderr, timedOut } = await run(process.execPath, args, root);
    let parsed: { testResults: JsonFile[] };
    try {
      parsed = JSON.parse(await readFile(report, 'utf8'));
    } catch {
      const why = timedOut ? `timed out after ${TIMEOUT_MS / 1000}s` : lastLines(stderr);
      return { project, files: new Map(), error: `vitest --project ${project} produced no report: ${why}` };
    }
    const files = new Map<string, FileResult>();
    for (const file of parsed.testResults) {
      const result = summarise(relative(root, file.name).split('\\').join('/'), file);
      files.set(result.file, result);
    }
    return { project, files };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

function summarise(file: string, json: JsonFile): FileResult {
  const count = (status: JsonAssertion['status'][]) =>
    json.assertionResults.filter((a) => status.includes(a.status)).length;
  const passed = count(['passed']);
  const failed = count(['failed']);
  const skipped = count(['skipped', 'pending', 'todo', 'disabled']);
  // A file that fails to load has status 'failed' and no assertion results at all.
  const loadFailed = json.status === 'failed' && failed === 0;
  const failure = json.assertionResults.find((a) => a.status === 'failed');
  const firstFailure = failure
    ? `${failure.fullName}: ${firstLine(failure.failureMessages[0] ?? '')}`
    : loadFailed
      ? firstLine(json.message || 'the file failed to load')
      : undefined;
  const outcome: FileOutcome = failed > 0 || loadFailed ? 'failed' : passed > 0 && skipped === 0 ? 'passed' : 'skipped';
  return { file, outcome, passed, failed, skipped, firstFailure };
}

function firstLine(text: string): string {
  return text.split('\n')[0].trim().slice(0, 400);
}

function lastLines(text: string): string {
  return text.trim().split('\n').slice(-5).join('\n') || 'no output';
}

function run(command: string, args: string[], cwd: string): Promise<{ stderr: string; timedOut: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: childEnv(), stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, TIMEOUT_MS);
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', () => {
      clearTimeout(timer);
      resolve({ stderr, timedOut });
    });
  });
}

/**
 * The parent's environment minus vitest's own worker variables: when `check`
 * itself runs inside a vitest test, the child must start as a fresh run.
 */
function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' };
  for (const key of Object.keys(env)) {
    if (key.startsWith('VITEST') || key.startsWith('TINYPOOL') || key === 'NODE_ENV') delete env[key];
  }
  return env;
}
