/**
 * A reporter for one submission graded on its own (`grader ci`, `grader
 * gradescope run`): the job summary, the annotations, the terminal report,
 * Gradescope's results.json and its log. Registered by name beside the class
 * reporters (./registry.ts), as vitest keeps its GitHub Actions reporter among
 * the others. Each returns text and never writes it: where the text goes (a
 * file, the step summary, stdout) is the run's choice, and only the CLI prints.
 */
import type { Results, SubmissionResult } from '../results/types.ts';

/** One graded submission, with results.json's model for a class of one. */
export interface OneResult {
  submission: SubmissionResult;
  results: Results;
}

export interface SubmissionReporter<Options> {
  name: string;
  description: string;
  render(one: OneResult, options: Options): string;
}

/** Keeps a reporter's own options type while checking its shape. */
export function defineSubmissionReporter<Options>(reporter: SubmissionReporter<Options>): SubmissionReporter<Options> {
  return reporter;
}
