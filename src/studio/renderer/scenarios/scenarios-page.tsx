import { useCallback, useEffect, useRef, useState } from 'react';
import { confirmLeaving, useUnsavedEdits } from '../shell/unsaved-edits.js';
import { useLiveTick } from '../team/live-updates.js';
import { StudioCallError } from '../../api/client.js';
import type { RepriceAnswer, RunProgress, RunView, ScenarioChoices, ScenarioForm, ScenarioSummary } from '../../api/contract.js';
import { useApi } from '../shell/api-context.js';
import { ErrorBanner, type PageText, type ShownError } from '../shell/error-banner.js';
import { useI18n } from '../i18n/i18n-context.js';
import type { MessageKey } from '../i18n/messages.js';
import { base64ToBlob, download } from '../tariffs/base64.js';
import { CompareView } from './compare-view.js';
import { MAX_COMPARED, type CompareSide } from './compare-data.js';
import { bandFigure, count, signedYen } from './format.js';
import { formIssues } from './form-issues.js';
import { ResultView } from './result-view.js';
import { ScenarioFormView } from './scenario-form.js';
import { useEditLines } from './use-edit-lines.js';
import { useLiveReprice } from './use-live-reprice.js';
import { useRunSize } from './use-run-size.js';
import { useScenarioRun } from './use-scenario-run.js';
import { useCallRefusal } from '../team/use-call-refusal.js';
import { useTeam } from '../team/team-context.js';

/** A RUN_TOO_LARGE refusal's size and limit (contract-months, run-limit.ts), or null for any other error. */
const tooLarge = (e: unknown): { size: number; limit: number } | null => {
  if (!(e instanceof StudioCallError) || e.code !== 'RUN_TOO_LARGE') return null;
  const i = e.issues.find((x) => x.code === 'RUN_TOO_LARGE');
  const digits = (text: string | undefined): number => Number((text ?? '').replace(/[^\d]/gu, '') || NaN);
  const size = digits(i?.value);
  const limit = digits(i?.expected);
  return Number.isSafeInteger(size) && Number.isSafeInteger(limit) ? { size, limit } : null;
};

/**
 * Finance's scenarios: saved scenarios on the left (tick two to four to compare), the form, the run
 * with its progress bar and cancel button, and the last run's charts and tables, exported to
 * Excel as the workbook `tariff simulate` writes plus the charts' data.
 */
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A form field's label as the page shows it (its aria-label, or the words of the label around it); undefined when the form is not shown. */
const fieldLabel = (pointer: string): string | undefined => {
  const el = document.querySelector(`[data-field="${CSS.escape(pointer)}"]`);
  if (!el) return undefined;
  return el.getAttribute('aria-label') ?? el.closest('label')?.querySelector('span')?.textContent ?? undefined;
};

export function ScenariosPage() {
  const api = useApi();
  const { t, lang, yen } = useI18n();
  // On a team server only finance saves and runs scenarios: the others read them, with the buttons disabled and why.
  const noRun = useCallRefusal()('scenarios.run');
  // A run over the run-size limit may be run anyway in the desktop app and the browser mode; a team server's limit is its operator's.
  const { me } = useTeam();
  const [choices, setChoices] = useState<ScenarioChoices | null>(null);
  // null until the studio has answered: a list that could not be read is not "no saved scenarios".
  const [list, setList] = useState<ScenarioSummary[] | null>(null);
  const [listFailed, setListFailed] = useState(false);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [form, setForm] = useState<ScenarioForm | null>(null);
  const [result, setResult] = useState<RunView | null>(null);
  const [summary, setSummary] = useState<ScenarioSummary | null>(null);
  const [error, setError] = useState<ShownError | null>(null);
  const [errorFields, setErrorFields] = useState<ReadonlySet<string>>(new Set());
  const [notice, setNotice] = useState<{ key: MessageKey; vars?: Record<string, string | number> } | null>(null);
  const [compareIds, setCompareIds] = useState<number[]>([]);
  const [compare, setCompare] = useState<CompareSide[] | null>(null);
  const [formOpen, setFormOpen] = useState(true);
  /** The form the shown result was run with (the re-pricing compares the form with it), and how the shown figures were made. */
  const [ranForm, setRanForm] = useState<ScenarioForm | null>(null);
  const [priceMode, setPriceMode] = useState<{ mode: 'simulated' } | { mode: 'repriced'; ms: number } | null>(null);
  // The form as last saved, opened or started: a form that differs holds typing not yet saved (shell/unsaved-edits.ts).
  const [savedForm, setSavedForm] = useState<ScenarioForm | null>(null);
  useUnsavedEdits(form !== null && savedForm !== null && JSON.stringify(form) !== JSON.stringify(savedForm));

  const editLines = useEditLines(api, form);
  const runSize = useRunSize(api, form);

  // The form the last call sent, whose fields a refusal's issues name (their values and labels are read from it and the page).
  const sentForm = useRef<ScenarioForm | null>(null);
  sentForm.current = form;
  const showError = useCallback((e: unknown, lead?: PageText) => {
    // Issues at the form's fields say the field's label, what was typed and what is expected (form-issues.ts).
    const shown = e instanceof StudioCallError && e.issues.some((i) => i.field) ? new StudioCallError(e.call, { code: e.code, message: e.message, ...(e.hint !== undefined ? { hint: e.hint } : {}), issues: formIssues(e.issues, sentForm.current, fieldLabel) }) : e;
    setError({ error: shown, ...(lead ? { lead } : {}) });
    setErrorFields(new Set(e instanceof StudioCallError ? e.issues.map((i) => i.field ?? '').filter(Boolean) : []));
  }, []);
  const refreshList = useCallback(
    () =>
      api.scenarios.list({}).then(
        (r) => {
          setList(r.scenarios);
          setListFailed(false);
        },
        (e: unknown) => {
          setListFailed(true);
          showError(e);
        },
      ),
    [api, showError],
  );
  // A colleague saved or ran a scenario (team server): the list shows it; an open form is left as it is.
  const liveTick = useLiveTick('scenarios');
  useEffect(() => {
    if (liveTick) void refreshList();
  }, [liveTick, refreshList]);

  const open = useCallback(
    async (id: number) => {
      try {
        const r = await api.scenarios.get({ id });
        setSelectedId(id);
        setForm(r.form);
        setSavedForm(r.form);
        setResult(r.result);
        setRanForm(r.result ? r.form : null);
        setPriceMode(r.result ? { mode: 'simulated' } : null);
        setSummary(r.summary);
        setFormOpen(r.result === null);
        setError(null);
        setErrorFields(new Set());
      } catch (e) {
        showError(e);
      }
    },
    [api, showError],
  );

  const resultTop = useRef<HTMLDivElement | null>(null);
  const [resultShown, setResultShown] = useState(0);
  useEffect(() => {
    if (resultShown > 0) resultTop.current?.scrollIntoView({ block: 'start' });
  }, [resultShown]);

  const run = useScenarioRun(
    api,
    (p: RunProgress) => {
      if (p.state === 'done') {
        setNotice({ key: 'scn.done', vars: { seconds: (p.elapsedMs / 1000).toFixed(1) } });
        // The form folds away: the result is shown from its top (its head and summary), not wherever the form was scrolled to.
        void open(p.scenarioId).then(() => setResultShown((n) => n + 1));
      } else if (p.state === 'cancelled') setNotice({ key: 'scn.cancelled', vars: { done: count(p.contractsDone, lang), total: count(p.contracts, lang) } });
      else if (p.state === 'failed' && p.error) showError(new StudioCallError('scenarios.run', p.error), (tr) => tr('scn.failed'));
      void refreshList();
    },
    showError,
  );

  /** A new scenario's form, named as its heading already calls it, so a first Save and run is not refused for want of a name. */
  const named = useCallback((form: ScenarioForm): ScenarioForm => (form.name.trim() === '' ? { ...form, name: t('scn.untitled') } : form), [t]);
  useEffect(() => {
    api.scenarios.choices({}).then((c) => {
      setChoices(c);
      setForm((f) => f ?? named(c.defaultForm));
      setSavedForm((f) => f ?? named(c.defaultForm));
    }, showError);
    void refreshList();
  }, [api, showError, refreshList, named]);

  const startRun = async (maxContractMonths?: number) => {
    const f = form;
    if (!f) return;
    setNotice(null);
    setError(null);
    setErrorFields(new Set());
    try {
      const r = await api.scenarios.run({
        id: selectedId,
        form: f,
        ...(selectedId !== null && summary ? { revision: summary.revision } : {}),
        ...(maxContractMonths !== undefined ? { maxContractMonths } : {}),
      });
      setSelectedId(r.scenario.id);
      setSummary(r.scenario);
      // A run saves the form it runs.
      setSavedForm(f);
      run.follow(r.runId);
      void refreshList();
    } catch (e) {
      showError(e, (tr) => tr('scn.refused'));
    }
  };

  useLiveReprice(
    api,
    { scenarioId: selectedId, ran: ranForm, next: form, paused: run.running || noRun !== null },
    {
      repriced: (a: RepriceAnswer) => {
        if (!a.result) return;
        setResult(a.result);
        setPriceMode({ mode: 'repriced', ms: Math.round(a.elapsedMs) });
        setNotice(null);
        setError(null);
        setErrorFields(new Set());
      },
      runNeeded: (a: RepriceAnswer) => {
        void startRun().then(() => setNotice({ key: 'scn.runNeeded', vars: { reason: a.reason } }));
      },
      error: (e: unknown) => showError(e, (tr) => tr('scn.refused')),
    },
  );

  const save = async () => {
    const f = form;
    if (!f) return;
    setError(null);
    setErrorFields(new Set());
    try {
      const s = await api.scenarios.save({ id: selectedId, form: f, ...(selectedId !== null && summary ? { revision: summary.revision } : {}) });
      setSelectedId(s.id);
      setSummary(s);
      setSavedForm(f);
      setNotice({ key: 'scn.saved' });
      void refreshList();
    } catch (e) {
      showError(e, (tr) => tr('scn.refused'));
    }
  };

  const exportWorkbook = async () => {
    if (selectedId === null) return;
    try {
      const file = await api.scenarios.export({ id: selectedId });
      download(base64ToBlob(file.contentBase64, XLSX), file.fileName);
    } catch (e) {
      showError(e);
    }
  };

  const newScenario = () => {
    if (!choices || !confirmLeaving(t('unsaved.leave'))) return;
    setSelectedId(null);
    setForm(named(choices.defaultForm));
    setSavedForm(named(choices.defaultForm));
    setResult(null);
    setRanForm(null);
    setPriceMode(null);
    setSummary(null);
    setFormOpen(true);
    setNotice(null);
    setError(null);
    setErrorFields(new Set());
  };

  // A variant (another fleet size, hazard or price) starts from this scenario's inputs, typing included, instead of a blank form.
  const duplicate = () => {
    if (!form || selectedId === null) return;
    const copy = { ...structuredClone(form), name: t('scn.duplicateName', { name: form.name }) };
    setSelectedId(null);
    setForm(copy);
    setSavedForm(copy);
    setResult(null);
    setRanForm(null);
    setPriceMode(null);
    setSummary(null);
    setFormOpen(true);
    setError(null);
    setErrorFields(new Set());
    setNotice({ key: 'scn.duplicated', vars: { name: form.name } });
  };

  const remove = async () => {
    if (selectedId === null || !window.confirm(t('scn.confirmDelete'))) return;
    try {
      await api.scenarios.delete({ id: selectedId });
      setCompareIds((ids) => ids.filter((x) => x !== selectedId));
      newScenario();
      void refreshList();
    } catch (e) {
      showError(e);
    }
  };

  // Up to four ticked (a fifth replaces the one ticked first), in the order ticked: A, B, C, D.
  const toggleCompare = (id: number) => setCompareIds((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids.slice(-(MAX_COMPARED - 1)), id]));
  const openCompare = async () => {
    if (compareIds.length < 2) return;
    try {
      const got = await Promise.all(compareIds.map((id) => api.scenarios.get({ id })));
      if (got.some((r) => !r.result)) throw new Error(t('scn.compare.needRuns'));
      setCompare(got.map((r) => ({ name: r.summary.name, view: r.result! })));
    } catch (e) {
      showError(e);
    }
  };

  /** "Run anyway": the size the refusal named becomes this run's own limit, after the user confirms it. */
  const large = error && !me ? tooLarge(error.error) : null;
  const runAnyway = () => {
    if (!large || !window.confirm(t('scn.tooLarge.confirm', { size: count(large.size, lang), limit: count(large.limit, lang) }))) return;
    void startRun(large.size);
  };

  const p = run.progress;
  // A run of several simulations: the bar counts the work of all of them, in contract-months (a moved fleet size's run at its own size).
  const first = p && p.contracts > 0 ? p.contractsDone / p.contracts : 0;
  const pct = !p ? 0 : p.stage ? Math.floor((p.stage.work > 0 ? p.stage.workDone / p.stage.work : 0) * 100) : Math.floor(first * 100);
  const busy = run.running;

  return (
    <div className="scenarios-page">
      <aside className="scn-list" data-testid="scenario-list">
        <div className="scn-list-head">
          <h2>{t('scn.saved.title')}</h2>
          <button type="button" onClick={newScenario} disabled={busy} data-testid="scn-new">
            {t('scn.new')}
          </button>
        </div>
        {listFailed ? (
          <p className="error-text small" data-testid="scn-list-failed">
            {t('scn.saved.failed')}
          </p>
        ) : list === null ? (
          <p className="muted small">{t('loading')}</p>
        ) : (
          list.length === 0 && <p className="muted small">{t('scn.saved.none')}</p>
        )}
        <ul>
          {(list ?? []).map((s) => (
            <li key={s.id} className={s.id === selectedId ? 'scn-item active' : 'scn-item'}>
              <input type="checkbox" checked={compareIds.includes(s.id)} onChange={() => toggleCompare(s.id)} aria-label={t('scn.compare.pick', { name: s.name })} disabled={!s.last} data-testid={`scn-compare-${s.id}`} />
              <button type="button" className="scn-item-open" onClick={() => {
                  if (s.id === selectedId || confirmLeaving(t('unsaved.leave'))) void open(s.id);
                }} disabled={busy} data-testid={`scn-open-${s.id}`}>
                <span className="scn-item-name">{s.name}</span>
                <span className="small muted">
                  {s.last ? (
                    <>
                      {t('scn.netDiff')} <span className={s.last.difference < 0 ? 'down' : s.last.difference > 0 ? 'up' : ''}>{signedYen(s.last.difference, yen)}</span>
                      {/* With replications, the central estimate too: the one run above may lie far from it. */}
                      {s.last.medianDifference !== undefined && (
                        <span className="scn-item-median" data-testid={`scn-median-${s.id}`}>
                          {' '}
                          {t('scn.netDiffMedian', { n: s.last.replications ?? 0, amount: signedYen(bandFigure(s.last.medianDifference, 0), yen) })}
                        </span>
                      )}
                      {s.last.stale && <span className="badge badge-draft">{t('scn.stale')}</span>}
                    </>
                  ) : (
                    t('scn.notRun')
                  )}
                </span>
              </button>
            </li>
          ))}
        </ul>
        <button type="button" onClick={() => void openCompare()} disabled={compareIds.length < 2} data-testid="scn-compare">
          {t('scn.compare.action', { n: Math.max(2, compareIds.length) })}
        </button>
        {compareIds.length < 2 && <p className="muted small">{t('scn.compare.hint')}</p>}
      </aside>

      <div className="scn-main">
        <div className="toolbar">
          <div className="toolbar-title">
            <strong data-testid="scn-heading">{summary ? summary.name : t('scn.untitled')}</strong>
            {summary && <span className="small muted">{t('scn.revision', { n: summary.revision })}</span>}
          </div>
          <button type="button" onClick={() => setFormOpen((o) => !o)} data-testid="scn-toggle-form">
            {formOpen ? t('scn.hideForm') : t('scn.showForm')}
          </button>
          <span className="toolbar-spacer" />
          <button type="button" onClick={() => void save()} disabled={busy || !form || noRun !== null} aria-describedby={noRun ? 'scn-role-note' : undefined} data-testid="scn-save">
            {t('scn.save')}
          </button>
          <button type="button" className="primary" onClick={() => void startRun()} disabled={busy || !form || noRun !== null} aria-describedby={noRun ? 'scn-role-note' : undefined} data-testid="scn-run">
            {t('scn.run')}
          </button>
          {/* A re-priced preview is not saved: the workbook would hold the last run, not the figures on screen. */}
          <button
            type="button"
            onClick={() => void exportWorkbook()}
            disabled={busy || !result || priceMode?.mode === 'repriced'}
            aria-describedby={priceMode?.mode === 'repriced' ? 'scn-export-note' : undefined}
            data-testid="scn-export"
          >
            {t('action.export')}
          </button>
          <button type="button" onClick={duplicate} disabled={busy || !form || selectedId === null || noRun !== null} aria-describedby={noRun ? 'scn-role-note' : undefined} data-testid="scn-duplicate">
            {t('scn.duplicate')}
          </button>
          <button type="button" onClick={() => void remove()} disabled={busy || selectedId === null || noRun !== null} aria-describedby={noRun ? 'scn-role-note' : undefined} data-testid="scn-delete">
            {t('scn.delete')}
          </button>
        </div>

        {result && priceMode?.mode === 'repriced' && (
          <p className="readonly-note" id="scn-export-note" data-testid="scn-export-note">
            {t('scn.exportRepriced')}
          </p>
        )}
        {noRun && (
          <p className="readonly-note" id="scn-role-note" data-testid="scn-role-note">
            {noRun}
          </p>
        )}
        {error && <ErrorBanner shown={error} onClose={() => setError(null)} />}
        {large && (
          <div className="filter-bar" data-testid="scn-too-large">
            <button type="button" onClick={runAnyway} disabled={busy || noRun !== null} data-testid="scn-run-anyway">
              {t('scn.tooLarge.anyway')}
            </button>
            <span className="small muted">{t('scn.tooLarge.note')}</span>
          </div>
        )}
        {notice && !error && (
          <div className="banner banner-info" role="status" data-testid="scn-notice">
            {t(notice.key, notice.vars)}
          </div>
        )}

        {p && (busy || p.state === 'cancelled') && (
          <div className="scn-progress" data-testid="run-progress" data-state={p.state}>
            <progress max={100} value={pct} aria-label={t('scn.progress')} />
            <span className="small" data-testid="run-progress-text">
              {p.stage && p.stage.runsDone > 0
                ? t(p.stage.phase === 'replications' ? 'scn.progressReplication' : 'scn.progressSensitivity', { step: p.stage.step, of: p.stage.of, pct })
                : t('scn.progressText', { done: count(p.contractsDone, lang), total: count(p.contracts, lang), pct: Math.floor(first * 100) })}
              {p.stage && p.stage.runsDone === 0 && ` ${t('scn.progressFirstOf', { runs: p.stage.runs })}`}
            </span>
            {busy && (
              <button type="button" onClick={() => void run.cancel()} disabled={run.cancelling} data-testid="scn-cancel">
                {run.cancelling ? t('scn.cancelling') : t('action.cancel')}
              </button>
            )}
          </div>
        )}

        <div className="scn-body">
          {formOpen && runSize?.size && (
            <p
              className={runSize.size.contractMonths > runSize.limit ? 'banner banner-warning small' : 'small muted'}
              data-testid="scn-run-size"
              data-over={runSize.size.contractMonths > runSize.limit ? 'true' : 'false'}
            >
              {/* The sensitivity runs of a moved fleet size run at their own sizes, each named after the runs at the scenario's. */}
              {t(runSize.size.others.length ? 'scn.size.lineOthers' : 'scn.size.line', {
                contracts: count(runSize.size.contracts, lang),
                months: count(runSize.size.months, lang),
                runs: count(runSize.size.runs, lang),
                others: runSize.size.others
                  .map((o) => t('scn.size.other', { what: lang === 'ja' ? o.ja : o.en, contracts: count(o.contracts, lang), months: count(o.months, lang) }))
                  .join(' + '),
                size: count(runSize.size.contractMonths, lang),
                limit: count(runSize.limit, lang),
              })}
              {runSize.size.contractMonths > runSize.limit && <> {t(runSize.overrideAllowed ? 'scn.size.overAnyway' : 'scn.size.over')}</>}
            </p>
          )}
          {formOpen && form && choices && (
            <ScenarioFormView
              form={form}
              onChange={setForm}
              choices={choices}
              errorFields={errorFields}
              lines={editLines}
              disabled={busy}
            />
          )}
          {compare && <CompareView sides={compare} onClose={() => setCompare(null)} />}
          {summary?.last?.stale && result && <p className="banner banner-warning small">{t('scn.staleNote')}</p>}
          {result && priceMode && (
            <p className={priceMode.mode === 'repriced' ? 'badge badge-draft scn-price-mode' : 'badge scn-price-mode'} role="status" data-testid="scn-price-mode" data-mode={priceMode.mode}>
              {priceMode.mode === 'repriced' ? t('scn.mode.repriced', { ms: priceMode.ms }) : t('scn.mode.simulated')}
            </p>
          )}
          {result ? (
            <div ref={resultTop}>
              <ResultView view={result} />
            </div>
          ) : (
            !formOpen && <p className="muted">{t('scn.noResult')}</p>
          )}
        </div>
      </div>
    </div>
  );
}
