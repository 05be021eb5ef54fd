/**
 * `grader release --out DIR`: writes the student repository.
 */
import { resolve } from 'node:path';
import type { ArgumentsCamelCase, Argv } from 'yargs';
import type { CommandBody } from './command-body.ts';
import { PACKAGE_ROOT } from '../../course/catalogue.ts';
import { releaseCourse } from '../../course/release.ts';
import { ROOT_OPTION } from '../shared-options.ts';

interface ReleaseArgs {
  out: string;
  force: boolean;
  root?: string;
}

export const releaseCommand: CommandBody<ReleaseArgs> = {
  builder: (y: Argv) =>
    y
      .option('out', {
        alias: 'o',
        type: 'string',
        demandOption: true,
        describe: 'Folder to write the student repository into',
      })
      .option('force', {
        type: 'boolean',
        default: false,
        describe: 'Write into a folder that is not empty (files of the same name are replaced, others kept)',
      })
      .options(ROOT_OPTION)
      .example('$0 release --out ../student-repo', 'Write the student repository next to this one'),
  handler: async (args: ArgumentsCamelCase<ReleaseArgs>) => {
    const root = args.root ? resolve(args.root) : PACKAGE_ROOT;
    const { out, files } = await releaseCourse({ root, out: args.out, force: args.force });
    process.stdout.write(`wrote the student repository to ${out} (${files.length} files):\n`);
    for (const file of files) process.stdout.write(`  ${file}\n`);
    process.stdout.write(`\nnext: cd ${out} && npm install && npm test\n`);
  },
};
