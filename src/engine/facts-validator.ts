import type { ErrorObject } from 'ajv';
import { compileSchema } from './ajv.js';
import type { FieldError } from './errors.js';
import { MAX_YEN } from './money.js';

/** Validates a case's facts against its decision's schema; errors point into the case (/facts/...). */

const FORMAT_HELP: Record<string, string> = {
  'iso-date': 'a calendar date YYYY-MM-DD',
  'iso-month': 'a month YYYY-MM',
  'iso-datetime': 'an ISO 8601 datetime such as 2025-03-10T09:00 (Asia/Tokyo when no offset is written)',
};

const typeName = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

const message = (e: ErrorObject, data: unknown): string => {
  switch (e.keyword) {
    case 'type':
      return `must be ${String(e.params.type)}, got ${typeName(data)} ${JSON.stringify(data)}`;
    case 'required':
      return `missing required fact "${String(e.params.missingProperty)}"`;
    case 'additionalProperties':
      return `unknown fact "${String(e.params.additionalProperty)}" for this decision: remove it or check its spelling`;
    case 'format':
      return `must be ${FORMAT_HELP[String(e.params.format)] ?? e.params.format}, got ${JSON.stringify(data)}`;
    case 'enum':
      return `must be one of ${(e.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}, got ${JSON.stringify(data)}`;
    case 'minimum':
      return `must be ${String(e.params.limit)} or more, got ${JSON.stringify(data)}`;
    case 'maximum':
      return `must be at most ${Number(e.params.limit).toLocaleString('en-US')}${Number(e.params.limit) === MAX_YEN ? ' yen (the largest amount the engine accepts)' : ''}, got ${JSON.stringify(data)}`;
    case 'uniqueItems':
      return 'must not list the same item twice';
    default:
      return e.message ?? 'is invalid';
  }
};

const pointerGet = (root: unknown, pointer: string): unknown =>
  pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((acc, key) => (acc && typeof acc === 'object' ? (acc as Record<string, unknown>)[key] : undefined), root);

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
        ? `/facts${e.instancePath}/${String(e.params.missingProperty)}`
        : e.keyword === 'additionalProperties'
          ? `/facts${e.instancePath}/${String(e.params.additionalProperty)}`
          : `/facts${e.instancePath}`;
    return { path, message: message(e, pointerGet(facts, e.instancePath)), code: `FACT_${e.keyword.toUpperCase()}` };
  });
}
