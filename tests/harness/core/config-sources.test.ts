/**
 * The grading config is described in three places that must not drift: the
 * published JSON Schema (what each field means, its limits and its default),
 * the GradingConfig interface with DEFAULT_CONFIG (grader/config/types.ts),
 * and the merge of a config over its defaults (grader/config/parse.ts). This
 * proves they agree field by field.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { layer } from '../../../grader/config/parse.ts';
import { DEFAULT_CONFIG, DEFAULT_LATE, type GradingConfig } from '../../../grader/config/types.ts';
import { check, schemaPath } from '../../../grader/schema.ts';

/** Every field of a type: `true` for a value, `'record'` for a map by id, the fields of a section. */
type Fields<T> = {
  [K in keyof Required<T>]-?: NonNullable<T[K]> extends number | string | boolean
    ? true
    : string extends keyof NonNullable<T[K]>
      ? 'record'
      : Fields<NonNullable<T[K]>>;
};

/**
 * GradingConfig's fields, written out: tsc refuses this object when the
 * interface gains, loses or renames a field, so the checks below, which read
 * it, cover the interface too. `assignment` is set from course.json, never by
 * a config file, so it is not in the schema.
 */
const FIELDS = {
  salt: true,
  dueDate: true,
  late: { graceMinutes: true, penaltyPercentPerDay: true, maxPenaltyPercent: true },
  tolerance: { rtol: true, atol: true },
  timeouts: { caseMs: true, submissionMs: true },
  memoryMb: true,
  concurrency: true,
  exercises: 'record',
  cases: 'record',
  randomCases: { count: true, nodes: true, points: true },
  longChain: { length: true, points: true },
  nodesPerFailedCase: true,
  assignment: { id: true, kind: true, first: true, course: true },
  training: { steps: true, lr: true, randomDatasets: { count: true, points: true } },
} satisfies Fields<GradingConfig>;

type Tree = true | 'record' | { [key: string]: Tree };
interface SchemaNode {
  properties?: Record<string, SchemaNode>;
  additionalProperties?: boolean | SchemaNode;
  description?: string;
  default?: unknown;
}

const schema = JSON.parse(readFileSync(schemaPath('grading-config'), 'utf8')) as SchemaNode;
const { assignment: _fromCourse, ...fileFields } = FIELDS;

/** The schema's fields in the same form as FIELDS. */
function schemaFields(node: SchemaNode): Tree {
  if (node.properties) {
    const entries = Object.entries(node.properties).filter(([key]) => key !== '$schema');
    return Object.fromEntries(entries.map(([key, child]) => [key, schemaFields(child)]));
  }
  return typeof node.additionalProperties === 'object' ? 'record' : true;
}

/** Every field with its path, its place in the schema and in the defaults. */
function* leaves(
  tree: Tree,
  node: SchemaNode,
  value: unknown,
  at: string[] = [],
): Generator<{ path: string[]; node: SchemaNode; value: unknown }> {
  for (const [key, child] of Object.entries(tree as Record<string, Tree>)) {
    const inner = (value as Record<string, unknown> | undefined)?.[key];
    if (typeof child === 'object') yield* leaves(child, node.properties![key], inner, [...at, key]);
    else yield { path: [...at, key], node: node.properties![key], value: inner };
  }
}

const defaults: unknown = { ...DEFAULT_CONFIG, late: DEFAULT_LATE };

describe('the grading config, one description in three places', () => {
  it('the schema has exactly the fields of the interface', () => {
    expect(schemaFields(schema)).toEqual(fileFields);
  });

  it("each field's schema default is the grader's default, and a field with no default has none in the schema", () => {
    const disagree = [...leaves(fileFields, schema, defaults)]
      .filter(({ node, value }) => JSON.stringify(node.default) !== JSON.stringify(value))
      .map(
        ({ path, node, value }) =>
          `${path.join('.')}: schema ${JSON.stringify(node.default)}, code ${JSON.stringify(value)}`,
      );
    expect(disagree).toEqual([]);
  });

  it('the defaults are a valid config', () => {
    const { assignment: _notInFiles, ...config } = DEFAULT_CONFIG;
    expect(check('grading-config', config, '$')).toEqual([]);
    expect(check('grading-config', { ...config, late: { ...DEFAULT_LATE, penaltyPercentPerDay: 5 } }, '$')).toEqual([]);
  });

  it('every field the schema publishes says what it means', () => {
    const silent = Object.entries(schema.properties!)
      .filter(([key, node]) => key !== '$schema' && !node.description)
      .map(([key]) => key);
    expect(silent).toEqual([]);
  });

  it("the merge sets every field a config gives and keeps each section's other fields", () => {
    const wrong: string[] = [];
    for (const { path } of leaves(fileFields, schema, defaults)) {
      const given = path.length === 1 && ['exercises', 'cases'].includes(path[0]) ? { extra: { points: 1 } } : 12345;
      const input = path.reduceRight<unknown>((inner, key) => ({ [key]: inner }), given);
      // A late policy given in part takes the rest from DEFAULT_LATE; without one, there is none.
      const merged = layer(DEFAULT_CONFIG, input as Parameters<typeof layer>[1]) as unknown as Record<string, unknown>;
      const expected = structuredClone(defaults) as Record<string, unknown>;
      if (path[0] !== 'late') delete expected.late;
      let at = expected;
      for (const key of path.slice(0, -1)) at = at[key] as Record<string, unknown>;
      const last = path[path.length - 1];
      at[last] = typeof given === 'object' ? { ...(at[last] as object), ...given } : given;
      if (JSON.stringify(sorted(merged)) !== JSON.stringify(sorted(expected))) wrong.push(path.join('.'));
    }
    expect(wrong).toEqual([]);
  });
});

/** Keys in order, for a comparison that ignores the order they were set in. */
function sorted(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sorted((value as Record<string, unknown>)[key])]),
  );
}
