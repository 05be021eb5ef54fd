/**
 * Loads one submission: finds its two student files and prepares each for the
 * sandbox. Every problem becomes a GraderError attached to that file, so one
 * broken file (or one broken submission) never stops the rest.
 */
import { realpathSync } from 'node:fs';
import path from 'node:path';
import type { SubmissionSource } from '../01-discover/discover.ts';
import { extractZip } from '../submission-files/zip.ts';
import { GraderError, isGraderError } from '../errors.ts';
import { scanBlockers, type Blocker } from './blockers.ts';
import { prepareStudentFile, type PreparedFile } from './prepare-file.ts';
import { refusal } from './refusal.ts';
import { readCode, type CodeFile } from './stay-inside.ts';
import { locateStudentFile, missingFileMessage } from '../submission-files/locate.ts';
import { addStageTime, threadCpuMs, timeStage } from '../stage-clock.ts';

import { ENGINE_MODULES, type StudentModule } from '../course/student-contract.ts';

export { ENGINE_MODULES, STUDENT_MODULES, TRAINING_MODULES, type StudentModule } from '../course/student-contract.ts';

/**
 * A file that loaded keeps its blockers: those that depend on how the class
 * behaves are reported only once a case confirms them (03-sandbox/confirm-form.ts).
 */
export type ModuleLoad = { ok: true; prepared: PreparedFile; blockers: Blocker[] } | { ok: false; error: GraderError };

export interface LoadedSubmission {
  id: string;
  /** Folder the student files were found in (a temporary one for a zip). */
  root?: string;
  /** Set when the submission as a whole could not be opened. */
  error?: GraderError;
  modules: Partial<Record<StudentModule, ModuleLoad>>;
  /** Removes temporary files. */
  cleanup: () => Promise<void>;
}

export async function loadSubmission(
  source: SubmissionSource,
  wanted: StudentModule[] = ENGINE_MODULES,
): Promise<LoadedSubmission> {
  const base = { id: source.id, modules: {}, cleanup: async () => {} };
  if (source.kind === 'missing') {
    return { ...base, error: new GraderError('E_NOT_FOUND', `no such file or folder: ${path.basename(source.path)}`) };
  }
  if (source.refused !== undefined) return { ...base, error: new GraderError('E_ZIP', source.refused) };
  let root = source.path;
  let cleanup = base.cleanup;
  if (source.kind === 'zip') {
    try {
      const extracted = await extractZip(source.path);
      root = extracted.dir;
      cleanup = extracted.cleanup;
    } catch (error) {
      return { ...base, error: asGraderError(error, 'E_ZIP') };
    }
  }
  const modules: LoadedSubmission['modules'] = {};
  await Promise.all(
    wanted.map(async (name) => {
      modules[name] = await loadModule(root, name);
    }),
  );
  return { id: source.id, root, modules, cleanup };
}

async function loadModule(root: string, name: StudentModule): Promise<ModuleLoad> {
  const found = timeStage('load', () => findAndRead(root, name));
  if (!found) return { ok: false, error: new GraderError('E_SUBMISSION_MISSING_FILE', missingFileMessage(name)) };
  const { file, read, blockers } = found;
  const rel = path.relative(root, file);
  try {
    // Transpiling is timed on its own thread (./transpile-thread.ts); a bundle, rarer, here
    // (this thread's share: the bundler's own threads are not counted).
    const bundling = threadCpuMs();
    const prepared = await prepareStudentFile(root, file, `__gradelab_${name}`, read);
    if (prepared.format === 'script') addStageTime('load', threadCpuMs() - bundling);
    return { ok: true, prepared, blockers };
  } catch (error) {
    return { ok: false, error: refusal(rel, blockers, asGraderError(error, 'E_SUBMISSION_LOAD')) };
  }
}

/** The student file, read once: its blockers and the sandbox's code come from the same text. */
function findAndRead(root: string, name: StudentModule) {
  const file = locateStudentFile(root, name);
  if (!file) return undefined;
  let read: CodeFile | undefined;
  try {
    read = readCode(realpathSync.native(root), file);
  } catch {
    read = undefined;
  }
  return { file, read, blockers: readBlockers(read, name) };
}

/** The file's blockers, when it can be read as code at all (else the bundler says why not). */
function readBlockers(read: CodeFile | undefined, name: StudentModule): Blocker[] {
  return read && 'text' in read ? scanBlockers(read.text, name) : [];
}

function asGraderError(error: unknown, code: GraderError['code']): GraderError {
  return isGraderError(error) ? error : new GraderError(code, error instanceof Error ? error.message : String(error));
}
