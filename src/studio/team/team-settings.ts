import { StudioError } from '../../tariff-model/studio-error.js';
import { getSetting, setSetting } from '../workspace/settings.js';
import type { Workspace } from '../workspace/workspace.js';

/** How many approvals by users other than every editor a version needs (four-eyes); 1 unless set. */
const KEY = 'team.requiredApprovals';

export const requiredApprovals = (ws: Workspace): number => {
  const n = getSetting<number>(ws, KEY);
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 ? n : 1;
};

export function setRequiredApprovals(ws: Workspace, n: number): void {
  if (!Number.isInteger(n) || n < 1 || n > 10)
    throw new StudioError(
      'BAD_REQUIRED_APPROVALS',
      `required approvals must be a whole number from 1 to 10, got ${n}`,
      [],
      'Pass --required-approvals 1 (the default), 2 or more.',
    );
  setSetting(ws, KEY, n);
}
