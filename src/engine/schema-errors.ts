import type { ErrorObject } from 'ajv';
import { unescapePointer } from './errors.js';
import { MAX_YEN } from './money.js';

/**
 * The one function that turns an ajv error into the project's message (what is wrong, and what to
 * do where there is something to do), used by the engine's data loader (and through it the
 * release and scenario loaders), the facts validator and the studio API dispatcher. The caller
 * puts the message beside its JSON pointer (its own convention: the object, or the key itself).
 *
 * Two styles, each word for word what its readers (tests, case files) already hold:
 * - `data`: a data file, a release, a scenario or an API payload; keys are properties, and the
 *   message names what the schema wants (ajv's own words for the rest);
 * - `facts`: a case's facts; keys are facts of the decision, and the message also shows the
 *   value found (`got …`), since the reader wrote it by hand.
 */
export type SchemaErrorStyle = 'data' | 'facts';

const FORMAT_HELP: Record<string, string> = {
  'iso-date': 'a calendar date YYYY-MM-DD',
  'iso-month': 'a month YYYY-MM',
  'iso-datetime': 'an ISO 8601 datetime such as 2025-03-10T09:00 (Asia/Tokyo when no offset is written)',
};

const typeName = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

const dataMessage = (e: ErrorObject): string => {
  switch (e.keyword) {
    case 'additionalProperties':
      return `unknown property "${String(e.params.additionalProperty)}": remove it or fix its spelling`;
    case 'required':
      return `missing required property "${String(e.params.missingProperty)}"`;
    case 'enum':
      return `must be one of ${JSON.stringify(e.params.allowedValues)}`;
    case 'oneOf':
      return 'matches none of the allowed shapes';
    default:
      return e.message ?? 'is invalid';
  }
};

/** JSON reads 1e309 and beyond as ±Infinity, which JSON.stringify would show as null. */
const tooLargeToHold = (v: unknown): boolean => typeof v === 'number' && !Number.isFinite(v) && !Number.isNaN(v);

/** A whole number past 2^53 is not the one written (JSON.parse rounds it): said, so "got …992" for …993 is no puzzle. */
const roundedNote = (v: unknown): string =>
  typeof v === 'number' && Number.isInteger(v) && !Number.isSafeInteger(v) && Math.abs(v) < 1e21
    ? ` (as read: a JSON number past ${Number.MAX_SAFE_INTEGER.toLocaleString('en-US')} loses its last digits)`
    : '';

const factsMessage = (e: ErrorObject, value: unknown, keys?: readonly string[]): string => {
  if (tooLargeToHold(value))
    return `must be ${e.keyword === 'type' ? String(e.params.type) : 'a number'}, got a number too large to hold (JSON reads 1e309 and beyond as Infinity); write the number in digits, at most ${MAX_YEN.toLocaleString('en-US')} for an amount in yen`;
  switch (e.keyword) {
    case 'type':
      // null names itself once ("got null", not "got null null").
      // A union type ("string,number") is said as words: "string or number".
      return `must be ${String(e.params.type).split(',').join(' or ')}, got ${value === null ? 'null' : `${typeName(value)} ${JSON.stringify(value)}`}`;
    case 'required':
      return `missing required fact "${String(e.params.missingProperty)}"`;
    case 'additionalProperties':
      // A key inside a fact's entry (an option's {code, from}, a bill) is no fact of the decision: said as a key of that entry.
      return e.instancePath === ''
        ? `unknown fact "${String(e.params.additionalProperty)}" for this decision: remove it or check its spelling`
        : `unknown key "${String(e.params.additionalProperty)}" in /facts${e.instancePath}${keys?.length ? ` (its keys: ${keys.join(', ')})` : ''}: remove it or check its spelling`;
    case 'format':
      return `must be ${FORMAT_HELP[String(e.params.format)] ?? e.params.format}, got ${JSON.stringify(value)}`;
    case 'enum':
      return `must be one of ${(e.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}, got ${JSON.stringify(value)}`;
    case 'minimum':
      return `must be ${String(e.params.limit)} or more, got ${JSON.stringify(value)}`;
    case 'maximum':
      return `must be at most ${Number(e.params.limit).toLocaleString('en-US')}${Number(e.params.limit) === MAX_YEN ? ' yen (the largest amount the engine accepts)' : ''}, got ${JSON.stringify(value)}${roundedNote(value)}`;
    case 'uniqueItems':
      return 'must not list the same item twice';
    case 'minLength':
      return Number(e.params.limit) === 1
        ? 'must not be empty; write a value or leave the fact out where it is optional'
        : `must be at least ${String(e.params.limit)} characters, got ${JSON.stringify(value)}`;
    default:
      return e.message ?? 'is invalid';
  }
};

/**
 * The message of one ajv error; `value` is the value at the error's instancePath (the `facts` style
 * shows it); `keys`, for an unknown key inside a fact's entry, the keys that entry takes.
 */
export const schemaErrorMessage = (e: ErrorObject, style: SchemaErrorStyle, value?: unknown, keys?: readonly string[]): string =>
  style === 'facts' ? factsMessage(e, value, keys) : dataMessage(e);

/** The keys the schema node holding an `additionalProperties` error allows (its `properties`), from the error's schema path. */
export const allowedKeysAt = (root: object, schemaPath: string): string[] => {
  const node = schemaPath
    .split('/')
    .slice(1, -1)
    .map(unescapePointer)
    .reduce<unknown>((acc, key) => (acc && typeof acc === 'object' ? (acc as Record<string, unknown>)[key] : undefined), root);
  const properties = node && typeof node === 'object' ? (node as { properties?: unknown }).properties : undefined;
  return properties && typeof properties === 'object' ? Object.keys(properties) : [];
};

/** The value at a JSON pointer (RFC 6901) inside `root`, or undefined. */
export const valueAtPointer = (root: unknown, pointer: string): unknown =>
  pointer
    .split('/')
    .slice(1)
    .map(unescapePointer)
    .reduce<unknown>((acc, key) => (acc && typeof acc === 'object' ? (acc as Record<string, unknown>)[key] : undefined), root);
