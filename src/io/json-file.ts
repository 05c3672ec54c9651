import { readFileSync, statSync } from 'node:fs';
import { DataLoadError } from '../engine/errors.js';
import { fileProblem } from './file-problem.js';
import { jsonErrorOffset } from './json-locate.js';

/** Position of a JSON syntax error as line:column, from V8's "at position N" or "(line L column C)". */
export const jsonErrorLocation = (text: string, err: unknown): string => {
  const msg = err instanceof Error ? err.message : String(err);
  const lc = /line (\d+) column (\d+)/.exec(msg);
  if (lc) return `line ${lc[1]}, column ${lc[2]}`;
  const pos = /position (\d+)/.exec(msg);
  const offset = pos ? Number(pos[1]) : (jsonErrorOffset(text) ?? text.length);
  return lineColumn(text, offset);
};

const lineColumn = (text: string, offset: number): string => {
  const upto = text.slice(0, offset);
  return `line ${upto.split('\n').length}, column ${offset - upto.lastIndexOf('\n')}`;
};

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The offset of the first byte that does not begin a well-formed UTF-8 sequence (RFC 3629: no
 * overlong forms, no surrogates, nothing above U+10FFFF), or of a sequence cut short.
 */
export const firstInvalidUtf8 = (b: Uint8Array): number => {
  const cont = (k: number, lo = 0x80, hi = 0xbf): boolean => k < b.length && b[k]! >= lo && b[k]! <= hi;
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    if (c < 0x80) i += 1;
    else if (c >= 0xc2 && c <= 0xdf && cont(i + 1)) i += 2;
    else if (c === 0xe0 && cont(i + 1, 0xa0) && cont(i + 2)) i += 3;
    else if (((c >= 0xe1 && c <= 0xec) || c === 0xee || c === 0xef) && cont(i + 1) && cont(i + 2)) i += 3;
    else if (c === 0xed && cont(i + 1, 0x80, 0x9f) && cont(i + 2)) i += 3;
    else if (c === 0xf0 && cont(i + 1, 0x90) && cont(i + 2) && cont(i + 3)) i += 4;
    else if (c >= 0xf1 && c <= 0xf3 && cont(i + 1) && cont(i + 2) && cont(i + 3)) i += 4;
    else if (c === 0xf4 && cont(i + 1, 0x80, 0x8f) && cont(i + 2) && cont(i + 3)) i += 4;
    else return i;
  }
  return i;
};

/**
 * UTF-16 or UTF-32 by its byte order mark, or (none written) by where its NUL bytes fall around the
 * first two characters, which in JSON are ASCII (RFC 4627 §3): UTF-8 reads NUL bytes as text, so
 * such a file was called a syntax error at line 1, column 2.
 */
const otherUnicode = (b: Uint8Array): string | undefined => {
  const z = (i: number): boolean => i < b.length && b[i] === 0;
  const nz = (i: number): boolean => i < b.length && b[i] !== 0;
  if (b[0] === 0xff && b[1] === 0xfe && z(2) && z(3)) return 'UTF-32';
  if (z(0) && z(1) && b[2] === 0xfe && b[3] === 0xff) return 'UTF-32';
  if ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff)) return 'UTF-16';
  if (z(0) && z(1) && z(2) && nz(3)) return 'UTF-32BE';
  if (nz(0) && z(1) && z(2) && z(3)) return 'UTF-32LE';
  if (z(0) && nz(1) && z(2) && nz(3)) return 'UTF-16BE';
  if (nz(0) && z(1) && nz(2) && z(3)) return 'UTF-16LE';
  return undefined;
};

/**
 * Decodes a JSON file's bytes as UTF-8 (RFC 8259 §8.1), dropping a leading byte order mark. Text in
 * another encoding (Shift_JIS, UTF-16, Latin-1) is refused with the place of the first byte that
 * is not UTF-8, never read as replacement characters that then fail as an unknown course.
 */
const decodeUtf8 = (path: string, bytes: Buffer): string => {
  const refuse = (message: string): never => {
    throw new DataLoadError('FILE_ENCODING', [{ file: path, pointer: '', message, code: 'FILE_ENCODING' }]);
  };
  const other = otherUnicode(bytes);
  if (other)
    refuse(
      `is ${other} text (${other === 'UTF-16' || other === 'UTF-32' ? 'it starts with its byte order mark' : 'a JSON text in it starts with NUL bytes around its first characters'}); JSON files must be UTF-8. Save it as UTF-8 and run again.`,
    );
  try {
    const text = UTF8.decode(bytes);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
    const end = firstInvalidUtf8(bytes);
    // Line and column of that byte: lines counted in bytes, the column in characters of its line.
    let lineStart = end === 0 ? 0 : bytes.lastIndexOf(0x0a, end - 1) + 1;
    let line = 1;
    for (let k = bytes.indexOf(0x0a); k !== -1 && k < end; k = bytes.indexOf(0x0a, k + 1)) line += 1;
    if (line === 1 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) lineStart = 3;
    const at = `line ${line}, column ${bytes.subarray(lineStart, end).toString('utf8').length + 1}`;
    // A character begun at the very end and never finished: the file was cut short (a copy or a
    // download that stopped), which no other encoding would explain.
    const lead = bytes[end]!;
    const size = lead >= 0xf0 && lead <= 0xf4 ? 4 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xc2 && lead <= 0xdf ? 2 : 0;
    const rest = bytes.length - end;
    if (size > rest && bytes.subarray(end + 1).every((b) => b >= 0x80 && b <= 0xbf))
      return refuse(
        `ends inside a UTF-8 character (its last ${rest} byte${rest === 1 ? '' : 's'}, from ${at}, begin a ${size}-byte character): the file was cut off. Restore it from version control or a backup.`,
      );
    return refuse(
      `is not UTF-8 text: byte 0x${bytes[end]!.toString(16).toUpperCase().padStart(2, '0')} at ${at} (byte ${end}) is not valid UTF-8 (Shift_JIS or another encoding?). Save the file as UTF-8 and run again.`,
    );
  }
};

/**
 * What to do about the slips people make writing JSON by hand, read off the character where the
 * parser stopped (`line L, column C`, 1-based): a comment, single quotes, a trailing comma, a cut-off
 * file. Anything else gets the general advice.
 */
export const jsonSyntaxAdvice = (text: string, location: string, code = 'JSON_SYNTAX', emptyAdvice?: string): string => {
  const m = /^line (\d+), column (\d+)$/.exec(location);
  if (text.trim() === '') return emptyAdvice ?? EMPTY_ADVICE[code] ?? EMPTY_CASE_FILE;
  if (!m) return GENERAL_ADVICE;
  const lines = text.split('\n');
  const before = lines.slice(0, Number(m[1]) - 1).join('\n');
  const offset = (before ? before.length + 1 : 0) + Number(m[2]) - 1;
  const ch = text[offset];
  if (offset >= text.trimEnd().length) return 'The text ends too early: a closing } or ] or " is missing, or the file was cut off.';
  if (ch === '/' && (text[offset + 1] === '/' || text[offset + 1] === '*')) return 'JSON has no comments: remove it (in a case file, a note can go in a "description" key).';
  if (ch === "'") return 'JSON strings and keys take double quotes ("), not single ones.';
  if ((ch === '}' || ch === ']') && /,\s*$/.test(text.slice(0, offset))) return `JSON allows no comma before ${ch}: remove the last comma.`;
  return GENERAL_ADVICE;
};

const GENERAL_ADVICE = 'Fix the syntax there (a JSON validator or editor shows it).';

/** What to do about an empty file, by the kind of file its reader expects (the code of its syntax error). */
const EMPTY_CASE_FILE = 'The file is empty: write a case ({ … }) or an array of cases in it.';
const EMPTY_ADVICE: Record<string, string> = {
  JSON_SYNTAX: EMPTY_CASE_FILE,
  RELEASE_JSON: 'The file is empty: build the release again (tariff release build --out FILE).',
  SCENARIO_JSON: 'The file is empty: write a scenario in it (docs/scenarios.md; scenarios/example.json is one).',
};

/** What to do about an empty file of rules/ or tariffs/ (a data file, not a case file). */
export const EMPTY_DATA_FILE = 'The file is empty: restore it from version control (git checkout -- FILE), or write the folders again from a workspace (tariff workspace export).';

/**
 * V8's message without its position (given as line and column) and without its quote of the text
 * (which may span lines; V8 writes "…"... around a long one). A control character it names (a NUL,
 * an ESC that a terminal would act on) is written as \uXXXX.
 */
const parserMessage = (e: unknown): string =>
  (e as Error).message
    .replace(/ in JSON at position \d+.*$/s, '')
    .replace(/^(Unexpected token .+?), (?:\.\.\.)?".*"(?:\.\.\.)? is not valid JSON$/s, '$1')
    // eslint-disable-next-line no-control-regex -- control characters are what is escaped here
    .replace(/[\u0000-\u001f\u007f-\u009f]/gu, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

const parseJsonText = (path: string, text: string, code: string, emptyAdvice?: string): unknown => {
  try {
    return JSON.parse(text);
  } catch (e) {
    const where = jsonErrorLocation(text, e);
    throw new DataLoadError(code, [
      { file: path, pointer: '', message: `not valid JSON at ${where}: ${parserMessage(e)}. ${jsonSyntaxAdvice(text, where, code, emptyAdvice)}`, code },
    ]);
  }
};

/**
 * The longest text V8 holds in one string (2^29 - 24 UTF-16 units): a larger file cannot be parsed
 * at all, so it is refused before it is read, with what to do instead of an out-of-memory crash.
 */
export const MAX_JSON_FILE_BYTES = 2 ** 29 - 24;

const tooLarge = (path: string, size: number): DataLoadError =>
  new DataLoadError('FILE_TOO_LARGE', [
    {
      file: path,
      pointer: '',
      message: `is ${(size / 2 ** 20).toFixed(0)} MB, more than the ${(MAX_JSON_FILE_BYTES / 2 ** 20).toFixed(0)} MB a JSON file can be read in; split it into several files in a folder (a folder is read as one suite)`,
      code: 'FILE_TOO_LARGE',
    },
  ]);

/** What names standard input in messages, when a command is given `-` for a file. */
export const STDIN_LABEL = '<stdin>';

/**
 * Reads and parses a JSON file (`-`: standard input); a read, encoding or syntax error names the file
 * and the position. `emptyAdvice`: what to do about an empty file, where the kind of file is not
 * told by `code` (EMPTY_DATA_FILE for rules/ and tariffs/).
 */
export function readJson(file: string, code = 'JSON_SYNTAX', emptyAdvice?: string): unknown {
  const path = file === '-' ? STDIN_LABEL : file;
  let bytes: Buffer;
  try {
    const st = file === '-' ? undefined : statSync(file);
    // A device never ends (/dev/zero would fill the heap): refused before it is opened. A pipe
    // (the shell's <(…)) is read, as standard input is.
    const device = st && (st.isCharacterDevice() ? 'a character device' : st.isBlockDevice() ? 'a block device' : st.isSocket() ? 'a socket' : undefined);
    if (device)
      throw new DataLoadError('FILE_NOT_REGULAR', [
        {
          file: path,
          pointer: '',
          message: `is ${device}, not a file: reading it would never end. ${emptyAdvice ? 'Put the file itself here (git checkout -- FILE).' : 'Give a case file.'}`,
          code: 'FILE_NOT_REGULAR',
        },
      ]);
    const size = st?.size ?? 0;
    if (size > MAX_JSON_FILE_BYTES) throw tooLarge(path, size);
    bytes = readFileSync(file === '-' ? 0 : file);
  } catch (e) {
    if (e instanceof DataLoadError) throw e;
    throw new DataLoadError('FILE_UNREADABLE', [{ file: path, pointer: '', message: fileProblem(e, { use: 'read' }), code: 'FILE_UNREADABLE' }]);
  }
  if (bytes.length > MAX_JSON_FILE_BYTES) throw tooLarge(path, bytes.length);
  return parseJsonText(path, decodeUtf8(path, bytes), code, emptyAdvice);
}
