import { createHash } from 'node:crypto';
import { canonical } from '../engine/review/version-diff.js';
import type { TariffVersion } from '../engine/tariff-types.js';

/**
 * The fingerprint of a tariff version's content: a SHA-256 of its tables (courses, options,
 * initial fees, settlement policies, minimum periods, 附則 existingContracts) in canonical JSON,
 * without its date and status. An export writes it into the workbook's about sheet; an import
 * into a draft compares it with the draft as it is now, so edits made after the export are never
 * overwritten unseen. Two versions with the same tables have the same fingerprint.
 */
export const FINGERPRINT_PREFIX = 'sha256:';

export function tariffFingerprint(version: TariffVersion): string {
  const { effective: _e, status: _s, ...content } = version;
  return (
    FINGERPRINT_PREFIX +
    createHash('sha256')
      .update(JSON.stringify(canonical(content)))
      .digest('hex')
      .slice(0, 32)
  );
}
