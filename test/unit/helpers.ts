import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_RULES, DEFAULT_TARIFFS } from '../../src/cli/options.js';
import { loadRegistry } from '../../src/io/folder-store.js';

export const registry = loadRegistry(DEFAULT_RULES, DEFAULT_TARIFFS);
export const TODAY = '2025-06-01';

/** A scratch copy of rules/ and tariffs/ to break on purpose. */
export function scratchData(): { dir: string; rules: string; tariffs: string } {
  const dir = mkdtempSync(join(tmpdir(), 'tariff-data-'));
  cpSync(DEFAULT_RULES, join(dir, 'rules'), { recursive: true });
  cpSync(DEFAULT_TARIFFS, join(dir, 'tariffs'), { recursive: true });
  return { dir, rules: join(dir, 'rules'), tariffs: join(dir, 'tariffs') };
}
