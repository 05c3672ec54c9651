import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useLiveTick } from '../team/live-updates.js';
import type { SortColumn } from 'react-data-grid';
import { StudioCallError } from '../../api/client.js';
import type { VersionDetail, VersionSummary, WorkspaceInfo } from '../../api/contract.js';
import { SERIES } from '../../../tariff-model/tariff-columns.js';
import { TABLE_IDS, type TableId } from '../../../tariff-model/table-id.js';
import type { TariffChange } from '../../../tariff-model/tariff-diff.js';
import type { CellEdit } from '../../../tariff-model/tariff-edits.js';
import type { TariffVersion } from '../../../engine/tariff-types.js';
import type { Issue } from '../../../tariff-model/issue.js';
import { TABLES } from '../../../tariff-model/tariff-tables.js';
import { enumLabel } from '../../../tariff-model/enum-labels.js';
import { useApi } from '../shell/api-context.js';
import { ErrorBanner, pageText, type PageText, type ShownError } from '../shell/error-banner.js';
import { formatYen, useI18n, type Lang } from '../i18n/i18n-context.js';
import { base64ToBlob, download } from './base64.js';
import { ChangeTable } from './change-table.js';
import { EnginePanel } from './engine-panel.js';
import { gridRows, viewRows, type GridFilter } from './grid-view.js';
import { DraftImportDialog } from './draft-import-dialog.js';
import { ImportDialog } from './import-dialog.js';
import { checkEdits } from './local-check.js';
import { NewDraftDialog } from './new-draft-dialog.js';
import { RowFormDialog } from './row-form-dialog.js';
import { duplicateOp } from '../../../tariff-model/row-ops.js';
import { cellKey, TariffGrid, type EditOrigin, type FocusRequest } from './tariff-grid.js';
import { readEdits } from './normalised-cells.js';
import { enumText } from './enum-text.js';
import { cellText, type CellValue } from '../../../tariff-model/cell-value.js';
import { useDraftEditor } from './use-draft-editor.js';
import { useCallRefusal } from '../team/use-call-refusal.js';
import { WaitingInputsNote, type WaitingInput } from '../team/waiting-inputs.js';
import { VersionHeading, VersionList } from '../ui/version-list.js';
import { InForcePanel } from '../versions/in-force-panel.js';
import { useForceNote } from '../versions/use-force-note.js';
import { versionInForceOn } from '../versions/force-note.js';
import { TariffReviewPanel } from '../versions/tariff-review-panel.js';
import { ChangesRequested } from '../versions/changes-requested.js';
import { confirmLeaving } from '../shell/unsaved-edits.js';
import { ReloadingNote, useColleagueReload } from '../team/use-colleague-reload.js';

const NO_FILTER: GridFilter = { text: '', series: '', changedOnly: false };
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const isTyping = (el: EventTarget | null): boolean => el instanceof HTMLElement && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable);

/** A typed cell as the page names it (a waiting save, a stale one): the row's key, the column's header, what was typed. */
const namedCell = (version: TariffVersion, c: CellEdit, lang: Lang): WaitingInput => {
  const table = TABLES[c.table];
  const col = table.columns.find((x) => x.key === c.field);
  return { key: String(table.rows(version)[c.index]?.[table.keyField] ?? `#${c.index + 1}`), header: col ? col[lang] : c.field, text: c.text };
};

/** The tariff page: versions, the spreadsheet grid of the selected one, the engine's answer and the Excel round trip. */
export function TariffsPage({ info }: { info: WorkspaceInfo }) {
  const api = useApi();
  const { t, lang } = useI18n();
  const [versions, setVersions] = useState<VersionSummary[]>([]);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [detail, setDetail] = useState<VersionDetail | null>(null);
  const [tab, setTab] = useState<TableId>('courses');
  // Each sheet keeps its own filter, as each sheet of a workbook does.
  const [filters, setFilters] = useState<Partial<Record<TableId, GridFilter>>>({});
  const filter = filters[tab] ?? NO_FILTER;
  const setFilter = (f: GridFilter) => setFilters((all) => ({ ...all, [tab]: f }));
  const [sortColumns, setSortColumns] = useState<readonly SortColumn[]>([]);
  const [courseIndex, setCourseIndex] = useState<number | null>(null);
  const [error, setError] = useState<ShownError | null>(null);
  // What the page tells after an action: done (green) or a warning (nothing happened, or not all of it).
  // A text, or words written when shown (the review panel's), so a switch of language rewrites them.
  // What the page said last, rendered when shown (shell/error-banner.ts PageText): it follows a switch of language.
  const [notice, setNotice] = useState<{ text: PageText; tone: 'ok' | 'warning' } | null>(null);
  const warn = (text: PageText) => setNotice({ text, tone: 'warning' });
  const [errorCells, setErrorCells] = useState<ReadonlySet<string>>(new Set());
  const [dialog, setDialog] = useState<'draft' | 'import' | 'import-draft' | 'restore' | 'row' | 'course' | null>(null);
  const [rowSel, setRowSel] = useState<number | null>(null);
  // A row the row form could not add: said in the form's dialog, where the user is (the page's banner is behind it).
  const [rowFormError, setRowFormError] = useState<ShownError | null>(null);
  const [refresh, setRefresh] = useState(0);
  const [focus, setFocus] = useState<FocusRequest | null>(null);
  // On a team server only a product manager edits tariffs: the others' buttons are disabled, with why.
  const forceNotes = useForceNote(versions, info.today);
  const refusal = useCallRefusal();
  const noEdit = refusal('tariffs.edit');
  const noRestore = refusal('lifecycle.restore');
  // The import ends in applyImport (a preview alone changes nothing): its refusal is the button's.
  const noImport = refusal('workbook.applyImport');
  const noImportInto = refusal('workbook.applyIntoDraft');

  const markIssues = useCallback((issues: readonly Issue[]) => {
    setErrorCells(new Set(issues.filter((i) => i.index !== undefined && i.field).map((i) => cellKey(i.index!, i.field!))));
  }, []);
  const showError = useCallback(
    (e: unknown, lead?: ShownError['lead']) => {
      // A refusal replaces what the page said last ("submitted", "restored"): both at once would contradict.
      setNotice(null);
      setError({ error: e, ...(lead ? { lead } : {}) });
      if (e instanceof StudioCallError) markIssues(e.issues);
    },
    [markIssues],
  );
  const detailRef = useRef(detail);
  detailRef.current = detail;
  // A stale save (someone saved the draft since this page loaded it, e.g. while the session was
  // over) names what was typed and not saved, so it can be typed again on their version.
  const onSaveError = useCallback(
    (e: unknown, edits?: readonly CellEdit[]) => {
      const d = detailRef.current;
      if (!(e instanceof StudioCallError && e.code === 'DRAFT_CONFLICT' && edits?.length && d)) return showError(e, (tr) => tr('error.edit'));
      const version = d.version;
      // The grid shows the draft as it now is (their change), as the message says: what was typed is named in it, to type again on their version.
      setRefresh((n) => n + 1);
      // Written when shown: a switch of language rewrites it.
      setNotice(null);
      setError({
        error: e,
        reloaded: true,
        lead: (tr, lg) =>
        tr('error.staleEdit', {
          cells: edits
            .slice(0, 3)
            .map((c) => tr('error.staleCell', namedCell(version, c, lg)))
            .join(lg === 'ja' ? '、' : '; '),
          more: edits.length > 3 ? tr('grid.normalisedMore', { n: edits.length - 3 }) : '',
        }),
      });
    },
    [showError],
  );
  const editor = useDraftEditor(api, detail, setDetail, onSaveError);
  // A save waiting for the team server (it restarts): the grid shows what was typed, and the page names it.
  const pendingCells = useMemo(() => new Map(editor.pending.filter((e) => e.table === tab).map((e) => [cellKey(e.index, e.field), e.text])), [editor.pending, tab]);
  const waitingInputs = useMemo(() => (detail ? editor.pending.map((c) => namedCell(detail.version, c, lang)) : []), [editor.pending, detail, lang]);

  const reloadVersions = useCallback(async (select?: number) => {
    const { versions: vs } = await api.tariffs.list({});
    setVersions(vs);
    setRefresh((n) => n + 1);
    setSelectedId((cur) => select ?? cur ?? versionInForceOn(vs, info.today)?.id ?? vs.find((v) => v.status === 'approved')?.id ?? vs[0]?.id ?? null);
  }, [api, info.today]);

  const liveTick = useLiveTick('tariffs');
  useEffect(() => {
    reloadVersions().catch((e: unknown) => showError(e));
  }, [reloadVersions, showError, liveTick]);
  // What this page said it did ("submitted") no longer holds once someone else changed the versions (sent it back, approved it).
  useEffect(() => {
    if (liveTick) setNotice(null);
  }, [liveTick]);

  // 「相手の変更を読み込む」 asked: the page says so until the version is read again (submitting waits), then says it is loaded and whose change it is, as the Rules page does.
  const colleagueReload = useColleagueReload();
  const { begin: reloadBegin, loaded: reloadLoaded, failed: reloadFailed } = colleagueReload;
  useEffect(() => {
    if (selectedId === null) return;
    let live = true;
    const asked = reloadBegin();
    api.tariffs.get({ id: selectedId }).then(
      (d) => {
        if (!live) return;
        setDetail(d);
        setErrorCells(new Set());
        const loadedNote = reloadLoaded(asked, { changedBy: d.changedBy, revision: d.summary.revision });
        if (loadedNote) setNotice({ text: loadedNote, tone: 'ok' });
      },
      (e: unknown) => {
        reloadFailed(asked);
        showError(e);
      },
    );
    return () => {
      live = false;
    };
  }, [api, selectedId, showError, refresh, liveTick, reloadBegin, reloadLoaded, reloadFailed]);

  const isDraft = detail?.summary.status === 'draft';
  const canEdit = isDraft && noEdit === null;
  const onEdits = useCallback(
    (typed: CellEdit[], origin: EditOrigin, clipped = 0) => {
      if (!detail || !canEdit) return;
      editor.settle();
      // Whatever is read in another form than written is said below, with what it became.
      const { edits, read } = readEdits(typed);
      const issues = checkEdits(detail.version, edits);
      if (issues.length) {
        const first = issues[0]!;
        const key = String(TABLES[first.table!].rows(detail.version)[first.index!]?.[TABLES[first.table!].keyField] ?? '');
        const expected = (lang === 'ja' ? first.expectedJa : first.expected) ?? '';
        const message = first.code === 'CELL_REQUIRED' ? t('error.cellBlank', { key, header: first.header ?? '', expected }) : t('error.cell', { key, header: first.header ?? '', value: first.value ?? '', expected });
        showError(new StudioCallError('grid', { code: first.code, message, issues }), origin === 'edit' ? (tr) => tr('error.edit') : (tr) => tr('error.paste', { n: edits.length, bad: issues.length }));
        return;
      }
      setError(null);
      setErrorCells(new Set());
      // Cells read in another form are said, with what they became; so are cells a paste could not place.
      // Said in the language shown when it is read (a switch of language re-renders it from the keys).
      const shown = (e: CellEdit, v: CellValue, lg: Lang) => {
        const col = TABLES[e.table].columns.find((c) => c.key === e.field);
        if (typeof v === 'number' && col?.kind === 'yen') return formatYen(v, lg);
        // An enum value as the grid shows it, with the code that is stored.
        const label = col?.kind === 'enum' && typeof v === 'string' ? enumText(e.table, col, v, lg) : undefined;
        return label && label !== v ? (lg === 'ja' ? `${label}（${v}）` : `${label} (${v})`) : cellText(v);
      };
      const parts = (tr: typeof t, lg: Lang): string[] => [
        ...(origin === 'paste' ? [tr('grid.pasted', { n: edits.length })] : origin === 'fill' && edits.length > 1 ? [tr('grid.filled', { n: edits.length })] : []),
        ...(read.length
          ? [
              tr('grid.normalised', {
                n: read.length,
                examples: read
                  .slice(0, 3)
                  .map((r) => (lg === 'ja' ? `「${r.edit.text}」→ ${shown(r.edit, r.value, lg)}` : `"${r.edit.text}" → ${shown(r.edit, r.value, lg)}`))
                  .join(lg === 'ja' ? '、' : ', '),
                more: read.length > 3 ? tr('grid.normalisedMore', { n: read.length - 3 }) : '',
              }),
            ]
          : []),
        ...(clipped ? [tr('error.pasteClipped', { n: clipped })] : []),
      ];
      const said = origin === 'paste' || (origin === 'fill' && edits.length > 1) || read.length > 0 || clipped > 0;
      void editor.apply(edits).then((ok) => {
        if (ok && said && (origin !== 'edit' || read.length)) setNotice({ text: (tr, lg) => parts(tr, lg).join(lg === 'ja' ? '' : ' '), tone: clipped ? 'warning' : 'ok' });
      });
    },
    [detail, canEdit, editor, showError, t, lang],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || isTyping(e.target)) return;
      const k = e.key.toLowerCase();
      if (k === 'z' && !e.shiftKey) {
        e.preventDefault();
        void editor.undo();
      } else if (k === 'y' || (k === 'z' && e.shiftKey)) {
        e.preventDefault();
        void editor.redo();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [editor]);

  const allRows = useMemo(() => (detail ? gridRows(TABLES[tab].rows(detail.version)) : []), [detail, tab]);
  // The rows shown keep their order and membership while cells are edited, as after a sort or a
  // filter in Excel: an edited price does not jump away from the selection (taking the focus with
  // it), an edited code does not vanish from a search. Sorting, filtering, another table or
  // version, rows added or removed, or a workbook taken in work the view out again.
  const [viewEpoch, setViewEpoch] = useState(0);
  const viewKey = JSON.stringify([detail?.summary.id ?? null, tab, filter, sortColumns, allRows.length, viewEpoch]);
  const [frozenView, setFrozenView] = useState<{ key: string; indexes: readonly number[] }>({ key: '', indexes: [] });
  if (detail && frozenView.key !== viewKey) setFrozenView({ key: viewKey, indexes: viewRows(tab, allRows, filter, sortColumns, detail.changes).map((r) => r.__index) });
  const shownRows = useMemo(() => (frozenView.key === viewKey ? frozenView.indexes.flatMap((i) => (allRows[i] ? [allRows[i]] : [])) : []), [frozenView, viewKey, allRows]);
  // Whether edits left the rows shown out of their sort or filter: the page then offers to work them out again.
  const viewStale = useMemo(() => {
    if (!detail || (!sortColumns.length && !filter.text && !filter.series && !filter.changedOnly)) return false;
    const fresh = viewRows(tab, allRows, filter, sortColumns, detail.changes);
    return fresh.length !== frozenView.indexes.length || fresh.some((r, i) => r.__index !== frozenView.indexes[i]);
  }, [detail, tab, allRows, filter, sortColumns, frozenView]);

  const exportXlsx = async () => {
    if (!detail) return;
    try {
      const f = await api.workbook.export({ versionId: detail.summary.id });
      download(base64ToBlob(f.contentBase64, XLSX), f.fileName);
    } catch (e) {
      showError(e);
    }
  };
  const rowOps = (ops: Parameters<typeof editor.applyRows>[0], fail?: Parameters<typeof editor.applyRows>[1]) => {
    setError(null);
    editor.settle();
    setErrorCells(new Set());
    return editor.applyRows(ops, fail).then((ok) => {
      setViewEpoch((n) => n + 1);
      return ok;
    });
  };
  const duplicateRow = () => {
    if (!detail || rowSel === null) return warn((tr) => tr('row.selectFirst'));
    const op = duplicateOp(detail.version, tab, rowSel);
    if (op) void rowOps([op]).then((ok) => ok && setFocus({ index: op.index, field: TABLES[tab].keyField, nonce: Date.now() }));
  };
  const deleteRow = () => {
    if (!detail || rowSel === null) return warn((tr) => tr('row.selectFirst'));
    const key = String(TABLES[tab].rows(detail.version)[rowSel]?.[TABLES[tab].keyField] ?? '');
    if (!window.confirm(t('row.confirmDelete', { key }))) return;
    void rowOps([{ kind: 'delete', table: tab, index: rowSel }]).then((ok) => ok && setRowSel(null));
  };
  const pickChange = (c: TariffChange) => {
    if (c.index === null) return;
    setTab(c.table);
    setFilters((all) => ({ ...all, [c.table]: NO_FILTER }));
    setFocus({ index: c.index, field: c.field, nonce: Date.now() });
  };
  const selectVersion = (id: number) => {
    if (id !== selectedId && !confirmLeaving(t('unsaved.leave'))) return;
    if (id !== selectedId) colleagueReload.cancel();
    setSelectedId(id);
    setCourseIndex(null);
    setError(null);
  };

  const summary = detail?.summary;
  return (
    <div className="tariffs-page">
      <div className="version-column">
        <VersionList
          label={t('versions.title')}
          versions={versions}
          selected={selectedId}
          onSelect={selectVersion}
          testIdPrefix="version-"
          notes={(v) => {
            const base = v.basedOn === null ? undefined : versions.find((x) => x.id === v.basedOn);
            return [...forceNotes(v), ...(base ? [t('versions.basedOn', { date: base.effective })] : [])];
          }}
        />
        <InForcePanel today={info.today} refresh={refresh} />
      </div>
      <section className="workarea">
        {!detail || !summary ? (
          // A version that cannot be read (the server gone, say) says why, not "Loading…" for ever.
          error ? (
            <ErrorBanner shown={error} onClose={() => setError(null)} />
          ) : (
            <p className="muted">{t('loading')}</p>
          )
        ) : (
          <>
            <div className="toolbar" role="toolbar">
              <VersionHeading
                version={summary}
                headingTestId="version-heading"
                sub={
                  // A draft's change count and save state sit under its heading, so the toolbar holds one line at 1280 px.
                  isDraft ? (
                    <span className="toolbar-sub">
                      {summary.title && (
                        <span className="muted small" title={summary.title}>
                          {summary.title}
                        </span>
                      )}
                      <span className={`badge changes-badge${detail.changes.length ? ' has-changes' : ''}`} data-testid="change-count">
                        {t('changes.count', { n: detail.changes.length })}
                      </span>
                      <span className={`save-state save-${editor.state}`} data-testid="save-state">
                        {editor.state === 'saving' ? t('save.saving') : editor.state === 'failed' ? t('save.failed') : editor.state === 'saved' ? t('save.saved') : ''}
                      </span>
                    </span>
                  ) : (
                    summary.title && (
                      <span className="muted small" title={summary.title}>
                        {summary.title}
                      </span>
                    )
                  )
                }
              />
              {isDraft ? (
                <>
                  <button type="button" onClick={() => void editor.undo()} disabled={!canEdit || !editor.canUndo} data-testid="btn-undo" title="Ctrl+Z">
                    ↶ {t('action.undo')}
                  </button>
                  <button type="button" onClick={() => void editor.redo()} disabled={!canEdit || !editor.canRedo} data-testid="btn-redo" title="Ctrl+Y">
                    ↷ {t('action.redo')}
                  </button>
                </>
              ) : (
                <>
                  <button type="button" className="primary" onClick={() => setDialog('draft')} disabled={noEdit !== null} aria-describedby={noEdit ? 'tariff-role-note' : undefined} data-testid="btn-create-draft">
                    {t('action.createDraft')}
                  </button>
                  {(summary.status === 'approved' || summary.status === 'superseded') && (
                    <button type="button" onClick={() => setDialog('restore')} disabled={noRestore !== null} aria-describedby={noRestore ? 'tariff-role-note' : undefined} data-testid="btn-restore">
                      {t('tr.restore')}
                    </button>
                  )}
                </>
              )}
              <span className="toolbar-spacer" />
              {/* The Excel round trip, one group that wraps as a whole; discarding a draft is a lifecycle action, in the review panel. */}
              <span className="toolbar-group" role="group" aria-label="Excel" data-testid="excel-actions">
                <button type="button" onClick={() => void exportXlsx()} data-testid="btn-export">
                  {t('action.export')}
                </button>
                <button type="button" onClick={() => setDialog('import')} disabled={noImport !== null} aria-describedby={noImport ? 'tariff-role-note' : undefined} title={isDraft ? t('action.importHint') : undefined} data-testid="btn-import">
                  {t('action.import')}
                </button>
                {isDraft && (
                  <button
                    type="button"
                    onClick={() => setDialog('import-draft')}
                    disabled={!canEdit || noImportInto !== null}
                    aria-describedby={noImportInto ? 'tariff-role-note' : undefined}
                    title={t('di.actionHint')}
                    data-testid="btn-import-into-draft"
                  >
                    {t('di.action')}
                  </button>
                )}
              </span>
            </div>
            {noEdit ? (
              <p className="readonly-note" id="tariff-role-note" data-testid="tariff-role-note">
                {noEdit}
              </p>
            ) : (
              !isDraft && <p className="readonly-note">{summary.status === 'in-review' ? t('version.inReview') : t('version.readOnly')}</p>
            )}
            <ChangesRequested summary={summary} />
            <WaitingInputsNote inputs={waitingInputs} shown="grid" />
            {error && (
              <ErrorBanner
                shown={error}
                onClose={() => {
                  setError(null);
                  editor.settle();
                }}
                onReload={colleagueReload.ask}
              />
            )}
            <ReloadingNote reload={colleagueReload} testId="tariff-reloading" />
            {notice && (
              <div className={`banner banner-${notice.tone} banner-row`} role="status" data-testid="tariff-notice" data-tone={notice.tone}>
                {pageText(notice.text, t, lang)}
                <button type="button" className="banner-close" onClick={() => setNotice(null)} aria-label={t('action.close')}>
                  ×
                </button>
              </div>
            )}
            <div className="tabs" role="tablist">
              {TABLE_IDS.map((id) => {
                const n = detail.changes.filter((c) => c.table === id).length;
                return (
                  <button key={id} type="button" role="tab" aria-selected={tab === id} className={tab === id ? 'tab active' : 'tab'} onClick={() => {
                      // The tab already shown keeps its selected row (its grid still shows it selected).
                      if (id === tab) return;
                      setTab(id);
                      setRowSel(null);
                    }} data-testid={`tab-${id}`}>
                    {lang === 'ja' ? TABLES[id].ja : TABLES[id].en}
                    <span className="tab-count">{TABLES[id].rows(detail.version).length}</span>
                    {n > 0 && <span className="tab-changes">{n}</span>}
                  </button>
                );
              })}
            </div>
            <div className="filter-bar">
              <input type="search" aria-label={t('filter.search')} placeholder={t('filter.search')} value={filter.text} onChange={(e) => setFilter({ ...filter, text: e.target.value })} data-testid="grid-search" />
              {tab === 'courses' && (
                <select aria-label={t('filter.allSeries')} value={filter.series} onChange={(e) => setFilter({ ...filter, series: e.target.value })} data-testid="grid-series">
                  <option value="">{t('filter.allSeries')}</option>
                  {SERIES.map((s) => (
                    <option key={s} value={s}>
                      {enumLabel('courses', 'series', s)?.[lang] ?? s}
                    </option>
                  ))}
                </select>
              )}
              <label className="checkbox">
                <input type="checkbox" checked={filter.changedOnly} onChange={(e) => setFilter({ ...filter, changedOnly: e.target.checked })} data-testid="grid-changed-only" />
                {t('filter.changedOnly')}
              </label>
              <span className="muted" data-testid="grid-count">
                {t('filter.count', { shown: shownRows.length, total: allRows.length })}
              </span>
              {viewStale && (
                <button type="button" className="small" onClick={() => setViewEpoch((n) => n + 1)} title={t('grid.reapplyHint')} data-testid="grid-reapply">
                  {t('grid.reapply')}
                </button>
              )}
              {canEdit && (
                <span className="row-ops" role="group" aria-label={t('row.add')}>
                  <button type="button" onClick={() => setDialog('row')} data-testid="row-add">
                    {t('row.add')}
                  </button>
                  <button type="button" onClick={duplicateRow} data-testid="row-duplicate">
                    {t('row.duplicate')}
                  </button>
                  <button type="button" className="danger" onClick={deleteRow} data-testid="row-delete">
                    {t('row.delete')}
                  </button>
                  {tab === 'courses' && (
                    <button type="button" className="primary" onClick={() => setDialog('course')} data-testid="row-new-course">
                      {t('row.newCourse')}
                    </button>
                  )}
                </span>
              )}
              {canEdit && <span className="grid-help muted small">{`${t('grid.help')} / ${t('grid.rangeHelp')}`}</span>}
            </div>
            <div className="grid-and-panel">
              <div className="grid-box">
                <TariffGrid
                  key={`${summary.id}-${tab}`}
                  table={tab}
                  rows={shownRows}
                  changes={detail.changes}
                  editable={canEdit}
                  sortColumns={sortColumns}
                  onSortColumnsChange={setSortColumns}
                  onEdits={onEdits}
                  onEditStart={editor.settle}
                  onNotice={(text, tone) => setNotice({ text, tone })}
                  onSelectRow={(i) => {
                    setRowSel(i);
                    if (tab === 'courses') setCourseIndex(i);
                  }}
                  focus={focus}
                  errorCells={errorCells}
                  pendingCells={pendingCells}
                  onReadOnlyEdit={() => warn(noEdit ?? (summary.status === 'in-review' ? (tr) => tr('version.inReview') : (tr) => tr('version.readOnly')))}
                  emptyText={
                    allRows.length > 0
                      ? t('grid.noMatch')
                      : [t('grid.emptyTable'), ...(tab === 'existingContracts' ? [t('grid.emptyExisting')] : []), ...(canEdit ? [t('grid.emptyAdd')] : [])].join(lang === 'ja' ? '' : ' ')
                  }
                />
              </div>
              <aside className="side-panel">
                <EnginePanel versionId={summary.id} revision={summary.revision} index={courseIndex} hasBase={detail.base !== null} />
                {summary.status !== 'superseded' && (
                  <TariffReviewPanel
                    summary={summary}
                    changes={detail.changes}
                    today={info.today}
                    saving={editor.state === 'saving'}
                    loading={colleagueReload.reloading}
                    onChanged={(id) => void reloadVersions(id)}
                    onError={(e, lead) => showError(e, lead)}
                    onNotice={(text) => {
                      setError(null);
                      setNotice({ text, tone: 'ok' });
                    }}
                    discard={
                      isDraft && (
                        <button
                          type="button"
                          className="danger"
                          disabled={!canEdit}
                          aria-describedby={noEdit ? 'tariff-role-note' : undefined}
                          title={t('action.discardHint')}
                          data-testid="btn-discard"
                          onClick={() => {
                            if (!window.confirm(t('confirm.discard'))) return;
                            api.tariffs
                              .discardDraft({ id: summary.id })
                              .then(() => reloadVersions(summary.basedOn ?? undefined))
                              .catch((e: unknown) => showError(e));
                          }}
                        >
                          {t('action.discard')}
                        </button>
                      )
                    }
                  />
                )}
                {/* A draft lists its changes (none yet, said so); a version in review or approved lists them too, for whoever reviews or checks what was sent. */}
                {(isDraft || detail.changes.length > 0) && (
                  <section className="changes-panel">
                    <h2>{t('changes.title')}</h2>
                    <ChangeTable changes={detail.changes} onPick={pickChange} testId="draft-changes" compact />
                  </section>
                )}
              </aside>
            </div>
          </>
        )}
      </section>
      {dialog === 'draft' && summary && (
        <NewDraftDialog
          from={summary}
          suggested={info.suggestedDraftDate}
          today={info.today}
          onCancel={() => setDialog(null)}
          onCreate={(effective, title) => {
            api.tariffs
              .createDraft({ from: summary.id, effective, title })
              .then((d) => {
                setDialog(null);
                return reloadVersions(d.summary.id);
              })
              .catch((e: unknown) => showError(e));
          }}
        />
      )}
      {(dialog === 'row' || dialog === 'course') && detail && (
        <RowFormDialog
          table={tab}
          version={detail.version}
          startIndex={rowSel ?? 0}
          course={dialog === 'course'}
          error={rowFormError}
          onCloseError={() => setRowFormError(null)}
          onCancel={() => {
            setRowFormError(null);
            setDialog(null);
          }}
          onSubmit={(texts) => {
            const index = rowSel === null ? TABLES[tab].rows(detail.version).length : rowSel + 1;
            setRowFormError(null);
            void rowOps([{ kind: 'insert', table: tab, index, texts }], (e) => setRowFormError({ error: e, lead: (tr) => tr('row.addRefused') })).then((ok) => {
              if (!ok) return;
              setDialog(null);
              setFilters((all) => ({ ...all, [tab]: NO_FILTER }));
              setRowSel(index);
              if (tab === 'courses') setCourseIndex(index);
              setFocus({ index, field: TABLES[tab].keyField, nonce: Date.now() });
            });
          }}
        />
      )}
      {dialog === 'restore' && summary && (
        <NewDraftDialog
          from={summary}
          suggested={info.suggestedDraftDate}
          today={info.today}
          heading={t('tr.restoreTitle')}
          initialTitle={t('tr.restoreDefaultTitle', { date: summary.effective })}
          help={t('tr.restoreHelp', { date: summary.effective })}
          onCancel={() => setDialog(null)}
          onCreate={(effective, title) => {
            api.lifecycle
              .restore({ kind: 'tariff', from: summary.id, effective, title })
              .then((d) => {
                setDialog(null);
                setNotice({ text: (tr) => tr('tr.restored', { date: summary.effective }), tone: 'ok' });
                return reloadVersions(d.id);
              })
              .catch((e: unknown) => showError(e));
          }}
        />
      )}
      {dialog === 'import-draft' && summary?.status === 'draft' && (
        <DraftImportDialog
          draft={summary}
          apply={(file, fail) => {
            setError(null);
            setErrorCells(new Set());
            return editor.applyWorkbook(file, fail).then((ok) => {
              setViewEpoch((n) => n + 1);
              return ok;
            });
          }}
          onCancel={() => setDialog(null)}
          onDone={(file, n) => {
            setDialog(null);
            setNotice({ text: (tr) => tr('di.done', { file, n }), tone: 'ok' });
          }}
        />
      )}
      {dialog === 'import' && (
        <ImportDialog
          onCancel={() => setDialog(null)}
          onDone={(d) => {
            setDialog(null);
            void reloadVersions(d.summary.id);
          }}
        />
      )}
    </div>
  );
}
