import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/cli/options.js';

/** The CLI as a user runs it (it rebuilds its bundle when a file under src/ is newer). */
export const BIN = join(PROJECT_ROOT, 'bin', 'tariff.mjs');

/** Runs `node bin/tariff.mjs ARGS` as a user does (its own process; stdout, stderr and exit code apart). */
export const tariff = (args: string[], input?: string): { status: number | null; stdout: string; stderr: string } =>
  spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: tmpdir(), ...(input !== undefined ? { input } : {}) });

/** A scratch folder and a writer of files into it (JSON values are stringified; strings and bytes written as given). */
export const scratchFiles = (prefix: string): { dir: string; write: (name: string, data: unknown) => string } => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return {
    dir,
    write: (name, data) => {
      const p = join(dir, name);
      writeFileSync(p, typeof data === 'string' || Buffer.isBuffer(data) ? data : JSON.stringify(data));
      return p;
    },
  };
};

/** case-files.md's own example case. */
export const SPEC_EXAMPLE = {
  name: 'M2035N 3年 cancelled after 14 months',
  asOf: '2025-02-28',
  decision: 'settlement',
  facts: { course: 'どこでも“me”REC M2035N・3年コース・クラウド７・SN', startDate: '2024-01-01', endDate: '2025-02-28' },
  interpretations: { partialMonthFee: 'full-month' },
  expect: { amount: 14000 },
};
