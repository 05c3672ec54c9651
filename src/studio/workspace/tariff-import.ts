import type { TariffVersion } from '../../engine/tariff-types.js';
import { tariffFingerprint } from '../../io/tariff-fingerprint.js';
import { readTariffWorkbook, type WorkbookRead } from '../../io/tariff-workbook-import.js';
import type { WorkbookAbout } from '../../io/tariff-workbook-layout.js';
import type { Issue } from '../../tariff-model/issue.js';
import { StudioError } from '../../tariff-model/studio-error.js';
import { describeChange, diffTariff, type TariffChange } from '../../tariff-model/tariff-diff.js';
import { createTariffDraft, findTariffByDate, getTariffVersion, suggestDraftDate, type StoredTariffVersion } from './tariff-store.js';
import { editedSince, overwritesOf } from './draft-import.js';
import type { Workspace } from './workspace.js';

/**
 * Importing an edited workbook into a workspace, shared by the studio and `tariff tariffs
 * import`: read it against the version it was exported from, list every change cell by cell,
 * and only then (and only with no error standing) create a new draft from it.
 */
export type ImportReading = {
  read: WorkbookRead;
  base: StoredTariffVersion | null;
  changes: TariffChange[];
  /** Indexes into `changes` of those that undo an edit saved in the base after the export (WORKBOOK_BASE_CHANGED), as an import into a draft marks them. */
  overwrites: number[];
  suggestedEffective: string;
};

/** The version a workbook was exported from: its id when it still has the same date, else the version of that date. */
function baseOf(ws: Workspace, about: Partial<WorkbookAbout>): StoredTariffVersion | Issue {
  let byId: StoredTariffVersion | undefined;
  if (about.versionId !== null && about.versionId !== undefined && Number.isInteger(about.versionId)) {
    try {
      byId = getTariffVersion(ws, about.versionId);
      if (byId.effective === about.effective) return byId;
    } catch {
      // Not in this workspace: fall back to the date.
    }
  }
  const byDate = about.effective ? findTariffByDate(ws, about.effective) : undefined;
  if (byDate) return byDate;
  // The id is a version here with the content exported (the fingerprint leaves the date out), dated otherwise: the about
  // sheet's date was rewritten (to the new draft's date, say). An id of another workspace's version has other content.
  if (byId && about.effective && about.fingerprint && about.fingerprint === tariffFingerprint(byId.version))
    return {
      severity: 'error',
      code: 'WORKBOOK_BASE_UNKNOWN',
      sheet: 'about',
      value: about.effective,
      expected: byId.effective,
      message: `the about sheet names tariff version #${byId.id}, which takes effect on ${byId.effective} in this workspace, but its 施行日 says ${about.effective}, a date no version has; put back ${byId.effective} (the about sheet names the version exported from: choose the new draft's date when you import) and import again.`,
    };
  return {
    severity: 'error',
    code: 'WORKBOOK_BASE_UNKNOWN',
    sheet: 'about',
    value: about.effective ?? '',
    message: `the workbook was exported from tariff version ${about.effective || '(no date)'}, which is not in this workspace; export the version you want to change from this workspace and edit that file.`,
  };
}

/**
 * The version the workbook was exported from, changed since (its content is not the one the about
 * sheet's fingerprint names): every cell changed after the export and not in the workbook shows as a
 * change back to the workbook's value, which a preview read quickly takes for the user's own edit.
 * A warning (the import may be meant); nothing for a workbook without a fingerprint or revision.
 */
function changedSinceExport(base: StoredTariffVersion, about: Partial<WorkbookAbout>): Issue | undefined {
  if (about.versionId !== base.id || !about.fingerprint || about.revision === null || about.revision === undefined) return undefined;
  if (tariffFingerprint(base.version) === about.fingerprint) return undefined;
  return {
    severity: 'warning',
    code: 'WORKBOOK_BASE_CHANGED',
    sheet: 'about',
    value: `${about.revision} → ${base.revision}`,
    message: `the workbook was exported from tariff ${base.effective} (#${base.id}) at revision ${about.revision}; it has changed since (revision ${base.revision}, ${base.status}). A cell changed after the export and not in the workbook shows below as a change back to the workbook's value: check each change, or export the version again and make your edits on it.`,
  };
}

export async function readWorkbookForImport(ws: Workspace, data: Uint8Array, fileName: string, today: string): Promise<ImportReading> {
  let base: StoredTariffVersion | null = null;
  const read = await readTariffWorkbook(data, fileName, (about): TariffVersion | Issue => {
    const b = baseOf(ws, about);
    if ('code' in b && !('version' in b)) return b;
    base = b as StoredTariffVersion;
    return base.version;
  });
  const found = base as StoredTariffVersion | null;
  const changedSince = found ? changedSinceExport(found, read.about) : undefined;
  if (changedSince) read.issues.push(changedSince);
  // The preview names the base even while errors stand; only a clean read has changes.
  const changes = found && read.version ? diffTariff(found.version, read.version) : [];
  // The base's saves since the revision exported name the cells that a change back would undo.
  const overwrites = changedSince && found && typeof read.about.revision === 'number' ? overwritesOf(changes, editedSince(ws, found, read.about.revision)) : [];
  const suggestedEffective = found?.status === 'draft' ? found.effective : suggestDraftDate(ws, today);
  return { read, base: found, changes, overwrites, suggestedEffective };
}

export const importErrors = (r: ImportReading): Issue[] => r.read.issues.filter((i) => i.severity === 'error');

/** Creates the new draft; refuses (changing nothing) while any error stands. */
export async function applyWorkbookImport(
  ws: Workspace,
  data: Uint8Array,
  fileName: string,
  opts: { effective: string; title: string; today: string },
): Promise<{ draft: StoredTariffVersion; changes: TariffChange[]; reading: ImportReading }> {
  const reading = await readWorkbookForImport(ws, data, fileName, opts.today);
  const errors = importErrors(reading);
  if (errors.length || !reading.read.version || !reading.base)
    throw new StudioError(
      'IMPORT_INVALID',
      `${fileName}: ${errors.length} problem(s) must be fixed before it can be imported; nothing was changed. First: ${errors[0]?.message ?? 'no version could be read'}`,
      reading.read.issues,
      'Fix the cells listed, save the workbook and import it again.',
    );
  const draft = createTariffDraft(ws, {
    from: reading.base.id,
    effective: opts.effective,
    title: opts.title,
    data: reading.read.version,
    audit: { action: 'tariff.draft.imported', detail: { file: fileName, changes: reading.changes.map(describeChange) } },
  });
  return { draft, changes: reading.changes, reading };
}
