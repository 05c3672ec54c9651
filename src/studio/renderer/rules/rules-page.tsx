import { useCallback, useEffect, useMemo, useState, useRef } from 'react';
import { useLiveTick } from '../team/live-updates.js';
import type { RuleVersionDetail, RuleVersionSummary, WorkspaceInfo } from '../../api/contract.js';
import { useApi } from '../shell/api-context.js';
import { ErrorBanner, pageText, type PageText, type ShownError } from '../shell/error-banner.js';
import { useI18n } from '../i18n/i18n-context.js';
import { base64ToBlob, download } from '../tariffs/base64.js';
import { AuditView } from './audit-view.js';
import { CoverageView } from './coverage-view.js';
import { PublishRelease } from './publish-release.js';
import { DiffView } from './diff-view.js';
import { RegressionView } from './regression-view.js';
import { ReviewPanel } from './review-panel.js';
import { ChangesRequested } from '../versions/changes-requested.js';
import { confirmLeaving, useUnsavedEdits } from '../shell/unsaved-edits.js';
import { RuleView } from './rule-view.js';
import type { UnsavedRules } from './unsaved-rules.js';
import { VersionHeading, VersionList } from '../ui/version-list.js';
import { useForceNote } from '../versions/use-force-note.js';
import { versionInForceOn } from '../versions/force-note.js';
import { NewDraftDialog } from '../tariffs/new-draft-dialog.js';
import { useCallRefusal } from '../team/use-call-refusal.js';
import { ReloadingNote, useColleagueReload } from '../team/use-colleague-reload.js';
import { RuleSavesNote, RuleSavesProvider } from './rule-saves.js';
import { DECISIONS, type DecisionName } from '../../../engine/rule-types.js';
import { currentPlace, showPlace } from '../shell/place.js';

/** Legal review of rule versions: the version list, the rules with their clauses, diff, regression, review and approval, notice, audit log. */
type Tab = 'rules' | 'coverage' | 'diff' | 'regression' | 'review' | 'notice' | 'audit';
const TABS: Tab[] = ['rules', 'coverage', 'diff', 'regression', 'review', 'notice', 'audit'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The Rules page, its saves made one after the other (rule-saves.tsx). */
export function RulesPage({ info }: { info: WorkspaceInfo }) {
  return (
    <RuleSavesProvider>
      <RulesPageContent info={info} />
    </RuleSavesProvider>
  );
}

/** What the address names on the Rules page (shell/place.ts): `v` the version, `tab`, `d` the decision, `r` the rule, `interps=all` every interpretation listed. */
type RulesPlace = { version: number | null; tab: Tab | null; decision: DecisionName | null; rule: string | null; allInterps: boolean };
const rulesPlace = (): RulesPlace => {
  const { page, params } = currentPlace();
  if (page !== 'rules') return { version: null, tab: null, decision: null, rule: null, allInterps: false };
  const v = /^[1-9]\d*$/u.test(params.v ?? '') ? Number(params.v) : null;
  return {
    version: v,
    tab: (TABS as string[]).includes(params.tab ?? '') ? (params.tab as Tab) : null,
    decision: (DECISIONS as readonly string[]).includes(params.d ?? '') ? (params.d as DecisionName) : null,
    rule: params.r || null,
    allInterps: params.interps === 'all',
  };
};

function RulesPageContent({ info }: { info: WorkspaceInfo }) {
  const api = useApi();
  // A reload or a shared link opens the version, tab, decision and rule it names, not the version in force.
  const [linked] = useState(rulesPlace);
  const linkedVersion = useRef(linked.version);
  const [linkMissing, setLinkMissing] = useState<number | null>(null);
  const { t, lang } = useI18n();
  // On a team server only legal drafts rules: the others' buttons are disabled, with why.
  const refusal = useCallRefusal();
  const noDraft = refusal('rules.createDraft');
  const noRestore = refusal('lifecycle.restore');
  const [restoring, setRestoring] = useState(false);
  const [versions, setVersions] = useState<RuleVersionSummary[]>([]);
  const forceNotes = useForceNote(versions, info.today);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [detail, setDetail] = useState<RuleVersionDetail | null>(null);
  // Rule edits not yet saved, kept across reloads of the version (unsaved-rules.ts).
  const unsavedRules = useRef<UnsavedRules>(new Map()).current;
  // Closing, reloading or leaving the page with any of them asks first (shell/unsaved-edits.ts).
  useUnsavedEdits(() => unsavedRules.size > 0);
  const [tab, setTab] = useState<Tab>(linked.tab ?? 'rules');
  // The decision and rule open on the rules tab, kept here so another tab and back (and a reload) return to them.
  const [decision, setDecision] = useState<DecisionName>(linked.decision ?? 'approval');
  const [ruleId, setRuleId] = useState<string | null>(linked.rule);
  const [allInterps, setAllInterps] = useState(linked.allInterps);
  useEffect(() => {
    if (selectedId === null) return;
    showPlace({ page: 'rules', params: { v: String(selectedId), tab, d: decision, r: ruleId ?? '', interps: allInterps ? 'all' : '' } });
  }, [selectedId, tab, decision, ruleId, allInterps]);
  const [error, setError] = useState<ShownError | null>(null);
  // What the last review step did (submitted, approved, …), as the Tariff page's notice says it.
  const [note, setNote] = useState<PageText | null>(null);
  // The same dialog as the tariff page's (it was an inline form that Escape did not close).
  const [newDraft, setNewDraft] = useState(false);
  const [markdown, setMarkdown] = useState<string | null>(null);
  const [restored, setRestored] = useState<string | null>(null);
  // The review comment being typed: kept while another tab is open, for the version it was typed on.
  const [reviewComment, setReviewComment] = useState<{ id: number | null; comment: string }>({ id: null, comment: '' });
  const kept = useMemo(
    () => ({ comment: reviewComment.id === selectedId ? reviewComment.comment : '', setComment: (comment: string) => setReviewComment({ id: selectedId, comment }) }),
    [reviewComment, selectedId],
  );
  const showError = useCallback((e: unknown, lead?: PageText) => setError({ error: e, ...(lead ? { lead } : {}) }), []);

  const reload = useCallback(
    async (select?: number) => {
      const { versions: vs } = await api.rules.list({});
      setVersions(vs);
      // The version the address names, once: a draft discarded since is said, and the version in force opens.
      const named = linkedVersion.current;
      linkedVersion.current = null;
      const link = named !== null && vs.some((v) => v.id === named) ? named : undefined;
      if (named !== null && link === undefined) setLinkMissing(named);
      setSelectedId((cur) => select ?? cur ?? link ?? versionInForceOn(vs, info.today)?.id ?? vs.find((v) => v.status === 'approved')?.id ?? vs[0]?.id ?? null);
    },
    [api, info.today],
  );
  const liveTick = useLiveTick('rules');
  useEffect(() => {
    reload().catch((e: unknown) => showError(e));
  }, [reload, showError, liveTick]);
  // 「相手の変更を読み込む」 asked: the page says so until the version is read again (submitting waits), then says it is loaded and whose change it is.
  const colleagueReload = useColleagueReload();
  const { begin: reloadBegin, loaded: reloadLoaded, failed: reloadFailed } = colleagueReload;
  useEffect(() => {
    if (selectedId === null) return;
    let live = true;
    const asked = reloadBegin();
    api.rules.get({ id: selectedId }).then(
      (d) => {
        if (!live) return;
        setDetail(d);
        const loadedNote = reloadLoaded(asked, { changedBy: d.changedBy, revision: d.summary.revision });
        if (loadedNote) setNote(() => loadedNote);
      },
      (e: unknown) => {
        reloadFailed(asked);
        showError(e);
      },
    );
    return () => {
      live = false;
    };
  }, [api, selectedId, showError, liveTick, reloadBegin, reloadLoaded, reloadFailed]);
  // Someone else's change (or a reload asked for) makes the last step's notice old news, as on the Tariff page.
  useEffect(() => {
    if (liveTick) setNote(null);
  }, [liveTick]);
  useEffect(() => setMarkdown(null), [selectedId, detail?.summary.revision, detail?.summary.status]);
  // The notice is read on the page as soon as its tab opens: a reviewer reads it before exporting it (the call writes nothing).
  const noticeId = tab === 'notice' ? (detail?.summary.id ?? null) : null;
  useEffect(() => {
    if (noticeId === null) return;
    let live = true;
    api.rules.notice({ id: noticeId, format: 'md' }).then(
      (f) => live && setMarkdown(f.markdown),
      (e: unknown) => live && showError(e),
    );
    return () => {
      live = false;
    };
  }, [api, noticeId, detail?.summary.revision, detail?.summary.status, showError]);

  const updated = (d: RuleVersionDetail) => {
    setDetail(d);
    setError(null);
    void reload(d.summary.id);
  };
  const createDraft = async (effective: string, title: string) => {
    if (!detail) return;
    try {
      const d = await api.rules.createDraft({ from: detail.summary.id, effective, title });
      setNewDraft(false);
      setTab('rules');
      updated(d);
      setSelectedId(d.summary.id);
    } catch (e) {
      showError(e);
    }
  };
  const notice = async (format: 'md' | 'xlsx') => {
    if (!detail) return;
    try {
      const f = await api.rules.notice({ id: detail.summary.id, format });
      setMarkdown(f.markdown);
      download(base64ToBlob(f.contentBase64, format === 'md' ? 'text/markdown;charset=utf-8' : XLSX), f.fileName);
    } catch (e) {
      showError(e);
    }
  };
  const discard = async () => {
    if (!detail || !window.confirm(t('confirm.discard'))) return;
    try {
      await api.rules.discardDraft({ id: detail.summary.id });
      setSelectedId(null);
      setDetail(null);
      await reload(detail.base?.id);
    } catch (e) {
      showError(e);
    }
  };

  const s = detail?.summary;
  return (
    <div className="tariffs-page rules-page">
      <VersionList
        label={t('rules.versions')}
        versions={versions}
        selected={selectedId}
        onSelect={(id) => {
          if (id === selectedId || !confirmLeaving(t('unsaved.leave'))) return;
          unsavedRules.clear();
          colleagueReload.cancel();
          setSelectedId(id);
          setError(null);
          setNote(null);
          setRestored(null);
        }}
        testIdPrefix="rule-version-"
        notes={(v) => [...forceNotes(v), t('rules.author', { name: v.author }), ...(v.approvedBy ? [t('rules.approver', { name: v.approvedBy })] : [])]}
      />
      <section className="workarea">
        {!detail || !s ? (
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
                version={s}
                headingTestId="rule-version-heading"
                statusTestId="rule-version-status"
                sub={
                  // A long title cuts the line short (…): the whole of it, author and approver too, is in the tooltip.
                  <span className="muted small" title={[s.title, t('rules.author', { name: s.author }), s.approvedBy ? t('rules.approver', { name: s.approvedBy }) : ''].filter(Boolean).join(' · ')}>
                    {s.title ? `${s.title} · ` : ''}
                    {t('rules.author', { name: s.author })}
                    {s.approvedBy ? ` · ${t('rules.approver', { name: s.approvedBy })}` : ''}
                  </span>
                }
              />
              {/* A version in review is there to be reviewed: that is the main action, a new draft from it the secondary one. */}
              {s.status === 'in-review' && (
                <button type="button" className="primary" onClick={() => setTab('review')} data-testid="btn-rule-open-review">
                  {t('rules.openReview')}
                </button>
              )}
              {s.status !== 'draft' && (
                <button
                  type="button"
                  className={s.status === 'in-review' ? undefined : 'primary'}
                  disabled={noDraft !== null}
                  aria-describedby={noDraft ? 'rules-role-note' : undefined}
                  onClick={() => setNewDraft(true)}
                  data-testid="btn-rule-draft"
                >
                  {t('action.createDraft')}
                </button>
              )}
              {(s.status === 'approved' || s.status === 'superseded') && (
                <button type="button" onClick={() => setRestoring(true)} disabled={noRestore !== null} aria-describedby={noRestore ? 'rules-role-note' : undefined} data-testid="btn-rule-restore">
                  {t('tr.restore')}
                </button>
              )}
              <span className="toolbar-spacer" />
              {s.status === 'draft' && (
                <button type="button" className="danger" disabled={noDraft !== null} aria-describedby={noDraft ? 'rules-role-note' : undefined} onClick={() => void discard()} data-testid="btn-rule-discard">
                  {t('action.discard')}
                </button>
              )}
            </div>
            {noDraft ? (
              <p className="readonly-note" id="rules-role-note" data-testid="rules-role-note">
                {noDraft}
              </p>
            ) : (
              s.status !== 'draft' && <p className="readonly-note">{t('rules.frozen')}</p>
            )}
            <RuleSavesNote />
            {error && <ErrorBanner shown={error} onClose={() => setError(null)} onReload={colleagueReload.ask} />}
            <ReloadingNote reload={colleagueReload} testId="rules-reloading" />
            {note && (
              <div className="banner banner-ok" role="status" data-testid="rules-note">
                {pageText(note, t, lang)}
              </div>
            )}
            {linkMissing !== null && (
              <div className="banner banner-info small" role="status" data-testid="rules-link-missing">
                {t('rules.linkMissing', { id: linkMissing })}{' '}
                <button type="button" className="link-button" onClick={() => setLinkMissing(null)}>
                  {t('action.close')}
                </button>
              </div>
            )}
            {restored && (
              <div className="banner banner-ok" role="status" data-testid="rules-restored">
                {t('tr.restored', { date: restored })}
              </div>
            )}
            <ChangesRequested summary={s} steps={detail.reviews} testId="rule-changes-requested" />
            {/* A reviewer who opens the page (on the version in force) is led to what waits for a review, one click to its review tab. */}
            {versions.some((v) => v.status === 'in-review' && v.id !== s.id) && (
              <div className="banner banner-info small" role="status" data-testid="rules-waiting-review">
                {t('rules.waitingReview')}{' '}
                {versions
                  .filter((v) => v.status === 'in-review' && v.id !== s.id)
                  .map((v) => (
                    <button
                      key={v.id}
                      type="button"
                      className="link-button"
                      onClick={() => {
                        if (!confirmLeaving(t('unsaved.leave'))) return;
                        unsavedRules.clear();
                        setSelectedId(v.id);
                        setTab('review');
                        setError(null);
                        setNote(null);
                        setRestored(null);
                      }}
                      data-testid={`rules-waiting-${v.id}`}
                    >
                      {t('rules.waitingOpen', { date: v.effective, title: v.title || '—', author: v.author })}
                    </button>
                  ))}
              </div>
            )}
            <div className="tabs" role="tablist">
              {TABS.map((x) => (
                <button key={x} type="button" role="tab" aria-selected={tab === x} className={tab === x ? 'tab active' : 'tab'} onClick={() => setTab(x)} data-testid={`rules-tab-${x}`}>
                  {t(`rules.tab.${x}`)}
                  {x === 'rules' && detail.changedRules.length > 0 && <span className="tab-changes">{detail.changedRules.length}</span>}
                </button>
              ))}
            </div>
            <div className="rules-content">
              {tab === 'rules' && (
                <RuleView
                  detail={detail}
                  onChange={updated}
                  onError={showError}
                  unsaved={unsavedRules}
                  decision={decision}
                  ruleId={ruleId}
                  onPick={(d, r) => {
                    setDecision(d);
                    setRuleId(r);
                  }}
                  allInterps={allInterps}
                  onAllInterps={setAllInterps}
                />
              )}
              {tab === 'coverage' && <CoverageView key={`${s.id}-${s.revision}`} detail={detail} onError={showError} />}
              {tab === 'diff' && <DiffView key={s.id} detail={detail} versions={versions} onError={showError} />}
              {tab === 'regression' && <RegressionView key={s.id} detail={detail} onError={showError} />}
              {tab === 'review' && (
                <ReviewPanel
                  detail={detail}
                  onChange={updated}
                  onNotice={(text) => setNote(() => text)}
                  onError={showError}
                  onApproved={(d, sup) => {
                    updated(d);
                    // With more approvals required, one is counted and the version stays in review.
                    const effective = d.summary.effective;
                    setNote(() => (tr: typeof t) =>
                      d.summary.status === 'in-review'
                        ? tr('review.counted')
                        : sup
                          ? // Approved for a later date, the version it supersedes stays in force until then: say so beside "置換済み".
                            effective > info.today
                            ? tr('review.approvedScheduled', { date: sup.effective, effective })
                            : tr('review.approvedSuperseding', { date: sup.effective })
                          : tr('review.approved'),
                    );
                  }}
                  onOpen={setTab}
                  kept={kept}
                  loading={colleagueReload.reloading}
                />
              )}
              {tab === 'notice' && (
                <div className="notice-view">
                  <p className="muted small">{t('notice.help')}</p>
                  <div className="filter-bar">
                    <button type="button" onClick={() => void notice('md')} data-testid="notice-md">
                      {t('notice.markdown')}
                    </button>
                    <button type="button" onClick={() => void notice('xlsx')} data-testid="notice-xlsx">
                      {t('notice.excel')}
                    </button>
                  </div>
                  {/* Scrolled by keyboard too (tabIndex): a notice is longer than its box. */}
                  {markdown && (
                    <pre className="terms notice-preview" tabIndex={0} aria-label={t('rules.tab.notice')} data-testid="notice-preview">
                      {markdown}
                    </pre>
                  )}
                  <PublishRelease onError={showError} />
                </div>
              )}
              {tab === 'audit' && <AuditView onError={showError} />}
            </div>
          </>
        )}
      </section>
      {newDraft && s && (
        <NewDraftDialog
          from={s}
          suggested={info.suggestedDraftDate}
          today={info.today}
          testIds={{ dialog: 'rule-draft-form', effective: 'rule-draft-effective', title: 'rule-draft-title', create: 'rule-draft-create' }}
          onCancel={() => setNewDraft(false)}
          onCreate={(effective, title) => void createDraft(effective, title)}
        />
      )}
      {restoring && s && (
        // The tariff page's restore, for rules: a new draft holding this version, reviewed and approved like any other.
        <NewDraftDialog
          from={s}
          suggested={info.suggestedDraftDate}
          today={info.today}
          heading={t('tr.restoreTitle')}
          initialTitle={t('tr.restoreDefaultTitle', { date: s.effective })}
          help={t('tr.restoreHelp', { date: s.effective })}
          onCancel={() => setRestoring(false)}
          onCreate={(effective, title) => {
            api.lifecycle
              .restore({ kind: 'rules', from: s.id, effective, title })
              .then(async (r) => {
                setRestoring(false);
                setTab('rules');
                setError(null);
                await reload(r.id);
                setSelectedId(r.id);
                setRestored(s.effective);
              })
              .catch((e: unknown) => showError(e));
          }}
        />
      )}
    </div>
  );
}
