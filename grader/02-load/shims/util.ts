/**
 * A stand-in for node:util inside the sandbox: inspect (honouring
 * `[inspect.custom]`), format, isDeepStrictEqual. Pure: it never reads a
 * getter (a Node-like `[Getter]` is shown instead), so printing a student's
 * object runs none of the student's code except a custom inspect method.
 * No imports: it is bundled into student code.
 */
export interface InspectOptions {
  depth?: number | null;
  compact?: boolean | number;
  colors?: boolean;
  [key: string]: unknown;
}

const custom: unique symbol = Symbol.for('nodejs.util.inspect.custom') as never;
const MAX_ITEMS = 100;

function formatValue(value: unknown, depth: number, seen: unknown[], options: InspectOptions): string {
  if (typeof value === 'string') return depth === 0 && seen.length === 0 ? `'${value}'` : `'${value}'`;
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'symbol') return value.toString();
  if (typeof value === 'function')
    return `[${value.toString().startsWith('class') ? 'class' : 'Function'} ${value.name || '(anonymous)'}]`;
  if (value === null || typeof value !== 'object') return Object.is(value, -0) ? '-0' : String(value);
  const maybeCustom = (value as Record<symbol, unknown>)[custom];
  if (typeof maybeCustom === 'function') {
    const shown = maybeCustom.call(value, depth, options, inspect);
    return typeof shown === 'string' ? shown : formatValue(shown, depth, seen, options);
  }
  if (seen.includes(value)) return '[Circular]';
  const limit = options.depth === null ? Infinity : (options.depth ?? 2);
  if (value instanceof Error) return value.stack ?? `${value.name}: ${value.message}`;
  if (value instanceof Date) return value.toISOString();
  if (value instanceof RegExp) return String(value);
  const inner = (v: unknown) => formatValue(v, depth + 1, [...seen, value], options);
  if (Array.isArray(value)) {
    if (depth > limit) return '[Array]';
    const items = value.slice(0, MAX_ITEMS).map(inner);
    if (value.length > MAX_ITEMS) items.push(`... ${value.length - MAX_ITEMS} more items`);
    return items.length === 0 ? '[]' : `[ ${items.join(', ')} ]`;
  }
  if (value instanceof Set || value instanceof Map) {
    const kind = value instanceof Set ? 'Set' : 'Map';
    if (depth > limit) return `[${kind}]`;
    const items =
      value instanceof Set
        ? [...value].slice(0, MAX_ITEMS).map(inner)
        : [...value].slice(0, MAX_ITEMS).map(([k, v]) => `${inner(k)} => ${inner(v)}`);
    return `${kind}(${value.size}) { ${items.join(', ')}${items.length ? ' ' : ''}}`.replace('{  }', '{}');
  }
  const proto = Object.getPrototypeOf(value) as { constructor?: { name?: string } } | null;
  const name = proto === null ? '[Object: null prototype]' : (proto.constructor?.name ?? '');
  const prefix = name && name !== 'Object' ? `${name} ` : '';
  if (depth > limit) return `[${name || 'Object'}]`;
  const fields = Object.keys(value)
    .slice(0, MAX_ITEMS)
    .map((key) => {
      const d = Object.getOwnPropertyDescriptor(value, key)!;
      const shown = 'value' in d ? inner(d.value) : d.set ? '[Getter/Setter]' : '[Getter]';
      return `${/^[A-Za-z_$][\w$]*$/.test(key) ? key : `'${key}'`}: ${shown}`;
    });
  return fields.length === 0 ? `${prefix}{}` : `${prefix}{ ${fields.join(', ')} }`;
}

export function inspect(value: unknown, options: InspectOptions | boolean = {}): string {
  return formatValue(value, 0, [], typeof options === 'object' && options !== null ? options : {});
}
inspect.custom = custom;
inspect.defaultOptions = { depth: 2 } as InspectOptions;

/** printf-like, as util.format: %s %d %i %f %j %o %O %c %%; the rest joined by spaces. */
export function formatWithOptions(options: InspectOptions, ...args: unknown[]): string {
  const show = (v: unknown) => (typeof v === 'string' ? v : inspect(v, options));
  if (typeof args[0] !== 'string') return args.map(show).join(' ');
  let rest = args.slice(1);
  const head = args[0].replace(/%([sdifjoOc%])/g, (all, code: string) => {
    if (code === '%') return '%';
    if (rest.length === 0) return all;
    const [v] = rest;
    rest = rest.slice(1);
    if (code === 's')
      return typeof v === 'string' ? v : typeof v === 'object' && v !== null ? inspect(v, { depth: 1 }) : String(v);
    if (code === 'd' || code === 'i') {
      const n = Number(v);
      return String(code === 'i' ? Math.trunc(n) : n);
    }
    if (code === 'f') return String(parseFloat(String(v)));
    if (code === 'j') {
      try {
        return JSON.stringify(v);
      } catch {
        return '[Circular]';
      }
    }
    if (code === 'c') return '';
    return inspect(v, options);
  });
  return [head, ...rest.map(show)].join(' ');
}

export function format(...args: unknown[]): string {
  return formatWithOptions({}, ...args);
}

export function isDeepStrictEqual(a: unknown, b: unknown): boolean {
  return deepEqual(a, b, []);
}

function deepEqual(a: unknown, b: unknown, seen: unknown[]): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b) || seen.includes(a)) return seen.includes(a);
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  if (a instanceof Set || a instanceof Map) {
    const listA = [...(a as Set<unknown>)];
    const listB = [...(b as Set<unknown>)];
    return listA.length === listB.length && listA.every((x, i) => deepEqual(x, listB[i], [...seen, a]));
  }
  return keysA.every((k) =>
    deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], [...seen, a]),
  );
}

export function inherits(ctor: { prototype: object }, superCtor: { prototype: object }): void {
  Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
}

export function deprecate<T>(fn: T): T {
  return fn;
}

export const types = {
  isDate: (v: unknown) => v instanceof Date,
  isRegExp: (v: unknown) => v instanceof RegExp,
  isMap: (v: unknown) => v instanceof Map,
  isSet: (v: unknown) => v instanceof Set,
};

export default { inspect, format, formatWithOptions, isDeepStrictEqual, inherits, deprecate, types };
