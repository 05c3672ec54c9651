import type { ErrorObject } from 'ajv';
import { compileSchema } from './ajv.js';
import { escapePointer, type FieldError } from './errors.js';
import { schemaErrorMessage, valueAtPointer } from './schema-errors.js';

/** Validates a case's facts against its decision's schema; errors point into the case (/facts/...). */

/**
 * A `oneOf` (a code or `{code, from}`) fails in every branch, so ajv reports each branch's errors
 * and the `oneOf` itself. Keep only what the value's shape selects: drop the branches that fail on
 * the value's own type (it is not that shape) and the generic `oneOf` error when a branch of the
 * right shape says what is wrong. When no branch has the value's shape, one error names the shapes.
 */
export function pruneOneOf(errors: readonly ErrorObject[]): ErrorObject[] {
  let kept = [...errors];
  for (const one of errors.filter((e) => e.keyword === 'oneOf')) {
    const prefix = `${one.schemaPath}/`;
    const branchOf = (e: ErrorObject): string | undefined => (e.schemaPath.startsWith(prefix) ? e.schemaPath.slice(prefix.length).split('/')[0] : undefined);
    const inside = kept.filter((e) => e !== one && branchOf(e) !== undefined);
    const wrongShape = new Set(inside.filter((e) => e.keyword === 'type' && e.instancePath === one.instancePath).map(branchOf));
    const rightShape = inside.filter((e) => !wrongShape.has(branchOf(e)));
    if (rightShape.length) kept = kept.filter((e) => e !== one && !(branchOf(e) !== undefined && wrongShape.has(branchOf(e))));
    else {
      const types = inside.filter((e) => e.keyword === 'type' && e.instancePath === one.instancePath).map((e) => String(e.params.type));
      kept = kept.filter((e) => branchOf(e) === undefined).map((e) => (e === one ? { ...e, keyword: 'type', params: { type: types.join(' or ') } } : e));
    }
  }
  return kept;
}

/** The answer of valid facts, one frozen empty list (not an array per call). */
const NO_ERRORS: readonly FieldError[] = Object.freeze([]);

export function validateFacts(schema: object, facts: unknown): readonly FieldError[] {
  const v = compileSchema(schema);
  if (v(facts)) return NO_ERRORS;
  return pruneOneOf(v.errors ?? []).map((e) => {
    const path =
      e.keyword === 'required'
        ? `/facts${e.instancePath}/${escapePointer(String(e.params.missingProperty))}`
        : e.keyword === 'additionalProperties'
          ? `/facts${e.instancePath}/${escapePointer(String(e.params.additionalProperty))}`
          : `/facts${e.instancePath}`;
    return { path, message: schemaErrorMessage(e, 'facts', valueAtPointer(facts, e.instancePath)), code: `FACT_${e.keyword.toUpperCase()}` };
  });
}
