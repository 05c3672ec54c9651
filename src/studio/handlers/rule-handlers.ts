import { addDays } from '../../engine/dates.js';
import { caseFacts, runRegression } from '../../engine/review/regression.js';
import type { RuleVersion } from '../../engine/rule-types.js';
import { diffRuleVersions, diffTariffVersions } from '../../engine/review/version-diff.js';
import { auditHead } from '../workspace/audit-anchor.js';
import { currentUser } from '../team/request-user.js';
import { requireReviewerNotEditor } from './reviewer-not-editor.js';
import { buildNotice, noticeMarkdown, noticeWorkbook } from '../../io/change-notice.js';
import type { Handlers } from '../api/dispatcher.js';
import type { RegressionView } from '../api/contract.js';
import type { Issue } from '../../tariff-model/issue.js';
import { StudioError } from '../../tariff-model/studio-error.js';
import { quoteIssues } from '../../tariff-model/quote-check.js';
import {
  approvedRulesInForce,
  approveRuleVersion,
  createRuleDraft,
  discardRuleDraft,
  getRuleVersion,
  listRuleVersions,
  saveRuleDraft,
  submitRuleVersion,
  withdrawRuleVersion,
  requestRuleChanges,
  type StoredRuleVersion,
} from '../workspace/rule-store.js';
import { allTariffVersions, getTariffVersion } from '../workspace/tariff-store.js';
import { publishRelease } from '../workspace/release-source.js';
import { EDIT_ONLY_DRAFTS, requireStatus } from '../workspace/version-drafts.js';
import type { Workspace } from '../workspace/workspace.js';
import { approveChangeOfTerms } from './lifecycle-handlers.js';
import { tariffCompanion } from '../workspace/tariff-review-store.js';
import {
  checkNewCaseFolder,
  describeFolders,
  failingCaseIssue,
  failingCases,
  loadCases,
  requireReadableCases,
  setUserCaseFolders,
  userCaseFolders,
  workspaceRegistry,
} from './case-runs.js';
import { asDecision, checkRuleEdit, sentences } from './rule-checks.js';
import { clauseTexts, coverageOf, ruleDetailOf, ruleSummaryOf, termsFor } from './rule-views.js';
import { caseFolderFor } from './case-roots.js';
import { requireReviewedRevision } from '../workspace/review-pin.js';
import type { StudioContext } from './studio-context.js';
import { createRegressionMemo, regressionKey } from './regression-memo.js';

/**
 * Legal review of rule versions: drafts and their rule edits, interpretations switched per
 * draft, diffs, regression over the case files, submission, approval and the change notice.
 */
const baseOf = (ws: Workspace, v: StoredRuleVersion): StoredRuleVersion | undefined => (v.basedOn !== null ? getRuleVersion(ws, v.basedOn) : undefined);

/** What a version is compared with: the approved version in force the day before it takes effect (else its base, else the first approved). */
function baselineOf(ws: Workspace, v: StoredRuleVersion): StoredRuleVersion {
  const inForce = approvedRulesInForce(ws, addDays(v.effective, -1));
  if (inForce && inForce.id !== v.id) return inForce;
  const base = baseOf(ws, v);
  if (base) return base;
  const first = listRuleVersions(ws)
    .filter((r) => r.status === 'approved' || r.status === 'superseded')
    .pop();
  if (!first) throw new StudioError('NO_RULES', 'this workspace has no approved rule version to compare with');
  return getRuleVersion(ws, first.id);
}

const caseIssues = (failing: { file: string; name: string; output: { errors?: { path: string; message: string; code?: string }[] } }[]): Issue[] =>
  failing.map((f) => failingCaseIssue(f.file, f.name, f.output));

/** The tariffs a notice compares: the approved one in force before the rule version, and the one of its own date (else the same). */
function tariffsAround(ws: Workspace, effective: string) {
  const all = allTariffVersions(ws);
  const approved = all.filter((t) => t.status !== 'draft');
  let before = approved[0];
  for (const t of approved) if (t.effective < effective) before = t;
  const same = all.filter((t) => t.effective === effective).sort((a, b) => (a.status === 'draft' ? 1 : 0) - (b.status === 'draft' ? 1 : 0))[0];
  return { before, after: same ?? before };
}

export const ruleHandlers = (ctx: StudioContext): Handlers['rules'] => {
  const regressions = createRegressionMemo<RegressionView>();
  return {
    list: () => ({ versions: listRuleVersions(ctx.ws).map(ruleSummaryOf) }),
    get: ({ id }) => ruleDetailOf(ctx.ws, id),
    createDraft: ({ from, effective, title }) => ruleDetailOf(ctx.ws, createRuleDraft(ctx.ws, { from, effective, title }).id),

    checkRule: ({ id, decision, ruleId, ruleJson }) => {
      const v = getRuleVersion(ctx.ws, id);
      const checked = checkRuleEdit(v.version, baseOf(ctx.ws, v)?.version, decision, ruleId, ruleJson);
      if (checked.rule) checked.issues.push(...quoteIssues(termsFor(ctx.ws, v.effective), checked.rule.clause, checked.rule.quote));
      return { issues: checked.issues, sentence: checked.rule ? sentences(checked.rule, asDecision(decision)) : null };
    },

    saveRule: ({ id, revision, decision, ruleId, ruleJson }) => {
      const v = getRuleVersion(ctx.ws, id);
      requireStatus('rule', v, 'draft', 'edited', EDIT_ONLY_DRAFTS);
      const checked = checkRuleEdit(v.version, baseOf(ctx.ws, v)?.version, decision, ruleId, ruleJson);
      if (checked.rule) checked.issues.push(...quoteIssues(termsFor(ctx.ws, v.effective), checked.rule.clause, checked.rule.quote));
      const errors = checked.issues.filter((i) => i.severity === 'error');
      if (errors.length || !checked.next || !checked.rule)
        throw new StudioError(
          'RULE_INVALID',
          `the rule ${ruleId} was not saved: ${errors[0]?.message ?? 'it does not check'}`,
          checked.issues,
          'Nothing was saved. Correct the rule (each issue names where) and save again.',
        );
      if (JSON.stringify(checked.before) === JSON.stringify(checked.rule)) return ruleDetailOf(ctx.ws, id);
      saveRuleDraft(ctx.ws, { id, revision, version: checked.next, action: 'rule.edited', before: { decision, rule: checked.before }, after: { decision, rule: checked.rule } });
      return ruleDetailOf(ctx.ws, id);
    },

    setInterpretation: ({ id, revision, name, value }) => {
      const v = getRuleVersion(ctx.ws, id);
      const cur = v.version.interpretations.find((i) => i.name === name);
      if (!cur) throw new StudioError('UNKNOWN_INTERPRETATION', `rule version ${v.effective} has no interpretation "${name}"`, [], 'Reload the version.');
      if (cur.default === value) return ruleDetailOf(ctx.ws, id);
      const alt = cur.alternatives.find((a) => a.value === value);
      if (!alt)
        throw new StudioError(
          'UNKNOWN_INTERPRETATION_VALUE',
          `interpretation ${name} has no value "${value}"`,
          [],
          `Use one of ${[cur.default, ...cur.alternatives.map((a) => a.value)].join(', ')}.`,
        );
      const next = {
        ...cur,
        default: alt.value,
        defaultDescription: alt.description,
        ...(alt.aliases ? { defaultAliases: alt.aliases } : {}),
        alternatives: [
          ...cur.alternatives.filter((a) => a !== alt),
          { value: cur.default, description: cur.defaultDescription, ...(cur.defaultAliases ? { aliases: cur.defaultAliases } : {}) },
        ],
      };
      if (!alt.aliases) delete (next as { defaultAliases?: string[] }).defaultAliases;
      const interpretations = v.version.interpretations.map((i) => (i.name === name ? next : i));
      saveRuleDraft(ctx.ws, {
        id,
        revision,
        version: { decisions: v.version.decisions, interpretations },
        action: 'rule.interpretation.switched',
        before: { name, value: cur.default },
        after: { name, value },
      });
      return ruleDetailOf(ctx.ws, id);
    },

    discardDraft: ({ id }) => {
      discardRuleDraft(ctx.ws, id);
      return { discarded: id };
    },

    submit: ({ id, revision, comment }) => ruleDetailOf(ctx.ws, submitRuleVersion(ctx.ws, { id, revision, comment }).id),
    withdraw: ({ id, comment }) => ruleDetailOf(ctx.ws, withdrawRuleVersion(ctx.ws, { id, comment }).id),
    requestChanges: ({ id, revision, comment }) => ruleDetailOf(ctx.ws, requestRuleChanges(ctx.ws, { id, revision, comment }).id),

    approve: ({ id, revision, reviewer, comment }) => {
      const v = getRuleVersion(ctx.ws, id);
      requireReviewedRevision('rule', v, revision);
      const tariff = tariffCompanion(ctx.ws, v.effective) ?? null;
      requireReviewerNotEditor(
        ctx.ws,
        [
          { kind: 'rule', id: v.id, effective: v.effective },
          ...(tariff && tariff.status !== 'approved' ? [{ kind: 'tariff' as const, id: tariff.id, effective: tariff.effective }] : []),
        ],
        reviewer,
      );
      if (tariff && tariff.status !== 'approved') {
        // One change of the terms: the tariff version of the same date is approved with it (docs/studio.md, Review).
        const r = approveChangeOfTerms(ctx, { primary: 'rules', tariff, rules: v, reviewer, comment });
        if (!r.rules) throw new StudioError('VERSION_NOT_IN_REVIEW', `rule version ${v.effective} is ${v.status}`, [], 'Submit the draft for review first.');
        return { approved: ruleDetailOf(ctx.ws, r.rules.id), superseded: r.supersededRules ? ruleSummaryOf(r.supersededRules) : null };
      }
      if (v.status === 'in-review') {
        // The version is frozen while in review, so what is checked here is what gets approved.
        const { cases, unreadable } = loadCases(ctx.ws);
        requireReadableCases(unreadable, `rule version ${v.effective}`);
        const failing = failingCases(workspaceRegistry(ctx.ws), cases, v.version, ctx.today());
        if (failing.length)
          throw new StudioError(
            'APPROVAL_BLOCKED_BY_CASES',
            `${failing.length} case${failing.length === 1 ? '' : 's'} answer invalid under rule version ${v.effective}: ${failing[0]!.file} › ${failing[0]!.name}`,
            caseIssues(failing),
            'Nothing was approved. Withdraw the version to a draft and fix the rules (or the case files), then submit again.',
          );
      }
      const r = approveRuleVersion(ctx.ws, { id, reviewer, comment });
      return { approved: ruleDetailOf(ctx.ws, r.approved.id), superseded: r.superseded ? ruleSummaryOf(r.superseded) : null };
    },

    diff: ({ from, to, tariffFrom, tariffTo }) => {
      const a = getRuleVersion(ctx.ws, from);
      const b = getRuleVersion(ctx.ws, to);
      const d = diffRuleVersions(a.version, b.version);
      if ((tariffFrom === null) !== (tariffTo === null))
        throw new StudioError('DIFF_TARIFF_PAIR', 'give both tariff versions to compare, or neither', [], 'Pick a tariff version on each side, or clear both.');
      const tariffs = tariffFrom !== null && tariffTo !== null ? diffTariffVersions(getTariffVersion(ctx.ws, tariffFrom).version, getTariffVersion(ctx.ws, tariffTo).version) : [];
      const clauses = [
        ...d.rules.flatMap((r) => [r.clause, ...(r.after?.alsoCites ?? []), ...(r.before?.alsoCites ?? [])]),
        ...d.parameters.map((p) => p.clause),
        ...d.interpretations.flatMap((i) => (i.after ?? i.before)!.clauses),
      ];
      return { ...d, tariffs, clauseTexts: clauseTexts(termsFor(ctx.ws, b.effective), clauses), from: ruleSummaryOf(a), to: ruleSummaryOf(b) };
    },

    regression: async ({ id }) => {
      const v = getRuleVersion(ctx.ws, id);
      const baseline = baselineOf(ctx.ws, v);
      const { cases, folders, unreadable } = loadCases(ctx.ws);
      const today = ctx.today();
      // The same regression asked again (another page, a live reload) with nothing changed is answered from the last run.
      const key = regressionKey(ctx.ws, {
        version: { id: v.id, revision: v.revision },
        baseline: { id: baseline.id, revision: baseline.revision },
        today,
        cases,
        folders,
        unreadable,
      });
      return regressions.get(key, async () => {
        const registry = workspaceRegistry(ctx.ws);
        const report = await runRegression(registry, cases, { rules: baseline.version }, { rules: v.version }, today);
        const failing = failingCases(registry, cases, v.version, today);
        const failingKeys = new Set(failing.map((f) => `${f.file}#${f.index}`));
        const all = [...report.changed, ...report.invalidAfter];
        const failingChanges = failing.map(
          (f) =>
            all.find((c) => c.file === f.file && c.index === f.index) ?? {
              file: f.file,
              index: f.index,
              name: f.name,
              ...caseFacts(f.case),
              before: f.output,
              after: f.output,
              changedFields: [],
            },
        );
        return {
          version: ruleSummaryOf(v),
          baseline: ruleSummaryOf(baseline),
          folders,
          total: report.total,
          changed: report.changed,
          failing: failingChanges.filter((c) => failingKeys.has(`${c.file}#${c.index}`)),
          unreadable,
        };
      });
    },

    coverage: ({ id }) => coverageOf(ctx.ws, id),
    caseFolders: () => ({ folders: describeFolders(ctx.ws) }),
    setCaseFolders: ({ folders }) => {
      const paths = folders.map((f, i) => caseFolderFor(ctx, f, `/folders/${i}`));
      // A folder being added is read now (within the walk's limits), so a folder such as / is refused where it was typed; one kept from before is left as it is.
      const before = new Set(userCaseFolders(ctx.ws));
      paths.forEach((p, i) => {
        if (!before.has(p)) checkNewCaseFolder(p, `/folders/${i}`);
      });
      setUserCaseFolders(ctx.ws, paths);
      return { folders: describeFolders(ctx.ws) };
    },

    publishRelease: ({ publisher }) => {
      // On a team server the publisher is the signed-in user, whatever the page sent (as the reviewer of an approval).
      const r = publishRelease(ctx.ws, currentUser()?.name ?? publisher);
      const text = `${JSON.stringify(r, null, 2)}\n`;
      return {
        fileName: `release-${r.id}.json`,
        contentBase64: Buffer.from(text, 'utf8').toString('base64'),
        id: r.id,
        sha256: r.sha256,
        versions: r.content.manifest.versions.length,
        packed: r.content.manifest.versions.map((v) => ({ kind: v.kind, effective: v.effective, status: v.status })),
        auditHead: r.content.manifest.auditHead ?? '',
      };
    },

    notice: async ({ id, format }) => {
      const v = getRuleVersion(ctx.ws, id);
      const baseline = baselineOf(ctx.ws, v);
      const t = tariffsAround(ctx.ws, v.effective);
      if (!t.before || !t.after) throw new StudioError('NO_TARIFF', 'this workspace has no approved tariff version to price the notice from');
      const beforeRules: RuleVersion = baseline.version;
      const terms = termsFor(ctx.ws, v.effective);
      const notice = {
        ...buildNotice({ effective: v.effective, before: { rules: beforeRules, tariff: t.before.version }, after: { rules: v.version, tariff: t.after.version }, terms }),
        audit: auditHead(ctx.ws),
      };
      const markdown = noticeMarkdown(notice);
      const stem = `notice-${v.effective}${v.status === 'approved' ? '' : `-${v.status}-${v.id}`}`;
      if (format === 'md') return { fileName: `${stem}.md`, contentBase64: Buffer.from(markdown, 'utf8').toString('base64'), markdown };
      const buf = Buffer.from(await (await noticeWorkbook(notice)).xlsx.writeBuffer());
      return { fileName: `${stem}.xlsx`, contentBase64: buf.toString('base64'), markdown };
    },
  };
};
