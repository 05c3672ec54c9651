import { readFileSync } from 'node:fs';
import { DataLoadError } from '../engine/errors.js';
import { jsonErrorOffset } from './json-locate.js';

/** Position of a JSON syntax error as line:column, from V8's "at position N" or "(line L column C)". */
export const jsonErrorLocation = (text: string, err: unknown): string => {
  const msg = err instanceof Error ? err.message : String(err);
  const lc = /line (\d+) column (\d+)/.exec(msg);
  if (lc) return `line ${lc[1]}, column ${lc[2]}`;
  const pos = /position (\d+)/.exec(msg);
  const offset = pos ? Number(pos[1]) : (jsonErrorOffset(text) ?? text.length);
  const upto = text.slice(0, offset);
  const line = upto.split('\n').length;
  return `line ${line}, column ${offset - upto.lastIndexOf('\n')}`;
};

/** Reads and parses a JSON file; a read or syntax error names the file and the position. */
export function readJson(path: string, code = 'JSON_SYNTAX'): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new DataLoadError('FILE_UNREADABLE', [{ file: path, pointer: '', message: `cannot read: ${(e as Error).message}`, code: 'FILE_UNREADABLE' }]);
  }
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    const msg = (e as Error).message.replace(/ in JSON at position \d+.*$/s, '');
    throw new DataLoadError(code, [
      { file: path, pointer: '', message: `not valid JSON at ${jsonErrorLocation(text, e)}: ${msg}. Fix the syntax there (a JSON validator or editor shows it).`, code },
    ]);
  }
}
