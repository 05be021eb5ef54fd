/**
 * What `grader grade` tells the instructor at the end of a streamed run,
 * gathered as results arrive: counts, the zips refused, and the term's
 * warnings kept in the order of the submissions (not of their completion),
 * so that every run of the same class says the same thing.
 */
import type { SubmissionResult } from '../results/types.ts';

export class RunTally {
  graded = 0;
  full = 0;
  errors = 0;
  late = 0;
  overridden = 0;
  untimed = 0;
  readonly zipRefused: string[] = [];
  private readonly warningsAt = new Map<number, string[]>();

  constructor(private readonly latePolicy: boolean) {}

  add(result: SubmissionResult, index: number, warnings: string[]): void {
    this.graded++;
    if (result.score === result.maxScore) this.full++;
    if (result.status !== 'graded') this.errors++;
    if (result.late && result.late.penaltyPoints > 0) this.late++;
    if ((result.overrides ?? []).length > 0) this.overridden++;
    if (this.latePolicy && result.submittedAt === null) this.untimed++;
    for (const e of result.errors) if (e.code === 'E_ZIP') this.zipRefused.push(`${result.id}: ${e.message}`);
    if (warnings.length > 0) this.warningsAt.set(index, warnings);
  }

  termWarnings(): string[] {
    return [...this.warningsAt].sort((a, b) => a[0] - b[0]).flatMap(([, w]) => w);
  }

  /** `, 2 with a late penalty, 1 with overrides` */
  termNote(): string {
    return [
      this.late > 0 ? `${this.late} with a late penalty` : '',
      this.overridden > 0 ? `${this.overridden} with overrides` : '',
      this.untimed > 0 ? `${this.untimed} with no known submission time (no penalty; see the warnings)` : '',
    ]
      .filter(Boolean)
      .map((x) => `, ${x}`)
      .join('');
  }
}
