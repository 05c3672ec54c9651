import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { CaseInput } from '../engine/output-types.js';
import { readJson } from './json-file.js';

export type CaseFile = { file: string; cases: CaseInput[]; single: boolean };

/** Expands paths to *.json files; a directory is read recursively, in name order. */
export function listCaseFiles(paths: string[]): string[] {
  const out: string[] = [];
  const walk = (p: string): void => {
    const st = statSync(p);
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

/** Reads one case file: a JSON object or an array of them. Throws DataLoadError when unreadable. */
export function readCaseFile(file: string): CaseFile {
  const data = readJson(file);
  return Array.isArray(data) ? { file, cases: data as CaseInput[], single: false } : { file, cases: [data as CaseInput], single: true };
}
