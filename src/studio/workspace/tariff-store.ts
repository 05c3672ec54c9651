import type { RuleVersionStatus } from '../../engine/rule-types.js';
import type { TariffVersion } from '../../engine/tariff-types.js';
import { StudioError } from '../../tariff-model/studio-error.js';
import { appendAudit } from './audit-log.js';
import { checkDraftDate, deleteDraft, insertDraft, requireEditableDraft, requireStatus, updateDraftData } from './version-drafts.js';
import type { TariffMeta } from './version-meta.js';
import type { Workspace } from './workspace.js';

/** Tariff versions and drafts of a workspace. Every write is one transaction with its audit entry. */
export type VersionStatus = RuleVersionStatus;

export type TariffVersionRecord = {
  id: number;
  effective: string;
  status: VersionStatus;
  basedOn: number | null;
  title: string;
  revision: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  /** A draft whose last review step is a reviewer's request for changes (sent back, not yet submitted again). */
  changesRequested: boolean;
};

/**
 * The columns every read of a tariff version selects: the row and whether it is a draft a
 * reviewer sent back (its last review step is changes-requested), for the version list's badge.
 */
const COLUMNS = `tariff_versions.*, (status = 'draft' AND (SELECT step FROM tariff_reviews WHERE tariff_version = tariff_versions.id ORDER BY id DESC LIMIT 1) = 'changes-requested') AS changes_requested`;

export type StoredTariffVersion = TariffVersionRecord & { version: TariffVersion; meta: TariffMeta };

type Row = {
  id: number;
  effective: string;
  status: VersionStatus;
  based_on: number | null;
  title: string;
  data: string;
  meta: string;
  revision: number;
  created_at: string;
  created_by: string;
  updated_at: string;
  changes_requested: 0 | 1;
};

const record = (r: Row): TariffVersionRecord => ({
  id: r.id,
  effective: r.effective,
  status: r.status,
  basedOn: r.based_on,
  title: r.title,
  revision: r.revision,
  createdAt: r.created_at,
  createdBy: r.created_by,
  updatedAt: r.updated_at,
  changesRequested: r.changes_requested === 1,
});

/** The engine's view: a draft answers as a draft, everything else as approved (in force by date). */
export const engineStatus = (s: VersionStatus): TariffVersion['status'] => (s === 'draft' ? 'draft' : 'approved');

const stored = (r: Row): StoredTariffVersion => ({
  ...record(r),
  version: { effective: r.effective, status: engineStatus(r.status), ...(JSON.parse(r.data) as Omit<TariffVersion, 'effective' | 'status'>) },
  meta: JSON.parse(r.meta) as TariffMeta,
});

export function listTariffVersions(ws: Workspace): TariffVersionRecord[] {
  const rows = ws.db.prepare(`SELECT ${COLUMNS} FROM tariff_versions ORDER BY effective DESC, id DESC`).all() as Row[];
  return rows.map(record);
}

export function getTariffVersion(ws: Workspace, id: number): StoredTariffVersion {
  const row = ws.db.prepare(`SELECT ${COLUMNS} FROM tariff_versions WHERE id = ?`).get(id) as Row | undefined;
  if (!row) throw new StudioError('VERSION_NOT_FOUND', `tariff version ${id} is not in this workspace`, [], 'Reload the version list.');
  return stored(row);
}

export function allTariffVersions(ws: Workspace): StoredTariffVersion[] {
  return (ws.db.prepare(`SELECT ${COLUMNS} FROM tariff_versions ORDER BY effective, id`).all() as Row[]).map(stored);
}

/** The version a workbook or a command names by date: the approved one, else the newest draft of that date. */
export function findTariffByDate(ws: Workspace, effective: string): StoredTariffVersion | undefined {
  const row = ws.db.prepare(`SELECT ${COLUMNS} FROM tariff_versions WHERE effective = ? ORDER BY status = 'draft', id DESC LIMIT 1`).get(effective) as Row | undefined;
  return row ? stored(row) : undefined;
}

/** A date for a new draft: the day after the latest version takes effect, or today if later. */
export function suggestDraftDate(ws: Workspace, today: string): string {
  const row = ws.db.prepare("SELECT max(effective) AS d FROM tariff_versions WHERE status <> 'draft'").get() as { d: string | null };
  if (!row.d) return today;
  const next = new Date(`${row.d}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  const after = next.toISOString().slice(0, 10);
  return after > today ? after : today;
}

/** Starts a draft from any version: a copy of its data with its own effective date. */
export function createTariffDraft(
  ws: Workspace,
  args: { from: number; effective: string; title: string; data?: TariffVersion; audit?: { action: string; detail: unknown } },
): StoredTariffVersion {
  checkDraftDate(args.effective);
  return ws.db
    .transaction(() => {
      const base = getTariffVersion(ws, args.from);
      const { effective: _e, status: _s, ...data } = args.data ?? base.version;
      const meta: TariffMeta = { dir: args.effective, ...(base.meta.sources ? { sources: base.meta.sources } : {}) };
      const id = insertDraft(ws, 'tariff_versions', { effective: args.effective, basedOn: base.id, title: args.title, data, meta });
      appendAudit(ws, args.audit?.action ?? 'tariff.draft.created', `tariff:${id}`, {
        before: { version: base.id, effective: base.effective },
        after: { effective: args.effective, title: args.title, ...(args.audit ? { changes: args.audit.detail } : {}) },
      });
      return getTariffVersion(ws, id);
    })
    .immediate();
}

/**
 * Saves a draft's new data. `revision` is the one the caller edited: a save on top of a newer
 * revision (another window, the CLI) is refused rather than lost. The caller validates first.
 */
export function saveTariffDraft(
  ws: Workspace,
  args: { id: number; revision: number; version: TariffVersion; action: string; before: unknown; after: unknown },
): StoredTariffVersion {
  return ws.db
    .transaction(() => {
      const cur = getTariffVersion(ws, args.id);
      requireEditableDraft(ws, 'tariff', cur, args.revision);
      const { effective: _e, status: _s, ...data } = args.version;
      updateDraftData(ws, 'tariff_versions', args.id, data);
      appendAudit(ws, args.action, `tariff:${args.id}`, { before: args.before, after: args.after });
      return getTariffVersion(ws, args.id);
    })
    .immediate();
}

export function discardTariffDraft(ws: Workspace, id: number): void {
  ws.db
    .transaction(() => {
      const cur = getTariffVersion(ws, id);
      requireStatus('tariff', cur, 'draft', 'discarded', 'An approved version is kept for ever.');
      // Its review steps (submitted, withdrawn) go with it; the audit log keeps them.
      ws.db.prepare('DELETE FROM tariff_reviews WHERE tariff_version = ?').run(id);
      deleteDraft(ws, 'tariff_versions', cur);
      appendAudit(ws, 'tariff.draft.discarded', `tariff:${id}`, { before: { effective: cur.effective, title: cur.title, revision: cur.revision } });
    })
    .immediate();
}
