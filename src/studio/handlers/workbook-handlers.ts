import { writeTariffWorkbook } from '../../io/tariff-workbook.js';
import type { Handlers } from '../api/dispatcher.js';
import { applyWorkbookIntoDraft, readWorkbookIntoDraft } from '../workspace/draft-import.js';
import { applyWorkbookImport, readWorkbookForImport } from '../workspace/tariff-import.js';
import { getTariffVersion, type StoredTariffVersion } from '../workspace/tariff-store.js';
import type { StudioContext } from './studio-context.js';
import { detailOf, summaryOf } from './version-views.js';

/** The file name a version exports as: tariff-2023-09-19.xlsx, or tariff-2024-04-01-draft-7.xlsx. */
export const workbookFileName = (v: Pick<StoredTariffVersion, 'effective' | 'status' | 'id'>): string =>
  `tariff-${v.effective}${v.status === 'draft' ? `-draft-${v.id}` : v.status === 'approved' ? '' : `-${v.status}`}.xlsx`;

export const exportWorkbook = async (v: StoredTariffVersion, exportedAt: string): Promise<Buffer> =>
  writeTariffWorkbook(v.version, { versionId: v.id, effective: v.effective, status: v.status, title: v.title, exportedAt, revision: v.revision });

// An empty file is read like any other: the preview shows its one issue (WORKBOOK_EMPTY), and applying it is refused with it.
const decode = (b64: string): Buffer => Buffer.from(b64, 'base64');

export const workbookHandlers = (ctx: StudioContext): Handlers['workbook'] => ({
  export: async ({ versionId }) => {
    const v = getTariffVersion(ctx.ws, versionId);
    return { fileName: workbookFileName(v), contentBase64: (await exportWorkbook(v, new Date().toISOString())).toString('base64') };
  },
  previewImport: async ({ fileName, contentBase64 }) => {
    const r = await readWorkbookForImport(ctx.ws, decode(contentBase64), fileName, ctx.today());
    const about = r.read.about;
    return {
      fileName,
      base: r.base ? summaryOf(r.base) : null,
      about: {
        effective: about.effective ?? null,
        status: about.status ?? null,
        versionId: typeof about.versionId === 'number' && Number.isInteger(about.versionId) ? about.versionId : null,
        exportedAt: about.exportedAt ?? null,
      },
      changes: r.changes,
      overwrites: r.overwrites,
      issues: r.read.issues,
      canApply: r.read.version !== undefined && r.base !== null,
      suggestedEffective: r.suggestedEffective,
    };
  },
  previewIntoDraft: async ({ fileName, contentBase64, id }) => {
    const r = await readWorkbookIntoDraft(ctx.ws, decode(contentBase64), fileName, id);
    const about = r.read.about;
    const int = (n: unknown): number | null => (typeof n === 'number' && Number.isInteger(n) ? n : null);
    return {
      fileName,
      draft: summaryOf(r.draft),
      origin: r.origin ? summaryOf(r.origin) : null,
      about: {
        effective: about.effective ?? null,
        versionId: int(about.versionId),
        revision: int(about.revision),
        fingerprint: about.fingerprint || null,
        exportedAt: about.exportedAt ?? null,
      },
      changes: r.changes,
      overwrites: r.overwrites,
      stale: r.stale,
      issues: r.read.issues,
      canApply: r.read.version !== undefined,
    };
  },
  applyIntoDraft: async ({ fileName, contentBase64, id, revision, confirmStale }) => {
    const { draft } = await applyWorkbookIntoDraft(ctx.ws, decode(contentBase64), fileName, { draftId: id, revision, confirmStale });
    return detailOf(ctx.ws, draft.id);
  },
  applyImport: async ({ fileName, contentBase64, effective, title }) => {
    const { draft } = await applyWorkbookImport(ctx.ws, decode(contentBase64), fileName, { effective, title, today: ctx.today() });
    return detailOf(ctx.ws, draft.id);
  },
});
