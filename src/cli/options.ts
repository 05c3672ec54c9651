import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root (where rules/ and tariffs/ live by default), whatever the working directory. */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DEFAULT_RULES = join(PROJECT_ROOT, 'rules');
export const DEFAULT_TARIFFS = join(PROJECT_ROOT, 'tariffs');

export class UsageError extends Error {
  override name = 'UsageError';
}
