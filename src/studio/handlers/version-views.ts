import type { VersionDetail, VersionSummary } from '../api/contract.js';
import { diffTariff } from '../../tariff-model/tariff-diff.js';
import { getTariffVersion, type TariffVersionRecord } from '../workspace/tariff-store.js';
import type { Workspace } from '../workspace/workspace.js';
import { lastChange } from '../workspace/stale-save.js';

/** How versions (tariff or rule) travel to the renderer: a summary, or the whole version with its changes from its base. */
export const summaryOf = (r: Pick<TariffVersionRecord, keyof VersionSummary>): VersionSummary => ({
  id: r.id,
  effective: r.effective,
  status: r.status,
  basedOn: r.basedOn,
  title: r.title,
  revision: r.revision,
  createdBy: r.createdBy,
  updatedAt: r.updatedAt,
  changesRequested: r.changesRequested,
});

export function detailOf(ws: Workspace, id: number): VersionDetail {
  const v = getTariffVersion(ws, id);
  const base = v.basedOn !== null ? getTariffVersion(ws, v.basedOn) : null;
  return {
    summary: summaryOf(v),
    base: base ? summaryOf(base) : null,
    version: v.version,
    changes: base ? diffTariff(base.version, v.version) : [],
    changedBy: lastChange(ws, `tariff:${id}`)?.actor ?? null,
  };
}
