/**
 * The published schemas' validators, compiled ahead of time. Compiling a
 * schema with ajv costs far more than a short command's whole run, so the
 * build (tools/build.ts) compiles every schema once into code and puts its
 * own version of this module in the bundle. Run as source, there is none,
 * and ./schema.ts compiles each schema on first use.
 */
import type { ValidateFunction } from 'ajv';

export const PRECOMPILED: Record<string, ValidateFunction> | undefined = undefined;
