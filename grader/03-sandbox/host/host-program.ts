/**
 * The sandbox host's code as one plain script: a host then starts as fast as
 * bare Node, with no TypeScript loader. The driver every isolate runs first
 * is built into it. The build (tools/build.ts) makes it once into dist/;
 * run as source, the grader makes it once per process. Only isolated-vm
 * stays outside (a native addon): the script keeps one `require("isolated-vm")`
 * that ./host-pool.ts points at the installed addon's absolute path.
 */
import '../../rust-threads.ts';
import { fileURLToPath } from 'node:url';
import { rolldown, type InputOptions, type OutputOptions } from 'rolldown';

/** One of the grader's own files as a single script. */
async function bundle(file: string, input: InputOptions, output: OutputOptions): Promise<string> {
  const build = await rolldown({ input: fileURLToPath(new URL(file, import.meta.url)), logLevel: 'silent', ...input });
  try {
    return (await build.generate(output)).output[0].code;
  } finally {
    await build.close();
  }
}

export async function bundleHostProgram(): Promise<string> {
  const driver = await bundle(
    '../driver.ts',
    { platform: 'neutral', transform: { target: 'es2022' } },
    { format: 'iife' },
  );
  return bundle(
    './sandbox-host.ts',
    {
      platform: 'node',
      external: ['isolated-vm'],
      transform: { target: 'node24', define: { __GRADELAB_DRIVER__: JSON.stringify(driver) } },
    },
    { format: 'cjs' },
  );
}
