import { addDays, isIsoDate } from '../../engine/dates.js';
import { requireReviewerNotEditor } from './reviewer-not-editor.js';
import { countedApprovalSteps, withCountedApprovals } from '../workspace/counted-approvals.js';
import { decideFast } from '../../engine/decide.js';
import type { Registry } from '../../engine/registry.js';
import { caseFacts, runRegression, type RegressionCase, type Side } from '../../engine/review/regression.js';
import type { RuleVersion } from '../../engine/rule-types.js';
import type { TariffVersion } from '../../engine/tariff-types.js';
import { diffRuleVersions } from '../../engine/review/version-diff.js';
import { runSimulation } from '../../camera-sim/run-simulation.js';
import { buildNotice, noticeMarkdown, noticeWorkbook } from '../../io/change-notice.js';
import type { Handlers } from '../api/dispatcher.js';
import type { VersionRef } from '../api/contract.js';
import type { Issue } from '../../tariff-model/issue.js';
import { StudioError } from '../../tariff-model/studio-error.js';
import { diffTariff } from '../../tariff-model/tariff-diff.js';
import { checkStudioRun, defaultRunLimit, resolvedRunSize } from '../scenarios/run-limit.js';
import { defaultForm, resolveForm } from '../scenarios/scenario-form.js';
import { allRuleVersions, createRuleDraft, getRuleVersion, type StoredRuleVersion } from '../workspace/rule-store.js';
import { approveTogether, listTariffReviews, requestTariffChanges, ruleCompanion, submitTariffVersion, withdrawTariffVersion } from '../workspace/tariff-review-store.js';
import { requireReviewedRevision } from '../workspace/review-pin.js';
import { allTariffVersions, createTariffDraft, getTariffVersion, type StoredTariffVersion } from '../workspace/tariff-store.js';
import type { Workspace } from '../workspace/workspace.js';
import { failingCaseIssue, loadCases, requireReadableCases, workspaceRegistry } from './case-runs.js';
import { termsFor } from './rule-views.js';
import type { StudioContext } from './studio-context.js';
import { summaryOf } from './version-views.js';

/**
 * The `lifecycle` domain: tariff versions reviewed and approved as rule versions are (together
 * with the rule version of the same date: one change of the terms, one 第2条 notice), rolled back
 * by restoring an earlier version as a new draft, and seen by date (in force today, on a chosen
 * date, and the difference).
 */
const ref = (v: { id: number; effective: string; status: VersionRef['status']; title: string }): VersionRef => ({
  id: v.id,
  effective: v.effective,
  status: v.status,
  title: v.title,
});
const isApproved = (s: string): boolean => s === 'approved' || s === 'superseded';

/** The approved (or superseded) version of a list in force on `date`: the latest with an effective date on or before it. */
export function inForceOn<T extends { effective: string; status: string }>(all: readonly T[], date: string): T | undefined {
  let found: T | undefined;
  for (const v of [...all].sort((a, b) => (a.effective < b.effective ? -1 : a.effective > b.effective ? 1 : 0))) if (isApproved(v.status) && v.effective <= date) found = v;
  return found;
}

/** The rules a tariff version is answered with: the rule version of its date (any status but superseded), else the approved rules in force on its date, else the first approved. */
function rulesFor(ws: Workspace, t: StoredTariffVersion): StoredRuleVersion {
  const rules = allRuleVersions(ws);
  const found = ruleCompanion(ws, t.effective) ?? inForceOn(rules, t.effective) ?? rules.find((r) => isApproved(r.status));
  if (!found) throw new StudioError('NO_RULES', 'this workspace has no approved rule version', [], 'Create the workspace from a rules/ folder with an approved version.');
  return found;
}

/** What a tariff version is compared with: the approved tariff (and rules) in force the day before it takes effect, else its base. */
function baselineOf(ws: Workspace, t: StoredTariffVersion): { tariff: StoredTariffVersion; rules: StoredRuleVersion } | null {
  const day = addDays(t.effective, -1);
  const tariff = inForceOn(allTariffVersions(ws), day) ?? (t.basedOn !== null ? getTariffVersion(ws, t.basedOn) : undefined);
  if (!tariff || tariff.id === t.id) return null;
  const rules = inForceOn(allRuleVersions(ws), day) ?? rulesFor(ws, t);
  return { tariff, rules };
}

const expectsInvalid = (c: RegressionCase): boolean => (c.case?.expect as { outcome?: unknown } | undefined)?.outcome === 'invalid';

/** Cases answering `invalid` under a side (rules and tariff) that do not expect to. */
function failingUnder(registry: Registry, cases: RegressionCase[], side: { rules: RuleVersion; tariff: TariffVersion }, today: string) {
  return cases
    .filter((c) => !expectsInvalid(c))
    .map((c) => ({ c, out: decideFast(registry, c.case, { today, rules: side.rules, tariff: side.tariff }) }))
    .filter((x) => x.out.outcome === 'invalid')
    .map(({ c, out }) => ({
      file: c.file,
      index: c.index,
      name: typeof c.case?.name === 'string' ? c.case.name : `case ${c.index + 1}`,
      ...caseFacts(c.case),
      before: out,
      after: out,
      changedFields: [] as string[],
    }));
}

const caseIssues = (failing: ReturnType<typeof failingUnder>): Issue[] => failing.map((f) => failingCaseIssue(f.file, f.name, f.after));

/** Refuses the approval of a change of terms (a tariff version and its rule version of the same date) while any case answers invalid under it. */
export function checkCasesFor(ws: Workspace, side: { rules: RuleVersion; tariff: TariffVersion }, what: string, today: string): void {
  const { cases, unreadable } = loadCases(ws);
  requireReadableCases(unreadable, what);
  const failing = failingUnder(workspaceRegistry(ws), cases, side, today);
  if (failing.length)
    throw new StudioError(
      'APPROVAL_BLOCKED_BY_CASES',
      `${failing.length} case${failing.length === 1 ? '' : 's'} answer invalid under ${what}: ${failing[0]!.file} › ${failing[0]!.name}`,
      caseIssues(failing),
      'Nothing was approved. Withdraw the version to a draft and fix it (or the case files), then submit again.',
    );
}

/**
 * Approves a change of terms: the tariff version and the rule version of the same date (either
 * may be absent). A companion still in draft blocks it: both are reviewed together.
 */
export function approveChangeOfTerms(
  ctx: StudioContext,
  args: { primary: 'tariff' | 'rules'; tariff: StoredTariffVersion | null; rules: StoredRuleVersion | null; reviewer: string; comment: string },
) {
  const { tariff, rules } = args;
  const own = args.primary === 'tariff' ? tariff : rules;
  if (own && own.status !== 'in-review')
    throw new StudioError(
      'VERSION_NOT_IN_REVIEW',
      `${args.primary === 'tariff' ? 'tariff' : 'rule'} version ${own.effective} (#${own.id}) is ${own.status}: only a version in review can be approved`,
      [],
      'Submit the draft for review first.',
    );
  for (const v of [tariff, rules]) {
    if (v && v !== own && v.status === 'draft')
      throw new StudioError(
        'APPROVAL_COMPANION_NOT_SUBMITTED',
        `the ${v === tariff ? 'tariff' : 'rule'} version of ${v.effective} (#${v.id}) is still a draft: a rule version and a tariff version of the same date are one change of the terms, reviewed and approved together`,
        [],
        `Submit the ${v === tariff ? 'tariff' : 'rule'} draft of ${v.effective} for review (or discard it), then approve again.`,
      );
  }
  const tariffToApprove = tariff && tariff.status === 'in-review' ? tariff : null;
  const rulesToApprove = rules && rules.status === 'in-review' ? rules : null;
  if (tariffToApprove || rulesToApprove) {
    const t = tariff ?? inForceOn(allTariffVersions(ctx.ws), rules!.effective) ?? allTariffVersions(ctx.ws).find((x) => isApproved(x.status));
    const r = rules ?? rulesFor(ctx.ws, tariff!);
    if (t) checkCasesFor(ctx.ws, { rules: r.version, tariff: t.version }, `the change of terms of ${(tariff ?? rules)!.effective}`, ctx.today());
  }
  return approveTogether(ctx.ws, {
    tariffId: tariffToApprove?.id ?? (tariff && !rulesToApprove ? tariff.id : null),
    ruleId: rulesToApprove?.id ?? (rules && !tariffToApprove ? rules.id : null),
    reviewer: args.reviewer,
    comment: args.comment,
  });
}

const ruleKeys = (v: Pick<RuleVersion, 'decisions'>): Map<string, string> => {
  const m = new Map<string, string>();
  for (const [d, file] of Object.entries(v.decisions)) for (const r of file.rules) m.set(`${d}/${r.id}`, JSON.stringify(r));
  return m;
};

/** A tariff version's review steps, with the approvals counted among them. */
const reviewStepsOf = (ctx: StudioContext, id: number) =>
  withCountedApprovals(
    listTariffReviews(ctx.ws, id).map(({ step, reviewer, comment, at }) => ({ step, reviewer, comment, at })),
    countedApprovalSteps(ctx.ws, 'tariff', id),
  );

export const lifecycleHandlers = (ctx: StudioContext): Handlers['lifecycle'] => ({
  tariffReview: async ({ id }) => {
    const t = getTariffVersion(ctx.ws, id);
    const companion = ruleCompanion(ctx.ws, t.effective);
    const rules = rulesFor(ctx.ws, t);
    const base = baselineOf(ctx.ws, t);
    const { cases, unreadable } = loadCases(ctx.ws);
    const registry = workspaceRegistry(ctx.ws);
    const after: Side = { rules: rules.version, tariff: t.version };
    const report = base
      ? await runRegression(registry, cases, { rules: base.rules.version, tariff: base.tariff.version }, after, ctx.today())
      : { total: cases.length, changed: [], invalidAfter: [] };
    const failing = failingUnder(registry, cases, { rules: rules.version, tariff: t.version }, ctx.today());
    const known = [...report.changed, ...report.invalidAfter];
    return {
      summary: summaryOf(t),
      reviews: reviewStepsOf(ctx, id),
      companion: companion ? ref(companion) : null,
      baseline: base ? ref(base.tariff) : null,
      total: report.total,
      changed: report.changed,
      failing: failing.map((f) => known.find((c) => c.file === f.file && c.index === f.index) ?? f),
      unreadable,
    };
  },

  fleetImpact: async ({ id, fleetSize }) => {
    const t = getTariffVersion(ctx.ws, id);
    const base = baselineOf(ctx.ws, t);
    const form = defaultForm(ctx.ws, ctx.today());
    const empty = { fleetSize, months: form.horizon.months, start: form.horizon.start, baseline: 0, proposal: 0, difference: 0 };
    if (!base) return { ...empty, problem: 'no approved tariff is in force before this version: there is nothing to compare with' };
    const companion = ruleCompanion(ctx.ws, t.effective);
    const scenario = {
      ...form,
      name: `review of tariff ${t.effective}`,
      fleet: { ...form.fleet, size: fleetSize },
      baseline: { tariffVersionId: base.tariff.id, ruleVersionId: base.rules.id, edits: [] },
      proposal: { tariffVersionId: t.id, ruleVersionId: companion?.id ?? base.rules.id, edits: [] },
    };
    try {
      const rs = resolveForm(ctx.ws, scenario);
      // Held to the run-size limit like every simulator run of the studio (scenarios/run-limit.ts); a refusal is the answer's problem.
      checkStudioRun(resolvedRunSize(rs), { maxContractMonths: (ctx.runLimit ?? defaultRunLimit(true)).maxContractMonths, overrideAllowed: false });
      const result = await runSimulation(rs, { workers: 0 });
      const net = (s: typeof result.baseline): number => s.amounts.reduce((sum, a) => sum + a.amount, 0);
      const [b, p] = [net(result.baseline), net(result.proposal)];
      return { ...empty, baseline: b, proposal: p, difference: p - b, problem: null };
    } catch (e) {
      if (e instanceof StudioError && e.code === 'RUN_TOO_LARGE') return { ...empty, problem: `the example scenario was not run: ${e.message}. Choose a smaller fleet size.` };
      const issues = e instanceof StudioError ? e.issues.map((i) => i.message).join('; ') : '';
      return { ...empty, problem: `the example scenario does not run under this version: ${(e as Error).message}${issues ? ` (${issues})` : ''}` };
    }
  },

  submitTariff: ({ id, revision, comment }) => summaryOf(submitTariffVersion(ctx.ws, { id, revision, comment })),
  withdrawTariff: ({ id, comment }) => summaryOf(withdrawTariffVersion(ctx.ws, { id, comment })),
  requestTariffChanges: ({ id, revision, comment }) => summaryOf(requestTariffChanges(ctx.ws, { id, revision, comment })),
  reviewSteps: ({ id }) => {
    getTariffVersion(ctx.ws, id);
    return { steps: reviewStepsOf(ctx, id) };
  },

  approveTariff: ({ id, revision, reviewer, comment }) => {
    const t = getTariffVersion(ctx.ws, id);
    requireReviewedRevision('tariff', t, revision);
    const rules = ruleCompanion(ctx.ws, t.effective) ?? null;
    requireReviewerNotEditor(
      ctx.ws,
      [
        { kind: 'tariff', id: t.id, effective: t.effective },
        ...(rules && rules.status !== 'approved' ? [{ kind: 'rule' as const, id: rules.id, effective: rules.effective }] : []),
      ],
      reviewer,
    );
    const r = approveChangeOfTerms(ctx, { primary: 'tariff', tariff: t, rules, reviewer, comment });
    if (!r.tariff) throw new StudioError('VERSION_NOT_IN_REVIEW', `tariff version ${t.effective} is ${t.status}`, [], 'Submit the draft for review first.');
    return {
      approved: summaryOf(r.tariff),
      superseded: r.supersededTariff ? summaryOf(r.supersededTariff) : null,
      rules: r.rules ? ref(r.rules) : null,
      rulesSuperseded: r.supersededRules ? ref(r.supersededRules) : null,
    };
  },

  restore: ({ kind, from, effective, title }) => {
    if (kind === 'tariff') {
      const src = getTariffVersion(ctx.ws, from);
      const d = createTariffDraft(ctx.ws, {
        from,
        effective,
        title: title || `restore of ${src.effective}`,
        audit: { action: 'tariff.draft.restored', detail: { restoredFrom: { id: src.id, effective: src.effective, status: src.status } } },
      });
      return ref(d);
    }
    const src = getRuleVersion(ctx.ws, from);
    return ref(createRuleDraft(ctx.ws, { from, effective, title: title || `restore of ${src.effective}`, action: 'rule.draft.restored' }));
  },

  inForce: ({ date }) => {
    // The schema checks the shape only: 2023-02-29 or 9999-99-99 was answered as if it were a day.
    if (!isIsoDate(date))
      throw new StudioError(
        'BAD_DATE',
        `/date: "${date}" is not a calendar date`,
        [{ severity: 'error', code: 'BAD_DATE', field: '/date', message: `"${date}" is not a calendar date` }],
        'Give the date as YYYY-MM-DD, a day that exists.',
      );
    const today = ctx.today();
    const tariffs = allTariffVersions(ctx.ws);
    const rules = allRuleVersions(ctx.ws);
    const [tNow, tThen] = [inForceOn(tariffs, today), inForceOn(tariffs, date)];
    const [rNow, rThen] = [inForceOn(rules, today), inForceOn(rules, date)];
    const tariffChanges = tNow && tThen ? diffTariff(tNow.version, tThen.version) : [];
    const ruleChanges: { key: string; kind: 'added' | 'removed' | 'changed' }[] = [];
    if (rNow && rThen) {
      const [a, b] = [ruleKeys(rNow.version), ruleKeys(rThen.version)];
      for (const [k, v] of b)
        if (!a.has(k)) ruleChanges.push({ key: k, kind: 'added' });
        else if (a.get(k) !== v) ruleChanges.push({ key: k, kind: 'changed' });
      for (const k of a.keys()) if (!b.has(k)) ruleChanges.push({ key: k, kind: 'removed' });
      for (const p of diffRuleVersions(rNow.version, rThen.version).parameters) ruleChanges.push({ key: `parameter ${p.name}`, kind: 'changed' });
    }
    const scheduled = [
      ...tariffs.filter((v) => v.effective > today && (v.status === 'approved' || v.status === 'in-review')).map((v) => ({ ...ref(v), kind: 'tariff' as const })),
      ...rules.filter((v) => v.effective > today && (v.status === 'approved' || v.status === 'in-review')).map((v) => ({ ...ref(v), kind: 'rules' as const })),
    ].sort((a, b) => (a.effective < b.effective ? -1 : a.effective > b.effective ? 1 : 0));
    const opt = (v: Parameters<typeof ref>[0] | undefined) => (v ? ref(v) : null);
    return { today, date, tariffToday: opt(tNow), tariffOnDate: opt(tThen), rulesToday: opt(rNow), rulesOnDate: opt(rThen), tariffChanges, ruleChanges, scheduled };
  },

  tariffNotice: async ({ id, format }) => {
    const t = getTariffVersion(ctx.ws, id);
    const base = baselineOf(ctx.ws, t);
    if (!base) throw new StudioError('NO_TARIFF', `no approved tariff is in force before ${t.effective}: there is no change to notify`);
    const rules = rulesFor(ctx.ws, t);
    const notice = buildNotice({
      effective: t.effective,
      before: { rules: base.rules.version, tariff: base.tariff.version },
      after: { rules: rules.version, tariff: t.version },
      terms: termsFor(ctx.ws, t.effective),
    });
    const markdown = noticeMarkdown(notice);
    const stem = `notice-${t.effective}${t.status === 'approved' ? '' : `-${t.status}-tariff-${t.id}`}`;
    if (format === 'md') return { fileName: `${stem}.md`, contentBase64: Buffer.from(markdown, 'utf8').toString('base64'), markdown };
    const buf = Buffer.from(await (await noticeWorkbook(notice)).xlsx.writeBuffer());
    return { fileName: `${stem}.xlsx`, contentBase64: buf.toString('base64'), markdown };
  },
});
