import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root (where rules/ and tariffs/ live by default), whatever the working directory. */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DEFAULT_RULES = join(PROJECT_ROOT, 'rules');
export const DEFAULT_TARIFFS = join(PROJECT_ROOT, 'tariffs');

/** Today in Asia/Tokyo: the default asOf of a case (case-files.md). */
export const todayInTokyo = (): string => new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 10);

export class UsageError extends Error {
  override name = 'UsageError';
}
