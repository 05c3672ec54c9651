import type { CellValue } from './cell-value.js';
import { describeExpected, type ColumnDef } from './column-def.js';

/** The longest text a cell takes, typed in the grid or read from a workbook (the API refuses longer text too). */
export const MAX_CELL_TEXT = 10_000;

export type ParseResult = { ok: true; value: CellValue } | { ok: false; code: string; reason: string; expected: { en: string; ja: string } };

/**
 * Reads one cell typed in the grid, pasted from Excel or read from a workbook. Lenient about
 * presentation (full-width digits, "12,000円", "¥12,000", surrounding blanks in numbers and
 * codes), strict about meaning: a yen cell takes a whole number ≥ 0 and nothing else.
 * `raw` is a string (grid, paste) or what a spreadsheet cell holds (number, string, boolean, Date).
 */
export function parseCell(col: ColumnDef, raw: unknown): ParseResult {
  const fail = (code: string, reason: string): ParseResult => ({ ok: false, code, reason, expected: describeExpected(col) });
  if (raw instanceof Date) return fail('CELL_TYPE', 'is a date');
  if (typeof raw === 'boolean') return fail('CELL_TYPE', `is a TRUE/FALSE value`);
  if (raw !== null && raw !== undefined && typeof raw !== 'string' && typeof raw !== 'number') return fail('CELL_TYPE', 'is not a value a cell can hold');
  const isBlank = raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '');
  if (isBlank) return col.required ? fail('CELL_REQUIRED', 'is blank') : { ok: true, value: null };
  switch (col.kind) {
    case 'yen':
    case 'int': {
      // 12.000 or 1.234.567: dots where 12,000 has commas (a European way of writing thousands).
      // Read as decimals they would be 12 or not a number: a thousandfold slip, so refused.
      if (
        typeof raw === 'string' &&
        /^\d{1,3}(?:\.\d{3})+$/u.test(
          raw
            .normalize('NFKC')
            .trim()
            .replace(/^[¥\\]/u, '')
            .replace(/円$/u, ''),
        )
      )
        return fail(col.kind === 'yen' ? 'CELL_NOT_YEN' : 'CELL_NOT_INTEGER', 'uses "." where 12,000 uses ","; write the number with commas or without separators');
      const n = toNumber(raw as string | number, col.kind === 'yen');
      if (n === undefined) return fail(col.kind === 'yen' ? 'CELL_NOT_YEN' : 'CELL_NOT_INTEGER', 'is not a number');
      if (!Number.isInteger(n)) return fail(col.kind === 'yen' ? 'CELL_NOT_WHOLE_YEN' : 'CELL_NOT_INTEGER', 'has a fraction');
      if (n < (col.min ?? 0)) return fail(col.kind === 'yen' ? 'CELL_NEGATIVE' : 'CELL_TOO_SMALL', `is less than ${col.min ?? 0}`);
      if (!Number.isSafeInteger(n)) return fail('CELL_TOO_LARGE', 'is too large');
      return { ok: true, value: n };
    }
    case 'enum': {
      const v = matchValue(col.values ?? [], raw as string | number);
      return v === undefined ? fail('CELL_NOT_IN_LIST', 'is not one of the allowed values') : { ok: true, value: v };
    }
    case 'list': {
      const parts = String(raw)
        .normalize('NFKC')
        .split(/[\s,、;／/]+/u)
        .filter((p) => p !== '');
      const out: string[] = [];
      for (const p of parts) {
        const v = matchValue(col.values ?? [], p);
        if (v === undefined) return fail('CELL_NOT_IN_LIST', `has "${p}", which is not one of the allowed values`);
        if (!out.includes(String(v))) out.push(String(v));
      }
      return { ok: true, value: out };
    }
    case 'code': {
      const s = String(raw).normalize('NFKC').trim();
      return col.pattern && !col.pattern.test(s) ? fail('CELL_PATTERN', 'is not a valid code') : { ok: true, value: s };
    }
    case 'text': {
      // Text is kept exactly as typed: course names print as 別紙3表1 prints them.
      const text = String(raw);
      if (text.length > MAX_CELL_TEXT) return fail('CELL_TOO_LONG', `is ${text.length.toLocaleString('en-US')} characters long; at most ${MAX_CELL_TEXT.toLocaleString('en-US')}`);
      const hidden = invisibleCharacter(text);
      return hidden
        ? fail(
            'CELL_INVISIBLE_CHARACTER',
            `has an invisible character ${hidden.shown} at character ${hidden.at}; delete it or type a plain space (it would make the text look like another and match nothing)`,
          )
        : { ok: true, value: text };
    }
  }
}

/** Names of the invisible characters a paste from a web page or a document brings most often. */
const INVISIBLE_NAMES: Record<number, string> = {
  0x00a0: 'no-break space',
  0x200b: 'zero width space',
  0x200c: 'zero width non-joiner',
  0x200d: 'zero width joiner',
  0x200e: 'left-to-right mark',
  0x200f: 'right-to-left mark',
  0x202e: 'right-to-left override',
  0x2060: 'word joiner',
  0xfeff: 'byte order mark',
};

/**
 * The first character of `text` that prints as nothing or as a plain space but is not one: a
 * format character (zero-width spaces, direction marks and overrides, a byte order mark), a control
 * character other than a line break or a tab, or a space other than the ASCII and the ideographic
 * (全角) one. A course name holding one looks like the name it copies yet matches nothing.
 * `at` is 1-based, in characters.
 */
export function invisibleCharacter(text: string): { at: number; shown: string } | undefined {
  let at = 0;
  for (const ch of text) {
    at += 1;
    if (!/[\p{Cf}\p{Cc}\p{Zs}\p{Zl}\p{Zp}]/u.test(ch) || ch === ' ' || ch === '\u3000' || ch === '\n' || ch === '\r' || ch === '\t') continue;
    const cp = ch.codePointAt(0)!;
    const hex = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
    return { at, shown: INVISIBLE_NAMES[cp] ? `${hex} (${INVISIBLE_NAMES[cp]})` : hex };
  }
  return undefined;
}

const toNumber = (raw: string | number, yen: boolean): number | undefined => {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : undefined;
  let s = raw.normalize('NFKC').trim().replace(/[,\s]/gu, '');
  if (yen) s = s.replace(/^[¥\\]/u, '').replace(/円$/u, '');
  if (!/^-?\d+(\.\d+)?$/u.test(s)) return undefined;
  return Number(s);
};

const matchValue = (values: readonly (string | number)[], raw: string | number): string | number | undefined => {
  const s = String(raw).normalize('NFKC').trim();
  return values.find((v) => String(v) === s) ?? values.find((v) => String(v).toLowerCase() === s.toLowerCase());
};
