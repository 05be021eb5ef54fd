/**
 * How a student file becomes code for the sandbox: a file that imports
 * nothing is transpiled by oxc and stays an ES module (as under Vitest); a
 * file that imports its neighbours is bundled by rolldown into a strict-mode
 * script, and may import nothing but the submission's own files.
 * Both kinds then load and run the same way in a sandbox.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareStudentFile, type PreparedFile } from '../../../grader/02-load/prepare-file.ts';
import { openSandbox } from '../../../grader/03-sandbox/sandbox.ts';
import { isGraderError } from '../../../grader/errors.ts';

let root: string;

beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'gradelab-transpile-'));
  mkdirSync(path.join(root, 'exercises'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const file = path.join(root, 'exercises', name);
  writeFileSync(file, text);
  return file;
}

const prepare = (name: string, text: string) => prepareStudentFile(root, write(name, text), '__gradelab_engine');

async function failure(name: string, text: string) {
  const error = await prepare(name, text).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isGraderError(error)) throw new Error(`expected a grader error, got ${String(error)}`);
  return error;
}

/** Loads `loaded` as the engine and reads its export `name`, as the grader reads manualGrads. */
async function exported(loaded: PreparedFile, name: string): Promise<unknown> {
  const sandbox = await openSandbox({ memoryMb: 64, caseTimeoutMs: 5000 });
  try {
    expect((await sandbox.load('engine', loaded, 5000)).kind).toBe('reply');
    const outcome = await sandbox.run({ kind: 'export', module: 'engine', name }, 5000);
    return outcome.kind === 'reply' ? (JSON.parse(outcome.json) as { value?: unknown }).value : outcome;
  } finally {
    sandbox.dispose();
  }
}

async function loadAndRead(loaded: PreparedFile, timeoutMs = 5000): Promise<unknown> {
  const sandbox = await openSandbox({ memoryMb: 64, caseTimeoutMs: timeoutMs });
  try {
    const outcome = await sandbox.load('engine', loaded, timeoutMs);
    return outcome.kind === 'reply' ? outcome.kind : outcome;
  } finally {
    sandbox.dispose();
  }
}

describe('transpiling a student file', () => {
  it('a file that imports nothing stays an ES module, with its types stripped', async () => {
    const result = await prepare(
      'solo.ts',
      'export class Value {\n  data: number;\n  constructor(data: number) { this.data = data; }\n}\n',
    );
    expect(result.format).toBe('module');
    expect(result.file).toBe(path.join('exercises', 'solo.ts'));
    expect(result.code).toContain('export class Value');
    expect(result.code).not.toMatch(/:\s*number/);
    expect(await loadAndRead(result)).toBe('reply');
  });

  it('TypeScript-only syntax means the same on both paths: parameter properties, enums, private fields, casts', async () => {
    const body = [
      'enum Op { Add = 2, Mul }',
      'class Value {',
      '  #seen = 1;',
      '  constructor(public data: number, private readonly label?: string) {}',
      '  twice(): number { return (this.data as number) * 2 + this.#seen - 1; }',
      '}',
      'export const probe = { twice: new Value(3).twice(), mul: Op.Mul, label: new Value(1, "x")["label"]!.length };',
    ].join('\n');
    write('plain-neighbour.ts', 'export {};\n');
    const solo = await prepare('ts-syntax.ts', `${body}\n`);
    const bundled = await prepare('ts-syntax-bundled.ts', `import './plain-neighbour';\n${body}\n`);
    expect([solo.format, bundled.format]).toEqual(['module', 'script']);
    for (const loaded of [solo, bundled])
      expect(await exported(loaded, 'probe')).toEqual({ twice: 6, mul: 3, label: 1 });
  });

  it('a module that never finishes loading is stopped at the time limit', async () => {
    const result = await prepare('spins-alone.ts', 'while (true) {}\nexport class Value {}\n');
    expect(result.format).toBe('module');
    expect(await loadAndRead(result, 300)).toEqual({ kind: 'timeout', ms: 300 });
  });

  it('a file that imports a neighbour is bundled into one strict-mode script', async () => {
    write('helper.ts', 'export const twice = (x: number): number => 2 * x;\n');
    const result = await prepare(
      'uses-helper.ts',
      "import { twice } from './helper';\nexport class Value { data = twice(1); }\n",
    );
    expect(result.format).toBe('script');
    expect(result.code.startsWith('"use strict";')).toBe(true);
    expect(result.code).toContain('__gradelab_engine');
    expect(await loadAndRead(result)).toBe('reply');
  });

  it('a neighbour may be imported by its .ts name, its .js name, or without an extension', async () => {
    write('twice.ts', 'export const twice = (x: number): number => 2 * x;\n');
    for (const specifier of ['./twice', './twice.js', './twice.ts']) {
      const result = await prepare(
        'imports-twice.ts',
        `import { twice } from '${specifier}';\nexport class Value { data = twice(1); }\n`,
      );
      expect(await loadAndRead(result), specifier).toBe('reply');
    }
  });

  it('a JSON file of the submission may be imported', async () => {
    write('numbers.json', '{ "x": 3 }\n');
    const result = await prepare(
      'reads-json.ts',
      "import numbers from './numbers.json';\nexport const x = numbers.x * 2;\n",
    );
    expect(result.format).toBe('script');
    expect(await exported(result, 'x')).toBe(6);
  });

  it('the bundler keeps code that looks free of effects: student code runs as written', async () => {
    write('nothing.ts', 'export {};\n');
    const result = await prepare('spins.ts', "import './nothing';\nwhile (true) {}\nexport class Value {}\n");
    expect(result.code).toMatch(/while \(true\)/);
  });

  it('an import of anything but its own files is refused at the line that asks for it', async () => {
    const error = await failure(
      'wants-fs.ts',
      "// reads the answers\nimport { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n",
    );
    expect(error.code).toBe('E_SUBMISSION_IMPORT');
    expect(error.message).toBe(
      "only your own files (and node:util, node:assert) can be imported here, not 'node:fs': it reaches files, processes, the network, timers or the environment, which graded code may not — remove the import (print with console.log) — import { readFileSync } from 'node:fs';",
    );
    expect(error.location).toEqual({ file: path.join('exercises', 'wants-fs.ts'), line: 2, column: 30 });
  });

  it('an import of a file that does not exist is refused with its location', async () => {
    const error = await failure('wants-nothing.ts', "import { x } from './nowhere';\nexport const y = x;\n");
    expect(error.code).toBe('E_SUBMISSION_IMPORT');
    expect(error.message).toMatch(/Could not resolve '\.\/nowhere'/);
    expect(error.location).toMatchObject({ file: path.join('exercises', 'wants-nothing.ts'), line: 1 });
  });

  it('a syntax error in an imported file names that file and its line', async () => {
    write('broken-helper.ts', 'export const h = (x: number) => {\n  return x +;\n};\n');
    const error = await failure('uses-broken.ts', "import { h } from './broken-helper';\nexport const y = h(1);\n");
    expect(error.code).toBe('E_SUBMISSION_SYNTAX');
    expect(error.location).toMatchObject({ file: path.join('exercises', 'broken-helper.ts'), line: 2 });
    expect(error.message).toMatch(/ — return x \+;$/);
  });

  it('a re-export from a neighbour goes to the bundler, even with a comment before its path', async () => {
    write('values.ts', 'export class Value { data = 1; }\n');
    for (const text of [
      "export * from /* the class */ './values';\n",
      "export { Value } from // the class\n  './values';\n",
    ]) {
      const result = await prepare('re-exports.ts', text);
      expect(result.format, text).toBe('script');
      expect(await exported(result, 'Value'), text).toBe('not a number (function)'); // how the driver describes a class
    }
  });

  it('CommonJS exports go to the bundler, which understands them', async () => {
    const result = await prepare('cjs.ts', 'class Value {}\nmodule.exports = { Value };\n');
    expect(result.format).toBe('script');
    expect(await loadAndRead(result)).toBe('reply');
  });

  it('both kinds run in strict mode, as ES modules do under Vitest', async () => {
    const solo = await prepare('sloppy.ts', 'export class Value {}\nundeclared = 5;\n');
    write('empty.ts', 'export {};\n');
    const bundled = await prepare('sloppy-bundled.ts', "import './empty';\nexport class Value {}\nundeclared = 5;\n");
    for (const loaded of [solo, bundled]) {
      expect(await loadAndRead(loaded)).toEqual({
        kind: 'crash',
        message: expect.stringMatching(/undeclared is not defined/),
      });
    }
  });

  it('a syntax error gives file:line:column and the line it is on, without colour codes', async () => {
    const error = await failure(
      'broken.ts',
      'export class Value {\n  add(o: Value) {\n    return new Value(this.data + o.data;\n  }\n}\n',
    );
    expect(error.code).toBe('E_SUBMISSION_SYNTAX');
    expect(error.location).toEqual({ file: path.join('exercises', 'broken.ts'), line: 3, column: 40 });
    expect(error.message).toBe('Expected `,` or `)` but found `;` — return new Value(this.data + o.data;');
    expect(error.message).not.toContain('\u001b[');
  });

  it('a very long broken line is shortened in the message', async () => {
    const error = await failure('long.ts', `export const x = [${'1, '.repeat(200)};\n`);
    expect(error.location?.line).toBe(1);
    expect(error.message.length).toBeLessThan(200);
    expect(error.message.endsWith('…')).toBe(true);
  });

  it('a file larger than one file in a zip may be is refused before it is read', async () => {
    const error = await failure('huge.ts', `export const pad = '${'x'.repeat(6 * 1024 * 1024)}';\n`);
    expect(error.code).toBe('E_SUBMISSION_LOAD');
    expect(error.message).toBe("'huge.ts' is 6145 KB, over the 128 KB limit for one file of code");
  });

  it('something that is not a plain file (a FIFO) is refused, not read (a read would wait for ever)', async () => {
    const fifo = path.join(root, 'exercises', 'pipe.ts');
    execFileSync('mkfifo', [fifo]);
    const error = await prepareStudentFile(root, fifo, '__gradelab_engine').then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: 'E_SUBMISSION_LOAD', message: "'pipe.ts' is not a plain file" });
  });

  it("the student's tsconfig is ignored: class fields keep the course's semantics", async () => {
    writeFileSync(
      path.join(root, 'exercises', 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { useDefineForClassFields: false } }),
    );
    const result = await prepare(
      'with-tsconfig.ts',
      'export class Value {\n  data: number = 1;\n  grad!: number;\n}\n',
    );
    // The course compiles for ES2022, where a declared field is defined (as undefined) on every instance.
    expect(result.code).toMatch(/^\s*grad;$/m);
    expect(result.code).not.toContain('this.data = 1');
  });
});
