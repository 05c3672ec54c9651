import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { CaseInput } from '../engine/output-types.js';
import { DataLoadError } from '../engine/errors.js';
import { readJson } from './json-file.js';

export type CaseFile = { file: string; cases: CaseInput[]; single: boolean };

/** Expands paths to *.json files; a directory is read recursively, in name order. */
export function listCaseFiles(paths: string[]): string[] {
  const out: string[] = [];
  const walk = (p: string): void => {
    let st;
    try {
      st = statSync(p);
    } catch (e) {
      throw new DataLoadError('FILE_UNREADABLE', [{ file: p, pointer: '', message: `cannot read: ${(e as Error).message}. Check the path (a case file *.json or a folder of them).`, code: 'FILE_UNREADABLE' }]);
    }
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort()) {
        const child = join(p, name);
        if (statSync(child).isDirectory() || name.endsWith('.json')) walk(child);
      }
    } else out.push(p);
  };
  for (const p of paths) walk(p);
  return out;
}

const isObject = (v: unknown): boolean => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Reads one case file: a JSON object or an array of them. Throws DataLoadError when unreadable,
 * not JSON, or JSON of another shape (a number, a string, an array holding a non-object), so such
 * a file is an error of the whole run rather than a file of no cases.
 */
export function readCaseFile(file: string): CaseFile {
  const data = readJson(file);
  const shape = (pointer: string, got: unknown): DataLoadError =>
    new DataLoadError('CASE_FILE_SHAPE', [
      { file, pointer, message: `a case file holds one case (a JSON object) or an array of them; got ${got === null ? 'null' : Array.isArray(got) ? 'an array' : typeof got} here. Wrap each case in { }.`, code: 'CASE_FILE_SHAPE' },
    ]);
  if (Array.isArray(data)) {
    const bad = data.findIndex((c) => !isObject(c));
    if (bad >= 0) throw shape(`/${bad}`, data[bad]);
    return { file, cases: data as CaseInput[], single: false };
  }
  if (!isObject(data)) throw shape('', data);
  return { file, cases: [data as CaseInput], single: true };
}
