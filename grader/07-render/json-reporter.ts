import { GraderError } from '../errors.ts';
import { check } from '../schema.ts';
import type { Reporter } from './reporter.ts';

/** results.json, checked against its published schema before it is written. */
export const jsonReporter: Reporter = {
  name: 'json',
  description: 'results.json (schemas/results.schema.json)',
  render(results) {
    const problems = check('results', results, 'results.json: $');
    if (problems.length > 0)
      throw new GraderError('E_SCHEMA', 'the results do not match their schema (a grader bug)', {
        details: problems.slice(0, 10),
      });
    return [{ path: 'results.json', content: `${JSON.stringify(results, null, 2)}\n` }];
  },
};
