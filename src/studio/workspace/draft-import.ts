import type { TariffVersion } from '../../engine/tariff-types.js';
import { tariffVersionErrors } from '../../engine/version-errors.js';
import { tariffFingerprint } from '../../io/tariff-fingerprint.js';
import { readTariffWorkbook, type WorkbookRead } from '../../io/tariff-workbook-import.js';
import type { WorkbookAbout } from '../../io/tariff-workbook-layout.js';
import { StudioError } from '../../tariff-model/studio-error.js';
import { auditSides, diffTariff, type AuditCell, type TariffChange } from '../../tariff-model/tariff-diff.js';
import { versionIssues } from '../../tariff-model/version-issues.js';
import { allTariffVersions, getTariffVersion, saveTariffDraft, TARIFF_SAVE_ACTIONS, type StoredTariffVersion } from './tariff-store.js';
import { EDIT_ONLY_DRAFTS, requireEditableDraft, requireStatus } from './version-drafts.js';
import type { Workspace } from './workspace.js';

/**
 * Importing an edited workbook into a draft that is already open, shared by the studio and
 * `tariff tariffs import --into-draft`: the workbook's tables are laid over the draft as it is
 * now (a sheet the workbook lacks keeps the draft's value), every change is listed against the
 * draft, and the apply is one save (one transaction, one audit entry, the draft's revision
 * checked). The workbook's about sheet names the version and the content (fingerprint) it was
 * exported from; when that is not the draft as it is now the reading is `stale` and the apply
 * needs `confirmStale`, so edits made after the export are never overwritten unseen.
 */
export type StaleReason = 'other-version' | 'draft-changed' | 'unverified' | 'unknown-origin';
export type StaleNote = { reason: StaleReason; message: string };

export type DraftImportReading = {
  read: WorkbookRead;
  draft: StoredTariffVersion;
  /** The version the about sheet names, when it is in this workspace. */
  origin: StoredTariffVersion | null;
  /** Every change from the draft as it is now to the draft with the workbook applied. */
  changes: TariffChange[];
  /**
   * Indexes into `changes` of those that undo an edit made in the draft after the export (the
   * draft differs there from the content exported). Known when the exported content is known:
   * the draft itself unchanged, or a version past draft (frozen, so its content then is its content now).
   */
  overwrites: number[];
  stale: StaleNote | null;
};

const isInt = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n);

function originOf(ws: Workspace, about: Partial<WorkbookAbout>): StoredTariffVersion | null {
  // A workbook exported from the folders (`tariff tariffs export` without --workspace) names a date and no
  // version id: it came from the version of that date whose content is exactly what was exported.
  if (!isInt(about.versionId))
    return about.effective && about.fingerprint
      ? (allTariffVersions(ws).find((v) => v.effective === about.effective && tariffFingerprint(v.version) === about.fingerprint) ?? null)
      : null;
  try {
    const v = getTariffVersion(ws, about.versionId);
    // An id from another workspace names another version: the date must agree too.
    return v.effective === about.effective ? v : null;
  } catch {
    return null;
  }
}

const label = (v: StoredTariffVersion): string => `tariff version ${v.effective} (#${v.id}, ${v.status}${v.title ? `, "${v.title}"` : ''})`;

/** Why the workbook is not the draft as it is now, or null when it is (same version, same content). */
function staleness(draft: StoredTariffVersion, origin: StoredTariffVersion | null, about: Partial<WorkbookAbout>): StaleNote | null {
  const now = tariffFingerprint(draft.version);
  if (!origin)
    return {
      reason: 'unknown-origin',
      message: `${
        isInt(about.versionId)
          ? `the workbook names tariff version ${about.effective || '(no date)'} #${about.versionId}, which is not in this workspace`
          : `the workbook names tariff version ${about.effective || '(no date)'} and no version id (it was not exported from this workspace), and no version of that date here has the content it was exported with`
      }; every change below replaces what ${label(draft)} holds now.`,
    };
  if (origin.id !== draft.id)
    return {
      reason: 'other-version',
      message: `the workbook was exported from ${label(origin)}, not from the open ${label(draft)}; every cell where the workbook differs, including cells changed in the draft, takes the workbook's value (where the studio can tell, those are marked as undoing the draft's own edits).`,
    };
  if (!about.fingerprint)
    return {
      reason: 'unverified',
      message: `the workbook has no content fingerprint (exported before fingerprints were written), so the studio cannot tell whether ${label(draft)} changed after the export; check every change below.`,
    };
  if (about.fingerprint !== now)
    return {
      reason: 'draft-changed',
      message: `${label(draft)} changed after the workbook was exported (revision ${isInt(about.revision) ? about.revision : '?'} then, ${draft.revision} now); applying it replaces those later edits with the workbook's values where they differ.`,
    };
  return null;
}

/** The content the workbook was exported from, when the studio can know it. */
function exportedContent(draft: StoredTariffVersion, origin: StoredTariffVersion | null, about: Partial<WorkbookAbout>): TariffVersion | null {
  if (!origin) return null;
  if (origin.id === draft.id) return about.fingerprint === tariffFingerprint(draft.version) ? draft.version : null;
  // A version past draft never changes again (in review it may be withdrawn and edited): its content is what was exported, if the fingerprint agrees.
  if (origin.status !== 'approved' && origin.status !== 'superseded') return null;
  return !about.fingerprint || about.fingerprint === tariffFingerprint(origin.version) ? origin.version : null;
}

/** A row or cell changed after an export: its table, key, column (null for a whole row) and how. */
type Edited = Pick<TariffChange, 'table' | 'key' | 'field' | 'kind'>;

/**
 * The rows and cells of a version saved after its revision `then`, read from the audit log: a
 * save of a draft counts one revision and records the cells it changed (TARIFF_SAVE_ACTIONS), so
 * the last `revision − then` saves of the version are those. Null when the log does not hold
 * that many (a revision the workbook names that the version never had): nothing can be marked.
 */
export function editedSince(ws: Workspace, v: StoredTariffVersion, then: number): Edited[] | null {
  const n = v.revision - then;
  if (!Number.isInteger(then) || n < 0) return null;
  if (n === 0) return [];
  const saves = ws.db
    .prepare(`SELECT after FROM audit_log WHERE target = ? AND action IN (${TARIFF_SAVE_ACTIONS.map(() => '?').join(', ')}) ORDER BY seq DESC LIMIT ?`)
    .all(`tariff:${v.id}`, ...TARIFF_SAVE_ACTIONS, n) as { after: string }[];
  if (saves.length < n) return null;
  return saves.flatMap((s) => {
    const cells = JSON.parse(s.after) as unknown;
    return Array.isArray(cells) ? (cells as AuditCell[]).map((c) => ({ table: c.table, key: c.key, field: c.field, kind: c.change ?? 'changed' })) : [];
  });
}

/**
 * The changes of an import that touch a row or cell changed after the export (`edited`): they
 * undo an edit the workbook does not have. One rule for both imports, into a draft and as a new draft.
 */
export function overwritesOf(changes: readonly TariffChange[], edited: readonly Edited[] | null): number[] {
  if (!edited) return [];
  const rows = new Set(edited.filter((c) => c.kind !== 'changed').map((c) => `${c.table}|${c.key}`));
  const cells = new Set(edited.filter((c) => c.kind === 'changed').map((c) => `${c.table}|${c.key}|${c.field}`));
  return changes.flatMap((c, i) => (rows.has(`${c.table}|${c.key}`) || cells.has(`${c.table}|${c.key}|${c.field}`) ? [i] : []));
}

/** What the draft changed after the export: against the exported content when it is known, else from the log of the draft's saves since the revision exported. */
function editedSinceExport(ws: Workspace, draft: StoredTariffVersion, origin: StoredTariffVersion | null, about: Partial<WorkbookAbout>): Edited[] | null {
  const exported = exportedContent(draft, origin, about);
  if (exported) return diffTariff(exported, draft.version);
  return origin?.id === draft.id && isInt(about.revision) ? editedSince(ws, draft, about.revision) : null;
}

/** Reads the workbook over the draft. Refuses (VERSION_NOT_DRAFT) a version in review or approved. */
export async function readWorkbookIntoDraft(ws: Workspace, data: Uint8Array, fileName: string, draftId: number): Promise<DraftImportReading> {
  const draft = getTariffVersion(ws, draftId);
  requireStatus('tariff', draft, 'draft', 'imported into', EDIT_ONLY_DRAFTS);
  const read = await readTariffWorkbook(data, fileName, () => draft.version);
  const readable = Object.keys(read.about).length > 0;
  const origin = readable ? originOf(ws, read.about) : null;
  const changes = read.version ? diffTariff(draft.version, read.version) : [];
  const stale = readable ? staleness(draft, origin, read.about) : null;
  const overwrites = stale ? overwritesOf(changes, editedSinceExport(ws, draft, origin, read.about)) : [];
  return { read, draft, origin, changes, overwrites, stale };
}

/**
 * Applies the workbook to the draft at `revision` in one save. Refuses, changing nothing:
 * VERSION_NOT_DRAFT (in review, approved), DRAFT_CONFLICT (saved since `revision`),
 * IMPORT_INVALID (any error in the workbook), IMPORT_STALE_UNCONFIRMED (stale without `confirmStale`).
 */
export async function applyWorkbookIntoDraft(
  ws: Workspace,
  data: Uint8Array,
  fileName: string,
  opts: { draftId: number; revision: number; confirmStale: boolean },
): Promise<{ draft: StoredTariffVersion; reading: DraftImportReading }> {
  const reading = await readWorkbookIntoDraft(ws, data, fileName, opts.draftId);
  requireEditableDraft(ws, 'tariff', reading.draft, opts.revision);
  const errors = reading.read.issues.filter((i) => i.severity === 'error');
  if (errors.length || !reading.read.version)
    throw new StudioError(
      'IMPORT_INVALID',
      `${fileName}: ${errors.length} problem(s) must be fixed before it can be imported; the draft was not changed. First: ${errors[0]?.message ?? 'no version could be read'}`,
      reading.read.issues,
      'Fix the cells listed, save the workbook and import it again.',
    );
  // Nothing would change: there is nothing to overwrite, stale or not.
  if (!reading.changes.length) return { draft: reading.draft, reading };
  if (reading.stale && !opts.confirmStale)
    throw new StudioError(
      'IMPORT_STALE_UNCONFIRMED',
      `${fileName} is not the draft as it is now: ${reading.stale.message} The draft was not changed.`,
      [],
      `Look at the preview (${reading.overwrites.length} of its ${reading.changes.length} change(s) are marked as undoing the draft's own edits), then confirm that the workbook's values should win (in the CLI: --confirm-stale), or export the draft again and redo the edits in that file.`,
    );
  const draft = saveTariffDraft(ws, {
    id: reading.draft.id,
    revision: opts.revision,
    version: reading.read.version,
    action: 'tariff.draft.imported-into',
    before: {
      file: fileName,
      exportedFrom: reading.origin ? { version: reading.origin.id, effective: reading.origin.effective, revision: reading.read.about.revision ?? null } : null,
      stale: reading.stale?.reason ?? null,
      cells: auditSides(reading.changes).before,
    },
    after: auditSides(reading.changes).after,
  });
  return { draft, reading };
}

/**
 * Undo or redo of an import into a draft: the draft's tables set back to what they were right
 * before it (or right after). One save, audited; the caller's content is validated like any
 * other (schema at the API, the engine's checks here).
 */
export function restoreDraftContent(ws: Workspace, args: { id: number; revision: number; version: TariffVersion; reason: 'undo' | 'redo' }): StoredTariffVersion {
  const cur = getTariffVersion(ws, args.id);
  requireEditableDraft(ws, 'tariff', cur, args.revision);
  const next: TariffVersion = { ...args.version, effective: cur.version.effective, status: cur.version.status };
  const issues = versionIssues(tariffVersionErrors(next));
  if (issues.length) throw new StudioError('EDIT_INVALID', `the content was refused: ${issues[0]?.message ?? ''}`, issues, 'Nothing was saved. Reload the draft.');
  const changes = diffTariff(cur.version, next);
  if (!changes.length) return cur;
  return saveTariffDraft(ws, {
    id: args.id,
    revision: args.revision,
    version: next,
    action: args.reason === 'undo' ? 'tariff.draft.import-undone' : 'tariff.draft.import-redone',
    ...auditSides(changes),
  });
}
