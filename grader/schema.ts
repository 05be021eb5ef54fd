/**
 * One ajv instance for every published schema, and one way to turn its
 * errors into messages that start with the JSON path.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';

const ajv = new Ajv({ allErrors: true, strict: false });
const compiled = new Map<string, ValidateFunction>();

export function schemaPath(name: string): string {
  return fileURLToPath(new URL(`../schemas/${name}.schema.json`, import.meta.url));
}

export function validator(name: string): ValidateFunction {
  let validate = compiled.get(name);
  if (!validate) {
    validate = ajv.compile(JSON.parse(readFileSync(schemaPath(name), 'utf8')));
    compiled.set(name, validate);
  }
  return validate;
}

/** `$.cases[3].points: must be >= 0`, most specific errors first. */
export function describeErrors(errors: ErrorObject[] | null | undefined, root = '$'): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const e of errors ?? []) {
    if (e.keyword === 'oneOf' || e.keyword === 'if') continue;
    const extra =
      e.keyword === 'additionalProperties'
        ? ` '${(e.params as { additionalProperty: string }).additionalProperty}'`
        : '';
    const allowed =
      e.keyword === 'enum' ? ` (${(e.params as { allowedValues: unknown[] }).allowedValues.join(', ')})` : '';
    const line = `${root}${toPath(e.instancePath)}: ${e.message}${extra}${allowed}`;
    if (!seen.has(line)) out.push(line);
    seen.add(line);
  }
  return out;
}

function toPath(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((part) => (/^\d+$/.test(part) ? `[${part}]` : `.${part.replace(/~1/g, '/').replace(/~0/g, '~')}`))
    .join('');
}

/** Validates `data` or returns the error lines. */
export function check(name: string, data: unknown, root = '$'): string[] {
  const validate = validator(name);
  return validate(data) ? [] : describeErrors(validate.errors, root);
}
