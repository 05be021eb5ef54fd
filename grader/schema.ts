/**
 * One ajv instance for every published schema, and one way to turn its
 * errors into messages that start with the JSON path. The build ships every
 * validator precompiled (./schema-precompiled.ts).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Ajv, ErrorObject, ValidateFunction } from 'ajv';
import { PRECOMPILED } from './schema-precompiled.ts';

/** The options every validator is compiled with, ahead of time (tools/build.ts) or here. */
export const AJV_OPTIONS = { allErrors: true, strict: false } as const;
let ajv: Ajv | undefined;
const compiled = new Map<string, ValidateFunction>();
const REFERS_TO_RESULTS = new Set(['submission-detail', 'submission-summary']);
const RESULTS_ID = 'https://gradelab.dev/schemas/results.schema.json';

export function schemaPath(name: string): string {
  return fileURLToPath(new URL(`../schemas/${name}.schema.json`, import.meta.url));
}

export function validator(name: string): ValidateFunction {
  let validate = compiled.get(name) ?? PRECOMPILED?.[name];
  if (!validate) {
    // Loaded only here: with every validator precompiled, a run never needs ajv's compiler.
    ajv ??= new (createRequire(import.meta.url)('ajv') as typeof import('ajv')).Ajv(AJV_OPTIONS);
    // The detail and summary schemas refer into results.schema.json, which ajv must know first.
    if (REFERS_TO_RESULTS.has(name) && !ajv.getSchema(RESULTS_ID))
      ajv.addSchema(JSON.parse(readFileSync(schemaPath('results'), 'utf8')) as object);
    const schema = JSON.parse(readFileSync(schemaPath(name), 'utf8')) as { $id?: string };
    validate = (schema.$id ? ajv.getSchema(schema.$id) : undefined) ?? ajv.compile(schema);
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
