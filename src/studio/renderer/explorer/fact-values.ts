import type { FactField } from '../../api/contract.js';

/**
 * The explorer form's values turned into a case's facts. A list field takes codes separated by
 * commas or spaces; an entry `code@YYYY-MM` is `{code, from}` (case-files.md: monthlyCharge's
 * options, `from` the month the option was first taken), and a JSON array is taken as written
 * (codes and `{code, from}` mixed). Anything malformed goes to the engine as typed, which names
 * the fact and its JSON pointer in its error.
 */
export type FormValues = Record<string, string | boolean>;

/** JSON text as typed; text that is not JSON goes to the engine as is. */
export const parseJsonOr = (text: string): unknown => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
};

const ENTRY_FROM = /^([^@]+)@(.*)$/u;

export const listEntries = (text: string): unknown[] | unknown => {
  if (text.trim().startsWith('[')) return parseJsonOr(text);
  return text
    .split(/[,、\s]+/u)
    .filter(Boolean)
    .map((token) => {
      const m = ENTRY_FROM.exec(token);
      return m ? { code: m[1]!, from: m[2]! } : token;
    });
};

export const toFacts = (fields: FactField[], values: FormValues): Record<string, unknown> => {
  const facts: Record<string, unknown> = {};
  for (const f of fields) {
    const v = values[f.name];
    if (f.kind === 'boolean') {
      facts[f.name] = v === true;
      continue;
    }
    if (v === undefined || v === '') {
      if (f.kind === 'enum' && f.required && f.options.includes(null)) facts[f.name] = null;
      continue;
    }
    const text = String(v);
    if (f.kind === 'integer') facts[f.name] = /^-?\d+$/u.test(text.trim()) ? Number(text) : text;
    else if (f.kind === 'list') facts[f.name] = listEntries(text);
    else if (f.kind === 'json') facts[f.name] = parseJsonOr(text);
    else facts[f.name] = text;
  }
  return facts;
};
