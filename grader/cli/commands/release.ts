/**
 * `grader release --out DIR [--assignment ID]`: writes the student repository
 * of one assignment, or adds an assignment to a repository that holds an
 * earlier one, and says which files it added, updated and left alone.
 */
import { resolve } from 'node:path';
import type { ArgumentsCamelCase, Argv } from 'yargs';
import type { CommandBody } from './command-body.ts';
import { loadCatalogue, PACKAGE_ROOT, type Catalogue } from '../../course/catalogue.ts';
import { releaseCourse, type ReleaseResult } from '../../course/release.ts';
import { ROOT_OPTION } from '../shared-options.ts';

interface ReleaseArgs {
  out: string;
  assignment?: string;
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
      .option('assignment', {
        alias: 'a',
        type: 'string',
        describe:
          "Assignment of course.json to release, e.g. nn, or all (default: the first, engine). Into a folder that holds an earlier release, its files are added beside the student's work",
      })
      .option('force', {
        type: 'boolean',
        default: false,
        describe:
          'Write into a folder that is not empty and replace files of the same name, even those the student changed',
      })
      .options(ROOT_OPTION)
      .example('$0 release --out ../engine-repo', "The first assignment's repository")
      .example('$0 release --assignment nn --out ../nn-repo', "The second assignment's own repository")
      .example('$0 release --assignment nn --out ../engine-repo', 'Add the second assignment to the same repository'),
  handler: async (args: ArgumentsCamelCase<ReleaseArgs>) => {
    const root = args.root ? resolve(args.root) : PACKAGE_ROOT;
    const result = await releaseCourse({ root, out: args.out, assignment: args.assignment, force: args.force });
    process.stdout.write(describeRelease(result, loadCatalogue(root)));
  },
};

/** What the release did, file by file, and what to do next. */
function describeRelease(result: ReleaseResult, catalogue: Catalogue): string {
  const { out, added, updated, kept } = result;
  const lines = [`wrote assignment ${result.assignments.join(' and ')} to ${out}`];
  const list = (title: string, files: string[]) => {
    if (files.length > 0) lines.push('', `${title} (${files.length}):`, ...files.map((file) => `  ${file}`));
  };
  list('added', added);
  list('updated (release files nobody had changed)', updated);
  list("kept as they are (changed since the last release, or the student's own)", kept);
  if (added.length + updated.length === 0) lines.push('', 'nothing to add: the repository already holds this release');
  const last = Math.max(...result.assignments.map((id) => catalogue.assignments.findIndex((a) => a.id === id)));
  const later = catalogue.assignments.slice(last + 1);
  if (later.length > 0)
    lines.push('', `later: grader release --assignment ${later[0].id} --out <its own repository, or this one>`);
  lines.push('', `next: cd ${out} && npm install && npm test`, '');
  return lines.join('\n');
}
