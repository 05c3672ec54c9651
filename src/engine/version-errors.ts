import { dataErrorsOf, type DataError } from './errors.js';
import type { TariffVersion } from './tariff-types.js';
import { tariffFilesOf, validateTariffVersion, type FileNames } from './validate-data.js';

const NAMES: FileNames = { courses: 'courses', initialFees: 'initialFees', options: 'options', policies: 'policies' };

/**
 * The engine's own checks of a whole tariff version held in memory (schemas, unique codes, every
 * reference resolves, model of its series), as data errors with JSON pointers into the version's
 * arrays (`/courses/3/model`). Empty when the version is sound. Uses ajv, so it runs where code
 * may be compiled (CLI, main process, server), not in the renderer; `src/tariff-model`'s
 * `versionIssues` turns the errors into issues at a table, row and column.
 */
export function tariffVersionErrors(v: TariffVersion): DataError[] {
  return dataErrorsOf(() => validateTariffVersion(v.effective, v.status, tariffFilesOf(v), NAMES));
}
