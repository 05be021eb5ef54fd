/**
 * Progress for long runs: a bar on a terminal, one plain line per
 * submission elsewhere (CI logs keep every line, and bars garble them).
 */
import { createRequire } from 'node:module';
import type CliProgress from 'cli-progress';
import { terminalText } from '../terminal-text.ts';
import type { ProgressEvent } from '../grade.ts';

/** The bar's package, loaded only for a terminal: a run in CI or a script never needs it. */
const loadBar = () => createRequire(import.meta.url)('cli-progress') as typeof CliProgress;

export interface Progress {
  update(event: ProgressEvent): void;
  stop(): void;
}

export function createProgress(total: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  const interactive = stream.isTTY === true && !process.env.CI;
  if (!interactive) {
    return {
      update: ({ done, total: all, result }) =>
        stream.write(
          `[${done}/${all}] ${terminalText(result.id)}: ${result.status}, ${result.score}/${result.maxScore}\n`,
        ),
      stop: () => {},
    };
  }
  const cliProgress = loadBar();
  const bar = new cliProgress.SingleBar(
    { stream, format: 'grading [{bar}] {value}/{total} {id}', hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { id: '' });
  return {
    update: ({ done, result }) => bar.update(done, { id: terminalText(result.id) }),
    stop: () => bar.stop(),
  };
}
