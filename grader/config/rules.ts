/**
 * Pass two: named cross-checks that a schema cannot express. Each rule looks
 * at the parsed config and reports errors or warnings prefixed with the path.
 */
import { allCaseIds, exerciseIds } from '../cases/case-list.ts';
import { closest } from '../suggest.ts';
import { DEFAULT_SALT, type GradingConfig } from './types.ts';

export interface RuleFinding {
  level: 'error' | 'warning';
  path: string;
  message: string;
}

type Rule = (config: GradingConfig) => RuleFinding[];

function didYouMean(id: string, known: Set<string>): string {
  const guess = closest(id, known);
  return guess ? `: did you mean '${guess}'?` : ` (known: ${[...known].join(', ')})`;
}

export const rules: Record<string, Rule> = {
  'known-cases': (config) => {
    const known = new Set(allCaseIds(config));
    return Object.keys(config.cases)
      .filter((id) => !known.has(id))
      .map((id) => ({
        level: 'error',
        path: `$.cases.${id}`,
        message: `no case has the id '${id}'${didYouMean(id, known)}`,
      }));
  },
  'known-exercises': (config) => {
    const known = new Set(exerciseIds(config));
    return Object.keys(config.exercises)
      .filter((id) => !known.has(id))
      .map((id) => ({
        level: 'error',
        path: `$.exercises.${id}`,
        message: `no exercise has the id '${id}'${didYouMean(id, known)}`,
      }));
  },
  'case-fits-in-submission-timeout': (config) =>
    config.timeouts.caseMs > config.timeouts.submissionMs
      ? [
          {
            level: 'error',
            path: '$.timeouts.caseMs',
            message: `${config.timeouts.caseMs} ms for one case exceeds the ${config.timeouts.submissionMs} ms for the whole submission`,
          },
        ]
      : [],
  'due-date-for-after-due-date': (config) =>
    config.dueDate === undefined && Object.values(config.cases).some((c) => c.visibility === 'after_due_date')
      ? [{ level: 'error', path: '$.dueDate', message: "cases with visibility 'after_due_date' need a dueDate" }]
      : [],
  'late-needs-due-date': (config) =>
    config.late !== undefined && config.dueDate === undefined
      ? [{ level: 'error', path: '$.late', message: 'a late policy needs a dueDate to count from' }]
      : [],
  'due-date-parses': (config) =>
    config.dueDate !== undefined && Number.isNaN(Date.parse(config.dueDate))
      ? [
          {
            level: 'error',
            path: '$.dueDate',
            message: `'${config.dueDate}' is not a date and time (use ISO 8601, e.g. 2026-12-01T23:59:00Z)`,
          },
        ]
      : [],
  'course-salt-set': (config) =>
    config.salt === DEFAULT_SALT
      ? [
          {
            level: 'warning',
            path: '$.salt',
            message:
              "no course salt is set: students who know the default can predict their random cases; set 'salt' to a secret",
          },
        ]
      : [],
  'tolerance-is-tight': (config) =>
    config.tolerance.rtol > 1e-3 || config.tolerance.atol > 1e-3
      ? [
          {
            level: 'warning',
            path: '$.tolerance',
            message: 'a tolerance above 1e-3 may accept wrong rules such as tanh using 1 - x² for small x',
          },
        ]
      : [],
};

export function applyRules(config: GradingConfig, source: string): { warnings: string[]; errors: string[] } {
  const warnings: string[] = [];
  const errors: string[] = [];
  for (const [name, rule] of Object.entries(rules)) {
    for (const finding of rule(config)) {
      const line = `${source}: ${finding.path}: ${finding.message} [${name}]`;
      (finding.level === 'error' ? errors : warnings).push(line);
    }
  }
  return { warnings, errors };
}
