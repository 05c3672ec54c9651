import type { ErrorObject } from 'ajv';
import { compileSchema } from './ajv.js';
import type { FieldError } from './errors.js';

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

export function validateFacts(schema: object, facts: unknown): FieldError[] {
  const v = compileSchema(schema);
  if (v(facts)) return [];
  return (v.errors ?? []).map((e) => {
    const path =
      e.keyword === 'required'
        ? `/facts${e.instancePath}/${String(e.params.missingProperty)}`
        : e.keyword === 'additionalProperties'
          ? `/facts${e.instancePath}/${String(e.params.additionalProperty)}`
          : `/facts${e.instancePath}`;
    return { path, message: message(e, pointerGet(facts, e.instancePath)), code: `FACT_${e.keyword.toUpperCase()}` };
  });
}
