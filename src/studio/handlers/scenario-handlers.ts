import type { ScenarioForm } from '../api/contract.js';
import type { Handlers } from '../api/dispatcher.js';
import { StudioError } from '../../tariff-model/studio-error.js';
import { repriceForm } from '../scenarios/reprice-form.js';
import { defaultForm, describeForm, resolveForm, scenarioOfForm, versionsKey } from '../scenarios/scenario-form.js';
import { scenarioFileName, scenarioWorkbook } from '../scenarios/scenario-export.js';
import { ScenarioRuns } from '../scenarios/scenario-runs.js';
import { checkStudioRun, defaultRunLimit, limitOf, resolvedRunSize, scenarioRunSize } from '../scenarios/run-limit.js';
import { runView, scenarioSummary } from '../scenarios/run-view.js';
import type { StoredRun } from '../scenarios/stored-run.js';
import { allRuleVersions } from '../workspace/rule-store.js';
import { deleteScenario, getScenario, listScenarios, saveScenario, saveScenarioResult } from '../workspace/scenario-store.js';
import { allTariffVersions, listTariffVersions } from '../workspace/tariff-store.js';
import type { StudioContext } from './studio-context.js';
import { summaryOf } from './version-views.js';

/**
 * Finance's scenarios: a form checked by the simulator's loader, saved in the workspace, run in
 * worker threads with progress and cancel, its last result kept for re-runs, comparison and the
 * workbook. `runs` is the run registry (tests pass one with a fixed number of workers). A run and
 * a re-price are held to the run-size limit before any work starts (scenarios/run-limit.ts).
 */
export const scenarioHandlers = (ctx: StudioContext, runs?: ScenarioRuns): Handlers['scenarios'] => {
  const limit = ctx.runLimit ?? defaultRunLimit(true);
  // Who started each run (the workspace's actor of the run call), told with its result when it finished.
  const startedBy = new Map<string, string>();
  const registry =
    runs ??
    new ScenarioRuns({
      onFinished: (run, stored) => {
        saveScenarioResult(ctx.ws, run.scenarioId, stored, { seed: stored.result.scenario.seed, fleetSize: stored.result.scenario.fleetSize, elapsedMs: stored.elapsedMs });
        const by = startedBy.get(run.runId) ?? ctx.ws.actor;
        startedBy.delete(run.runId);
        ctx.onRunFinished?.(run.scenarioId, by);
      },
    });
  const save = (id: number | null, form: ScenarioForm, revision?: number) => {
    resolveForm(ctx.ws, form);
    if (id !== null) getScenario(ctx.ws, id);
    return saveScenario(ctx.ws, id, form, revision);
  };
  const summary = (id: number) => {
    const s = getScenario<StoredRun>(ctx.ws, id);
    return scenarioSummary(s, s.lastResult);
  };
  return {
    choices: () => {
      const approved = allTariffVersions(ctx.ws).filter((t) => t.status === 'approved');
      const today = ctx.today();
      const inForce = approved.filter((t) => t.effective <= today).pop() ?? approved[0];
      const approvedRules = allRuleVersions(ctx.ws).filter((r) => r.status === 'approved' || r.status === 'superseded');
      const rulesInForce = (approvedRules.filter((r) => r.effective <= today).pop() ?? approvedRules[0])?.version;
      return {
        tariffs: listTariffVersions(ctx.ws).map(summaryOf),
        rules: allRuleVersions(ctx.ws)
          .reverse()
          .map((r) => ({ id: r.id, effective: r.effective, status: r.status, title: r.title })),
        courses: (inForce?.version.courses ?? []).map((c) => ({ code: c.code, name: c.name, series: c.series, termMonths: c.termMonths, monthlyFee: c.monthlyFee, row: c })),
        options: (inForce?.version.options ?? []).map((o) => ({
          code: o.code,
          name: o.name,
          price: o.price.kind === 'flat' ? { kind: 'flat' as const, amounts: { '': o.price.amount } } : { kind: o.price.kind, amounts: { ...o.price.amounts } },
        })),
        initialFeeGroups: (inForce?.version.initialFeeGroups ?? []).map((g) => ({ group: g.group, amount: g.amount })),
        policies: (inForce?.version.policies ?? []).map((p) => ({ id: p.id, kind: p.kind })),
        interpretations: (rulesInForce?.interpretations ?? []).map((d) => ({ name: d.name, default: d.default, values: [d.default, ...d.alternatives.map((a) => a.value)] })),
        parameters: Object.entries(rulesInForce?.decisions ?? {}).flatMap(([decision, file]) =>
          Object.entries(file.parameters ?? {}).map(([parameter, p]) => ({ decision, parameter, value: p.value })),
        ),
        defaultForm: defaultForm(ctx.ws, today),
      };
    },
    list: () => ({ scenarios: listScenarios<StoredRun>(ctx.ws).map((s) => scenarioSummary(s, s.lastResult)) }),
    get: ({ id }) => {
      const s = getScenario<StoredRun>(ctx.ws, id);
      const last = s.lastResult;
      // A run kept before its edits were kept as lines: while the form is the one it ran, its lines are the form's.
      const withLines = last && !last.editLines && last.formRevision === s.revision ? { ...last, editLines: describeForm(ctx.ws, s.form) } : last;
      return { summary: scenarioSummary(s, last), form: s.form, result: withLines ? runView(withLines) : null };
    },
    save: ({ id, form, revision }) => summary(save(id, form, revision).id),
    delete: ({ id }) => {
      deleteScenario(ctx.ws, id);
      registry.forget(id);
      return { deleted: id };
    },
    run: ({ id, form, revision, maxContractMonths }) => {
      const rs = resolveForm(ctx.ws, form);
      if (id !== null) getScenario(ctx.ws, id);
      // Refused before the form is saved: a run that cannot start changes nothing.
      registry.assertIdle();
      checkStudioRun(resolvedRunSize(rs), limit, maxContractMonths);
      const rec = saveScenario(ctx.ws, id, form, revision);
      const run = registry.start(rs, rec.id, rec.revision, versionsKey(ctx.ws, form), describeForm(ctx.ws, form), limitOf(limit, maxContractMonths));
      // One run at a time: only this one's starter is kept (a cancelled or failed run's is let go here).
      startedBy.clear();
      startedBy.set(run.runId, ctx.ws.actor);
      return { runId: run.runId, scenario: summary(rec.id) };
    },
    reprice: ({ id, form }) => {
      getScenario(ctx.ws, id);
      return repriceForm(registry.cached(id), resolveForm(ctx.ws, form), versionsKey(ctx.ws, form), describeForm(ctx.ws, form), limit);
    },
    describeEdits: ({ form }) => describeForm(ctx.ws, form),
    runSize: ({ form }) => {
      let size: ReturnType<typeof scenarioRunSize>;
      try {
        size = scenarioRunSize(scenarioOfForm(ctx.ws, form).scenario);
      } catch {
        // A form too broken to size (saving or running names its fields).
        size = undefined;
      }
      return { size: size ?? null, limit: limit.maxContractMonths, overrideAllowed: limit.overrideAllowed };
    },
    progress: ({ runId }) => registry.progress(runId),
    cancel: ({ runId }) => registry.cancel(runId),
    export: async ({ id }) => {
      const s = getScenario<StoredRun>(ctx.ws, id);
      if (!s.lastResult) throw new StudioError('SCENARIO_NOT_RUN', `scenario "${s.name}" has not been run yet`, [], 'Run it first; the workbook holds the last run.');
      // Named after the run the workbook holds: the form may have been renamed since.
      return { fileName: scenarioFileName(s.id, s.lastResult.scenario.name), contentBase64: (await scenarioWorkbook(s.lastResult)).toString('base64') };
    },
  };
};
