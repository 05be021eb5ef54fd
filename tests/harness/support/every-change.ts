/**
 * Every small change one could make to a JSON value: each leaf altered (a
 * number nudged, a string lengthened, a boolean flipped, a null made 0) and
 * each key or item removed. The golden tests use it to show that a golden's
 * view of a result notices any change to the result.
 */
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = Array<string | number>;

function* paths(value: Json, at: Path = []): Generator<Path> {
  if (value === null || typeof value !== 'object') return;
  const keys: Array<string | number> = Array.isArray(value) ? [...value.keys()] : Object.keys(value);
  for (const key of keys) {
    yield [...at, key];
    yield* paths((value as Record<string | number, Json>)[key], [...at, key]);
  }
}

function altered(value: Json): Json | undefined {
  if (typeof value === 'number') return value + 1e-9 * Math.max(1, Math.abs(value));
  if (typeof value === 'string') return `${value}·`;
  if (typeof value === 'boolean') return !value;
  if (value === null) return 0;
  return undefined; // a container changes through its leaves and its removals
}

/** Each changed copy of `root`, with the path that was changed and how. */
export function* everyChange(root: Json): Generator<{ path: Path; how: 'alter' | 'remove'; value: Json }> {
  for (const at of paths(root)) {
    for (const how of ['alter', 'remove'] as const) {
      const copy = structuredClone(root);
      const parent = at.slice(0, -1).reduce((o, k) => (o as Record<string | number, Json>)[k], copy) as Record<
        string | number,
        Json
      >;
      const key = at[at.length - 1];
      if (how === 'remove') {
        if (Array.isArray(parent)) parent.splice(key as number, 1);
        else delete parent[key];
      } else {
        const next = altered(parent[key]);
        if (next === undefined) continue;
        parent[key] = next;
      }
      yield { path: at, how, value: copy };
    }
  }
}
