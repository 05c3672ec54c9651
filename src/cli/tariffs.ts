import { readFileWithin } from '../io/read-file.js';
import { fileProblem } from '../io/file-problem.js';
import { basename, resolve } from 'node:path';
import { parseFlags } from './parse-flags.js';
import { isIsoDate } from '../engine/dates.js';
import { writeFileAtomically } from '../io/atomic-write.js';
import { loadTariffVersions } from '../io/folder-store.js';
import { writeTariffWorkbook } from '../io/tariff-workbook.js';
import { exportWorkbook } from '../studio/handlers/workbook-handlers.js';
import { StudioError } from '../tariff-model/studio-error.js';
import { describeChange, type TariffChange } from '../tariff-model/tariff-diff.js';
import { todayInTokyo } from '../engine/dates.js';
import { recordAnchor } from '../studio/workspace/audit-anchor.js';
import { openWorkspace } from '../studio/workspace/open-workspace.js';
import { applyWorkbookIntoDraft, readWorkbookIntoDraft } from '../studio/workspace/draft-import.js';
import { applyWorkbookImport, importErrors, readWorkbookForImport } from '../studio/workspace/tariff-import.js';
import { findTariffByDate, listTariffVersions } from '../studio/workspace/tariff-store.js';
import { closeWorkspace, type Workspace } from '../studio/workspace/workspace.js';
import type { Command, Io } from './main.js';
import { DEFAULT_TARIFFS, ownWorkspaceHint, UsageError, workspaceSeed } from './options.js';
import { withStudioErrors } from './studio-errors.js';
import { plural } from '../io/plural.js';
import { PRICE_JUMP_SHARE, priceJump } from '../tariff-model/price-jump.js';

/** `tariff tariffs export|import`: the studio's Excel round trip from the command line. */
const withWorkspace = async <T>(file: string, seed: ReturnType<typeof workspaceSeed>, io: { err: (s: string) => void }, fn: (ws: Workspace) => Promise<T>): Promise<T> => {
  const { ws, created } = openWorkspace(resolve(file), { seed });
  if (created) io.err(`created workspace ${file} from ${seed.tariffsDir} and ${seed.rulesDir}`);
  try {
    return await fn(ws);
  } finally {
    recordAnchor(ws);
    closeWorkspace(ws);
  }
};

/**
 * Writes beside the target and renames, so a failed export never leaves half a workbook. What the
 * file system refuses is one line naming FILE (fileProblem, in main.ts), never the side file.
 */
const writeAtomically = (file: string, data: Buffer): void => writeFileAtomically(file, data);

export const tariffsExportCommand: Command = {
  summary: 'export a tariff version to an Excel workbook (表1, 表3, 表2, 別紙6, about)',
  usage:
    'tariff tariffs export --version DATE --out FILE.xlsx [--workspace FILE] [--tariffs DIR] [--rules DIR]\n' +
    '  --version DATE: the effective date of the version (the approved one, else the newest draft of that date).\n' +
    '  --workspace FILE: export from a studio workspace (created from --tariffs/--rules when missing); default: from the tariffs/ folder.',
  async run(args, io) {
    const { values } = parseFlags({
      args,
      options: { version: { type: 'string' }, out: { type: 'string' }, workspace: { type: 'string' }, tariffs: { type: 'string' }, rules: { type: 'string' } },
      strict: true,
    });
    if (!values.version || !isIsoDate(values.version)) throw new UsageError(`--version must be an effective date YYYY-MM-DD, got ${JSON.stringify(values.version ?? '')}`);
    if (!values.out || !values.out.toLowerCase().endsWith('.xlsx')) throw new UsageError('--out must name an .xlsx file');
    const date = values.version;
    const out = resolve(values.out);
    return withStudioErrors(io, 'tariffs export', async () => {
      let summary: string;
      if (values.workspace) {
        summary = await withWorkspace(values.workspace, workspaceSeed(values), io, async (ws) => {
          const v = findTariffByDate(ws, date);
          if (!v)
            throw new StudioError(
              'VERSION_NOT_FOUND',
              `no tariff version takes effect on ${date} in ${values.workspace}`,
              [],
              'List the versions in the studio, or give another --version.',
            );
          writeAtomically(out, await exportWorkbook(v, new Date().toISOString()));
          return `${v.effective} (${v.status}${v.status === 'draft' ? ` #${v.id}` : ''}), ${plural(v.version.courses.length, 'course')}, ${plural(v.version.options.length, 'option')}`;
        });
      } else {
        const versions = loadTariffVersions(resolve(values.tariffs ?? DEFAULT_TARIFFS));
        const v = versions.find((x) => x.effective === date);
        if (!v) throw new StudioError('VERSION_NOT_FOUND', `no tariff version takes effect on ${date}; the folder has ${versions.map((x) => x.effective).join(', ')}`);
        writeAtomically(out, await writeTariffWorkbook(v, { versionId: null, effective: v.effective, status: v.status, title: '', exportedAt: new Date().toISOString() }));
        summary = `${v.effective} (${v.status}), ${plural(v.courses.length, 'course')}, ${plural(v.options.length, 'option')}`;
      }
      io.out(`wrote ${values.out}: tariff ${summary}`);
      return 0;
    });
  },
};

export const tariffsImportCommand: Command = {
  summary: 'import an edited tariff workbook into a new draft (or into an open draft) of a workspace; prints every change, then "N changes"',
  usage:
    'tariff tariffs import FILE.xlsx --workspace FILE [--effective DATE] [--title TEXT] [--dry-run] [--tariffs DIR] [--rules DIR]\n' +
    'tariff tariffs import FILE.xlsx --workspace FILE --into-draft VERSION_ID [--confirm-stale] [--dry-run]\n' +
    '  --into-draft VERSION_ID: apply the workbook to that draft (one save, one audit entry) instead of creating a new one; every change is\n' +
    '    listed against the draft as it is now. A workbook not exported from that draft as it is now (another version, or the draft changed\n' +
    '    since) is refused with IMPORT_STALE_UNCONFIRMED unless --confirm-stale; a draft in review or an approved version: VERSION_NOT_DRAFT.\n' +
    '  The workspace is created from --tariffs/--rules (default tariffs/ and rules/) when missing.\n' +
    '  --effective DATE: the new draft takes effect on DATE (default: the draft date of the exported draft, else the day after the latest version, or today).\n' +
    '  --dry-run: list the changes without creating the draft.\n' +
    '  Exit 0 when imported, 2 when the workbook has errors (each printed with sheet, row and column; nothing is changed).',
  async run(args, io) {
    const { values, positionals } = parseFlags({
      args,
      allowPositionals: true,
      options: {
        workspace: { type: 'string' },
        effective: { type: 'string' },
        title: { type: 'string' },
        'dry-run': { type: 'boolean' },
        'into-draft': { type: 'string' },
        'confirm-stale': { type: 'boolean' },
        tariffs: { type: 'string' },
        rules: { type: 'string' },
      },
      strict: true,
    });
    if (positionals.length !== 1) throw new UsageError('tariff tariffs import needs exactly one FILE.xlsx');
    if (!values.workspace) throw new UsageError(`tariff tariffs import needs --workspace FILE${ownWorkspaceHint()}`);
    if (values.effective !== undefined && !isIsoDate(values.effective)) throw new UsageError(`--effective must be a date YYYY-MM-DD that exists, got "${values.effective}"`);
    const into = values['into-draft'];
    if (into !== undefined && !/^[1-9]\d{0,8}$/.test(into)) throw new UsageError(`--into-draft must be a version id (a whole number, as the studio shows #7), got "${into}"`);
    if (into !== undefined && (values.effective !== undefined || values.title !== undefined))
      throw new UsageError("--into-draft keeps the draft's date and title: leave out --effective and --title");
    if (into === undefined && values['confirm-stale']) throw new UsageError('--confirm-stale goes with --into-draft');
    const file = positionals[0]!;
    if (into !== undefined)
      return withStudioErrors(io, 'tariffs import', () =>
        withWorkspace(values.workspace!, workspaceSeed(values), io, (ws) =>
          importIntoDraft(ws, readWorkbookFile(file), file, Number(into), { dryRun: values['dry-run'] === true, confirmStale: values['confirm-stale'] === true }, io),
        ),
      );
    return withStudioErrors(io, 'tariffs import', async () => {
      let data: Buffer;
      try {
        data = readFileWithin(file, MAX_WORKBOOK_FILE);
      } catch (e) {
        throw new StudioError('FILE_UNREADABLE', `${file} ${fileProblem(e, { use: 'read' })}`);
      }
      return withWorkspace(values.workspace!, workspaceSeed(values), io, async (ws) => {
        const today = todayInTokyo();
        const reading = await readWorkbookForImport(ws, data, basename(file), today);
        for (const w of reading.read.issues.filter((i) => i.severity === 'warning')) io.err(`warning: ${w.message}`);
        const errors = importErrors(reading);
        if (errors.length) {
          for (const e of errors) io.err(`error: ${e.code}: ${e.message}`);
          io.err(
            `${plural(errors.length, 'error')} in ${file}: nothing was imported. Fix what the ${errors.length === 1 ? 'error above names' : 'errors above name'} (a cell, a column, a sheet or the file) and import again.`,
          );
          return 2;
        }
        const effective = values.effective ?? reading.suggestedEffective;
        // The versions already on that date, said as the studio's import dialog says them: only one of a date can be submitted.
        const sameDate = listTariffVersions(ws).filter((v) => v.effective === effective);
        let created: number | undefined;
        if (values['dry-run']) io.out(`${file} against ${reading.base!.effective} (${reading.base!.status}); dry run, no draft created`);
        else {
          const { draft } = await applyWorkbookImport(ws, data, basename(file), { effective, title: values.title ?? `Imported from ${basename(file)}`, today });
          created = draft.id;
          io.out(`created draft #${draft.id} effective ${draft.effective} from ${reading.base!.effective} (${reading.base!.status}) in ${values.workspace}`);
        }
        const others = sameDate.filter((v) => v.id !== created);
        if (others.length)
          io.err(
            `warning: ${effective} already has ${others.map((v) => `${v.status} #${v.id}${v.title ? ` "${v.title}"` : ''}`).join(', ')}; only one version of a date can be submitted for review: give one of them another date (tariff tariffs import --effective DATE) or discard the draft you do not keep.`,
          );
        const over = new Set(reading.overwrites);
        reading.changes.forEach((c, i) =>
          io.out(`${describeChange(c)}${jumpNote(c)}${over.has(i) ? `  (undoes an edit saved in ${reading.base!.effective} #${reading.base!.id} after the export)` : ''}`),
        );
        io.out(plural(reading.changes.length, 'change'));
        return 0;
      });
    });
  },
};

/** A price that moves by more than half (price-jump.ts), said after its change line: a warning, the import goes on. */
function jumpNote(c: TariffChange): string {
  const j = priceJump(c);
  if (!j) return '';
  const move = j.kind === 'toZero' ? 'to 0' : j.kind === 'fromZero' ? 'from 0' : `${j.percent! > 0 ? '+' : '-'}${Math.abs(j.percent!)} %`;
  return `  (price ${move}: more than ±${PRICE_JUMP_SHARE * 100} %, check it is no slip)`;
}

function readWorkbookFile(file: string): Buffer {
  try {
    return readFileWithin(file, MAX_WORKBOOK_FILE);
  } catch (e) {
    throw new StudioError('FILE_UNREADABLE', `${file} ${fileProblem(e, { use: 'read' })}`);
  }
}

/** The largest workbook file read (the studio's servers take 30 MB of base64; a tariff workbook is some tens of kilobytes). */
const MAX_WORKBOOK_FILE = 32 * 1024 * 1024;

/** `--into-draft`: the same reading and apply as the studio's "import into this draft". */
async function importIntoDraft(ws: Workspace, data: Buffer, file: string, draftId: number, opts: { dryRun: boolean; confirmStale: boolean }, io: Io): Promise<number> {
  const reading = await readWorkbookIntoDraft(ws, data, basename(file), draftId);
  for (const w of reading.read.issues.filter((i) => i.severity === 'warning')) io.err(`warning: ${w.code}: ${w.message}`);
  const errors = reading.read.issues.filter((i) => i.severity === 'error');
  if (errors.length) {
    for (const e of errors) io.err(`error: ${e.code}: ${e.message}`);
    io.err(
      `${plural(errors.length, 'error')} in ${file}: draft #${draftId} was not changed. Fix what the ${errors.length === 1 ? 'error above names' : 'errors above name'} (a cell, a column, a sheet or the file) and import again.`,
    );
    return 2;
  }
  const d = reading.draft;
  // Refused without --confirm-stale: the refusal says why, once.
  if (reading.stale && (opts.dryRun || opts.confirmStale || !reading.changes.length)) io.err(`stale: IMPORT_STALE (${reading.stale.reason}): ${reading.stale.message}`);
  if (opts.dryRun) io.out(`${file} into draft #${d.id} (${d.effective}, revision ${d.revision}); dry run, nothing changed`);
  else {
    const { draft } = await applyWorkbookIntoDraft(ws, data, basename(file), { draftId, revision: d.revision, confirmStale: opts.confirmStale });
    io.out(`imported ${file} into draft #${draft.id} (${draft.effective}), revision ${d.revision} → ${draft.revision}`);
  }
  const over = new Set(reading.overwrites);
  reading.changes.forEach((c, i) => io.out(`${describeChange(c)}${jumpNote(c)}${over.has(i) ? '  (undoes an edit made in the draft that the workbook does not have)' : ''}`));
  io.out(plural(reading.changes.length, 'change'));
  return 0;
}
