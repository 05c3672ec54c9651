import { tariffVersionErrors } from '../../engine/version-errors.js';
import type { Handlers } from '../api/dispatcher.js';
import { StudioError } from '../../tariff-model/studio-error.js';
import { auditSides, diffTariff } from '../../tariff-model/tariff-diff.js';
import { applyCellEdits } from '../../tariff-model/tariff-edits.js';
import { versionIssues } from '../../tariff-model/version-issues.js';
import { applyRowOps } from '../../tariff-model/row-ops.js';
import { createTariffDraft, discardTariffDraft, getTariffVersion, listTariffVersions, saveTariffDraft } from '../workspace/tariff-store.js';
import { restoreDraftContent } from '../workspace/draft-import.js';
import { requireEditableDraft } from '../workspace/version-drafts.js';
import type { StudioContext } from './studio-context.js';
import { detailOf, summaryOf } from './version-views.js';

/** Versions, drafts and cell edits. An edit is all or nothing: one bad cell and nothing is saved. */
export const tariffHandlers = (ctx: StudioContext): Handlers['tariffs'] => ({
  list: () => ({ versions: listTariffVersions(ctx.ws).map(summaryOf) }),
  get: ({ id }) => detailOf(ctx.ws, id),
  createDraft: ({ from, effective, title }) => detailOf(ctx.ws, createTariffDraft(ctx.ws, { from, effective, title }).id),
  edit: ({ id, revision, edits }) => {
    const cur = getTariffVersion(ctx.ws, id);
    requireEditableDraft(ctx.ws, 'tariff', cur, revision);
    const applied = applyCellEdits(cur.version, edits);
    const issues = applied.version ? versionIssues(tariffVersionErrors(applied.version)) : applied.issues;
    if (!applied.version || issues.length)
      throw new StudioError(
        'EDIT_INVALID',
        `${issues.length === 1 ? 'the edit was' : `${issues.length} problems:`} refused: ${issues[0]?.message ?? ''}`,
        issues,
        'Nothing was saved. Correct the value and try again.',
      );
    const changes = diffTariff(cur.version, applied.version);
    if (!changes.length) return detailOf(ctx.ws, id);
    saveTariffDraft(ctx.ws, {
      id,
      revision,
      version: applied.version,
      action: 'tariff.draft.edited',
      ...auditSides(changes),
    });
    return detailOf(ctx.ws, id);
  },
  rowOps: ({ id, revision, ops }) => {
    const cur = getTariffVersion(ctx.ws, id);
    requireEditableDraft(ctx.ws, 'tariff', cur, revision);
    const applied = applyRowOps(cur.version, ops);
    const issues = applied.version ? versionIssues(tariffVersionErrors(applied.version)) : applied.issues;
    if (!applied.version || issues.length) {
      const inUse = issues.some((i) => i.code === 'ROW_IN_USE');
      throw new StudioError(
        inUse ? 'ROW_IN_USE' : 'EDIT_INVALID',
        `${inUse ? 'the row was not deleted' : 'the rows were refused'}: ${issues[0]?.message ?? ''}`,
        issues,
        inUse ? 'Nothing was saved. Point the rows named here elsewhere first, then delete.' : 'Nothing was saved. Correct the row and try again.',
      );
    }
    const changes = diffTariff(cur.version, applied.version);
    saveTariffDraft(ctx.ws, {
      id,
      revision,
      version: applied.version,
      action: 'tariff.draft.rows',
      before: ops.map((o) => ({ op: o.kind, table: o.table, index: o.index })),
      after: auditSides(changes).after,
    });
    return detailOf(ctx.ws, id);
  },
  restoreContent: ({ id, revision, version, reason }) => detailOf(ctx.ws, restoreDraftContent(ctx.ws, { id, revision, version, reason }).id),
  discardDraft: ({ id }) => {
    discardTariffDraft(ctx.ws, id);
    return { discarded: id };
  },
});
