import { Ajv, type ValidateFunction } from 'ajv';
import { isIsoDate, isIsoMonth, parseDateTime } from './dates.js';

/**
 * The one ajv instance of the project (engine data, case facts, the studio API dispatcher) and
 * its options. A schema is compiled once, on first use; the built CLI hands in validators
 * compiled ahead of time (`precompiled-schemas.ts`, `npm run build` → dist/cli/validators.mjs, the
 * same options and formats), so it starts without compiling them.
 */
export const AJV_OPTIONS = { allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true } as const;

/** The string formats of case facts (ISO dates, months and Asia/Tokyo datetimes). */
export const AJV_FORMATS = {
  'iso-date': { type: 'string', validate: (s: string) => isIsoDate(s) },
  'iso-month': { type: 'string', validate: (s: string) => isIsoMonth(s) },
  'iso-datetime': { type: 'string', validate: (s: string) => parseDateTime(s) !== undefined },
} as const;

export const ajv = new Ajv(AJV_OPTIONS);
for (const [name, format] of Object.entries(AJV_FORMATS)) ajv.addFormat(name, format);

const compiled = new WeakMap<object, ValidateFunction>();

/** The validator of a schema object (compiled on first use, or handed in by `usePrecompiledValidators`). */
export const compileSchema = (schema: object): ValidateFunction => {
  let v = compiled.get(schema);
  if (!v) {
    v = ajv.compile(schema);
    compiled.set(schema, v);
  }
  return v;
};

/** Validators compiled ahead of time for these schemas (same names); unknown names are ignored. */
export const usePrecompiled = (schemas: Record<string, object>, fns: Record<string, unknown>): void => {
  for (const [name, schema] of Object.entries(schemas)) {
    const fn = fns[name];
    if (typeof fn === 'function' && !compiled.has(schema)) compiled.set(schema, fn as ValidateFunction);
  }
};
