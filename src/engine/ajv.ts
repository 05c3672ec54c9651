import { Ajv, type ValidateFunction } from 'ajv';
import { isIsoDate, isIsoMonth, parseDateTime } from './dates.js';
import { coursesFileSchema, initialFeesFileSchema, interpretationsFileSchema, optionsFileSchema, policiesFileSchema, ruleFileSchema, versionIndexSchema } from './schemas.js';

/**
 * The one ajv instance of the project (engine data, case facts, the studio API dispatcher) and
 * its options. A schema is compiled once, on first use; the built CLI hands in validators
 * compiled ahead of time for the data schemas (`npm run build` → dist/cli/validators.mjs, the
 * same options), so it starts without compiling them.
 */
export const AJV_OPTIONS = { allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true } as const;

export const ajv = new Ajv(AJV_OPTIONS);
ajv.addFormat('iso-date', { type: 'string', validate: (s: string) => isIsoDate(s) });
ajv.addFormat('iso-month', { type: 'string', validate: (s: string) => isIsoMonth(s) });
ajv.addFormat('iso-datetime', { type: 'string', validate: (s: string) => parseDateTime(s) !== undefined });

/** The data schemas the build compiles ahead of time, by name. */
export const PRECOMPILED_SCHEMAS: Record<string, object> = { coursesFileSchema, initialFeesFileSchema, optionsFileSchema, policiesFileSchema, versionIndexSchema, ruleFileSchema, interpretationsFileSchema };

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

/** Validators compiled ahead of time, named as in PRECOMPILED_SCHEMAS; unknown names are ignored. */
export const usePrecompiledValidators = (fns: Record<string, unknown>): void => {
  for (const [name, schema] of Object.entries(PRECOMPILED_SCHEMAS)) {
    const fn = fns[name];
    if (typeof fn === 'function' && !compiled.has(schema)) compiled.set(schema, fn as ValidateFunction);
  }
};
