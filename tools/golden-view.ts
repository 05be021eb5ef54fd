/**
 * What a golden file holds: a fixture's whole result, laid out for review.
 * Every test is one line, so a diff names the tests that changed. What a row
 * can be told from elsewhere in the same result is left out only when it
 * really is that (a test's hints are its misconceptions' hints; its detail is
 * its message), and kept when it is not. Node tables are written out only
 * for the fixtures whose nodes are the point (NODE_TABLES); elsewhere a test
 * keeps its node count and a digest of its table, so a changed node still
 * fails the golden test without 50,000 lines of values nobody reads.
 */
import { createHash } from 'node:crypto';

/** Fixtures (group/name) whose node tables are what they show, and why. */
export const NODE_TABLES: Record<string, string> = {
  'diagnosis/wrong-forward-value': 'a forward value is wrong: the table shows which data differ, not only grads',
  'ports/wrong-forward-leaf': 'a leaf is built wrong, so data differ from the first node on',
  'ports/number-operand-nan': 'NaN in student values, as the table records it',
};

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type Row = { [key: string]: Json };

/** The digest that stands for a node table in a golden: its size and a hash of every value in it. */
function nodeDigest(nodes: Json[]): string {
  const hash = createHash('sha256').update(JSON.stringify(nodes)).digest('hex').slice(0, 12);
  return `${nodes.length} node(s) #${hash}`;
}

const same = (a: Json | undefined, b: Json | undefined) => JSON.stringify(a) === JSON.stringify(b);

/** One test as a golden row, and its node table and training view when the golden keeps them apart. */
function testRow(test: Row, hintOf: Map<string, Json>, keepNodes: boolean) {
  const { nodes, training, hints, detail, ...row } = test;
  const derived = ((test.misconceptions ?? []) as string[]).map((id) => hintOf.get(id) ?? null);
  if (!same(hints, derived)) row.hints = hints ?? null;
  if (!same(detail, test.message)) row.detail = detail ?? null;
  if (nodes !== undefined && !keepNodes) row.nodes = nodeDigest(nodes as Json[]);
  return { row, nodes: keepNodes ? nodes : undefined, training };
}

/**
 * The golden view of a normalised result (see normalise in ./golden.ts):
 * its fields as they are, `tests` one row each, then `nodes` and `training`
 * keyed by test id where there are any.
 */
export function goldenView(result: Row, fixture: string): Row {
  const { tests, ...rest } = result;
  const hintOf = new Map(((rest.diagnoses ?? []) as Row[]).map((d) => [d.id as string, d.hint]));
  const keepNodes = fixture in NODE_TABLES;
  const rows = ((tests ?? []) as Row[]).map((t) => ({ id: t.id as string, ...testRow(t, hintOf, keepNodes) }));
  const view: Row = tests === undefined ? rest : { ...rest, tests: rows.map((r) => r.row) };
  const nodes = rows.filter((r) => r.nodes !== undefined).map((r) => [r.id, r.nodes!] as const);
  const training = rows.filter((r) => r.training !== undefined).map((r) => [r.id, r.training!] as const);
  if (nodes.length > 0) view.nodes = Object.fromEntries(nodes);
  if (training.length > 0) view.training = Object.fromEntries(training);
  return view;
}

const WIDTH = 120;

/** Top-level fields whose entries are rows, one a line; under `nodes`, each test's table is such a list. */
const ROWS = new Set(['tests', 'diagnoses']);

/**
 * JSON laid out for review: a value goes on one line when it fits in WIDTH,
 * and a row (a test, a diagnosis, a node) or a list of plain values (a loss
 * curve) always does, however long; otherwise its entries go one a line.
 */
export function layout(value: Json, indent = '', rows = false, key = ''): string {
  const flat = JSON.stringify(value);
  if (value === null || typeof value !== 'object' || flat.length <= 2) return flat;
  if (!rows && indent.length + key.length + flat.length <= WIDTH) return flat;
  if (Array.isArray(value) && value.every((v) => v === null || typeof v !== 'object')) return flat;
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    const items = value.map((v) => inner + (rows ? JSON.stringify(v) : layout(v, inner)));
    return `[\n${items.join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value).map(([k, v]) => {
    const name = `${JSON.stringify(k)}: `;
    const below = indent === '' ? ROWS.has(k) : rows;
    return inner + name + (indent === '' && k === 'nodes' ? layout(v, inner, true) : layout(v, inner, below, name));
  });
  return `{\n${entries.join(',\n')}\n${indent}}`;
}
