import { terminalLines, terminalText } from '../terminal-text.ts';
import { isGraderError, locatedMessage } from '../errors.ts';

/** The one place where an error becomes text for a person. */
export function renderError(error: unknown): string {
  if (isGraderError(error)) {
    // A message may quote a submission's path or text: one line each, nothing raw.
    const lines = [
      `error [${error.code}]: ${terminalText(locatedMessage({ ...error.location, message: error.message }))}`,
    ];
    for (const detail of error.details) lines.push(`  - ${terminalText(detail)}`);
    return `${lines.join('\n')}\n`;
  }
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return `error [E_INTERNAL]: the grader itself failed. Please report this.\n${terminalLines(message)}\n`;
}
