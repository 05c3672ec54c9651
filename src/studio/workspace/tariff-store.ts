import type { RuleVersionStatus } from '../../engine/rule-types.js';
import type { TariffVersion } from '../../engine/tariff-types.js';
import { StudioError } from '../../tariff-model/studio-error.js';
import type { VersionSummary } from '../api/contract.js';
import { appendAudit } from './audit-log.js';
import { checkDraftDate, discardDraft, insertDraft, saveDraft, versionColumns, versionRecord, type VersionRow } from './version-drafts.js';
import type { TariffMeta } from './version-meta.js';
import type { Workspace } from './workspace.js';

/** Tariff versions and drafts of a workspace. Every write is one transaction with its audit entry. */
export type VersionStatus = RuleVersionStatus;

/** A tariff version as the list shows it: its summary (the studio API's VersionSummary) and when it was created. */
export type TariffVersionRecord = VersionSummary & { createdAt: string };

const COLUMNS = versionColumns('tariff_versions');

export type StoredTariffVersion = TariffVersionRecord & { version: TariffVersion; meta: TariffMeta };

type Row = VersionRow & { created_at: string };

const record = (r: Row): TariffVersionRecord => ({ ...versionRecord(r), createdAt: r.created_at });

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
/**
 * The audit actions of a save of a draft's tables: each counts one revision (updateDraftData) and
 * records, as its `after`, the cells it changed (auditSides), so the cells edited since a
 * revision can be read back from the log (editedSince, draft-import.ts).
 */
export const TARIFF_SAVE_ACTIONS = ['tariff.draft.edited', 'tariff.draft.rows', 'tariff.draft.imported-into', 'tariff.draft.import-undone', 'tariff.draft.import-redone'] as const;

export function saveTariffDraft(
  ws: Workspace,
  args: { id: number; revision: number; version: TariffVersion; action: (typeof TARIFF_SAVE_ACTIONS)[number]; before: unknown; after: unknown },
): StoredTariffVersion {
  const { effective: _e, status: _s, ...data } = args.version;
  return saveDraft(ws, 'tariff', (id) => getTariffVersion(ws, id), args, data);
}

/** Discards a draft; its review steps (submitted, withdrawn) go with it, the audit log keeps them. */
export function discardTariffDraft(ws: Workspace, id: number): void {
  discardDraft(
    ws,
    'tariff',
    (v) => getTariffVersion(ws, v),
    id,
    (cur) => ({ effective: cur.effective, title: cur.title, revision: cur.revision }),
  );
}
