import type { DataError } from '../engine/errors.js';
import type { Issue } from './issue.js';
import type { TableId } from './table-id.js';
import { PRICED_SERIES } from './tariff-columns.js';
import { TABLES } from './tariff-tables.js';

/**
 * The engine's checks of a whole version (`tariffVersionErrors` in src/engine/version-errors.ts),
 * each turned into an issue at a table, row and column. Pure: the caller runs the engine's
 * checks where ajv may run (main process, server, CLI) and hands the errors in.
 */
const ARRAY_TABLE: Record<string, TableId> = { courses: 'courses', groups: 'initialFees', options: 'options', policies: 'policies', minimumPeriods: 'minimumPeriods' };

export const versionIssues = (errors: readonly DataError[]): Issue[] => errors.map(toIssue);

export function toIssue(e: DataError): Issue {
  const [arrayName, idx, ...rest] = e.pointer.split('/').slice(1);
  const table = arrayName === undefined ? undefined : ARRAY_TABLE[arrayName];
  if (!table || idx === undefined || !/^\d+$/u.test(idx)) return { severity: 'error', code: e.code, message: `${e.pointer || e.file}: ${e.message}` };
  const index = Number(idx);
  const field = fieldOf(table, rest);
  const def = TABLES[table];
  const col = def.columns.find((c) => c.key === field);
  // A duplicate names its first use by row, never by JSON pointer (the reader sees rows).
  const [alsoArray, alsoIdx] = (e.also ?? '').split('/').slice(1);
  const otherIndex = alsoArray === arrayName && alsoIdx !== undefined && /^\d+$/u.test(alsoIdx) ? Number(alsoIdx) : undefined;
  const text = e.code === 'DUPLICATE_NAME' && otherIndex !== undefined ? duplicateNameText(e.value ?? '', `row ${otherIndex + 1}`) : e.message;
  return {
    severity: 'error',
    code: e.code,
    table,
    index,
    ...(otherIndex !== undefined ? { otherIndex } : {}),
    ...(field ? { field, header: col?.ja } : {}),
    ...(e.value !== undefined ? { value: e.value } : {}),
    ...(e.code === 'DUPLICATE_NAME' ? { expected: 'a name no other course has', expectedJa: 'ほかのコースと重ならない名前' } : {}),
    message: `${def.en} row ${index + 1}${col ? `, ${col.en}` : ''}: ${text}`,
  };
}

/** What a name used twice says, with where the first use is ("row 4": the grid's row, or the sheet's). */
export const duplicateNameText = (name: string, first: string): string => `course "${name}" appears twice (also ${first}); keep one: delete this row or give it its own name`;

/** The column a JSON pointer below a row lands in (the option price lives in several columns). */
const fieldOf = (table: TableId, rest: string[]): string | undefined => {
  const [first, second, third] = rest;
  if (first === undefined) return undefined;
  if (table !== 'options') return first;
  if (first === 'price') {
    if (second === 'amount') return 'amount';
    if (second === 'amounts' && third !== undefined) return (PRICED_SERIES as readonly string[]).includes(third) ? `series${third}` : `term${third}`;
    return 'priceKind';
  }
  if (first === 'eligibility') return second === 'sim' ? 'eligibleSim' : 'eligibleSeries';
  return first;
};
