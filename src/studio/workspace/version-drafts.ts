import { isIsoDate } from '../../engine/dates.js';
import { StudioError } from '../../tariff-model/studio-error.js';
import { nowIso, type Workspace } from './workspace.js';

/**
 * What a draft is in the database, the same for rule and tariff versions: a row of its table
 * (`rule_versions` or `tariff_versions`) with its data and meta as JSON. The stores call these
 * inside their own transaction, with their own checks, messages and audit entry.
 */
export type VersionTable = 'rule_versions' | 'tariff_versions';

/** Refuses an effective date that is not a calendar date. */
export function checkDraftDate(effective: string): void {
  if (!isIsoDate(effective)) throw new StudioError('BAD_DATE', `"${effective}" is not a calendar date`, [], 'Give the effective date as YYYY-MM-DD.');
}

/** Inserts a new draft based on `basedOn`, created by the workspace's actor; returns its id. */
export function insertDraft(ws: Workspace, table: VersionTable, draft: { effective: string; basedOn: number; title: string; data: unknown; meta: unknown }): number {
  const now = nowIso();
  const info = ws.db
    .prepare(`INSERT INTO ${table} (effective, status, based_on, title, data, meta, created_at, created_by, updated_at) VALUES (?, 'draft', ?, ?, ?, ?, ?, ?, ?)`)
    .run(draft.effective, draft.basedOn, draft.title, JSON.stringify(draft.data), JSON.stringify(draft.meta), now, ws.actor, now);
  return Number(info.lastInsertRowid);
}

/** Writes a draft's new data and counts a revision. */
export function updateDraftData(ws: Workspace, table: VersionTable, id: number, data: unknown): void {
  ws.db.prepare(`UPDATE ${table} SET data = ?, revision = revision + 1, updated_at = ? WHERE id = ?`).run(JSON.stringify(data), nowIso(), id);
}

/** Deletes a draft unless a version that is no longer a draft is based on it; drafts started from it then count from its own base. */
export function deleteDraft(ws: Workspace, table: VersionTable, draft: { id: number; effective: string; basedOn: number | null }): void {
  const kept = ws.db.prepare(`SELECT count(*) AS n FROM ${table} WHERE based_on = ? AND status <> 'draft'`).get(draft.id) as { n: number };
  if (kept.n > 0) throw new StudioError('VERSION_IN_USE', `draft ${draft.effective} is the base of a version that is no longer a draft; it cannot be discarded`);
  ws.db.prepare(`UPDATE ${table} SET based_on = ? WHERE based_on = ?`).run(draft.basedOn, draft.id);
  ws.db.prepare(`DELETE FROM ${table} WHERE id = ?`).run(draft.id);
}
