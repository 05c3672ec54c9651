import { usePrecompiled } from './ajv.js';
import { DECISION_DEFS } from './decide.js';
import { DECISIONS } from './rule-types.js';
import { coursesFileSchema, initialFeesFileSchema, interpretationsFileSchema, optionsFileSchema, policiesFileSchema, ruleFileSchema, versionIndexSchema } from './schemas.js';

/**
 * The schemas `npm run build` compiles ahead of time (ajv standalone code → dist/cli/validators.mjs),
 * by name: the data files' and each decision's facts. The built CLI hands the compiled validators
 * back with `usePrecompiledValidators`; anything else is compiled on first use as before.
 */
export const PRECOMPILED_SCHEMAS: Record<string, object> = {
  coursesFileSchema,
  initialFeesFileSchema,
  optionsFileSchema,
  policiesFileSchema,
  versionIndexSchema,
  ruleFileSchema,
  interpretationsFileSchema,
  ...Object.fromEntries(DECISIONS.map((d) => [`facts_${d}`, DECISION_DEFS[d].factsSchema])),
};

export const usePrecompiledValidators = (fns: Record<string, unknown>): void => usePrecompiled(PRECOMPILED_SCHEMAS, fns);
