import type { ErrorObject } from 'ajv';
import { compileSchema } from './ajv.js';
import { escapePointer, type FieldError } from './errors.js';
import { allowedKeysAt, schemaErrorMessage, valueAtPointer } from './schema-errors.js';

/** Validates a case's facts against its decision's schema; errors point into the case (/facts/...). */

/**
 * A `oneOf` (a code or `{code, from}`) fails in every branch, so ajv reports each branch's errors
 * and the `oneOf` itself. Keep only what the value's shape selects: drop the branches that fail on
 * the value's own type (it is not that shape) and the generic `oneOf` error when a branch of the
 * right shape says what is wrong. When no branch has the value's shape, one error names the shapes.
 *
 * Each `oneOf` error is judged by the errors of its own value (at its instance path or inside
 * it): every item of a list shares one schema path, so the schema path alone mixed the items
 * (a string option made a later `{code, from}` option's error vanish), and comparing every error
 * with every `oneOf` took quadratic time (20,000 options: minutes).
 */
export function pruneOneOf(errors: readonly ErrorObject[]): ErrorObject[] {
  const ones = errors.filter((e) => e.keyword === 'oneOf');
  if (!ones.length) return [...errors];
  const onesAt = new Map<string, ErrorObject[]>();
  for (const one of ones) onesAt.set(one.instancePath, [...(onesAt.get(one.instancePath) ?? []), one]);
  // Each error under each oneOf whose value holds its value (its own path or an ancestor's) and whose schema it is in.
  const inside = new Map<ErrorObject, ErrorObject[]>(ones.map((o) => [o, []]));
  for (const e of errors)
    for (let p = e.instancePath; ; p = p.slice(0, p.lastIndexOf('/'))) {
      for (const one of onesAt.get(p) ?? []) if (e !== one && e.schemaPath.startsWith(`${one.schemaPath}/`)) inside.get(one)!.push(e);
      if (p === '') break;
    }
  const dropped = new Set<ErrorObject>();
  const replaced = new Map<ErrorObject, ErrorObject>();
  const now = (e: ErrorObject): ErrorObject => replaced.get(e) ?? e;
  for (const one of ones) {
    const prefix = `${one.schemaPath}/`;
    const branchOf = (e: ErrorObject): string => e.schemaPath.slice(prefix.length).split('/')[0]!;
    const mine = inside.get(one)!.filter((e) => !dropped.has(e));
    const wrongShape = new Set(mine.filter((e) => now(e).keyword === 'type' && e.instancePath === one.instancePath).map(branchOf));
    const rightShape = mine.filter((e) => !wrongShape.has(branchOf(e)));
    if (rightShape.length) {
      dropped.add(one);
      for (const e of mine) if (wrongShape.has(branchOf(e))) dropped.add(e);
    } else {
      const types = mine.filter((e) => now(e).keyword === 'type' && e.instancePath === one.instancePath).map((e) => String(now(e).params.type));
      for (const e of mine) dropped.add(e);
      replaced.set(one, { ...now(one), keyword: 'type', params: { type: types.join(' or ') } });
    }
  }
  return errors.filter((e) => !dropped.has(e)).map(now);
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
    const keys = e.keyword === 'additionalProperties' && e.instancePath !== '' ? allowedKeysAt(schema, e.schemaPath) : undefined;
    return { path, message: schemaErrorMessage(e, 'facts', valueAtPointer(facts, e.instancePath), keys), code: `FACT_${e.keyword.toUpperCase()}` };
  });
}
