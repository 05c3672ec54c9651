import { NotRepriceable, repriceReplications, repriceable } from '../../camera-sim/reprice.js';
import type { ResolvedScenario } from '../../camera-sim/scenario-loader.js';
import type { RepriceAnswer, SideEditLines } from '../api/contract.js';
import { checkStudioRun, repriceSize, type StudioRunLimit } from './run-limit.js';
import { runView } from './run-view.js';
import type { CachedRun } from './scenario-runs.js';
import { storedBands } from './stored-run.js';

/**
 * Instant re-pricing of a form (docs/studio-scenarios.md § Instant re-pricing): when the scenario's
 * last run was kept (scenario-runs.ts), the form picks the same versions, and it differs from that
 * run only in the proposal's prices (course fees, option prices, initial fees) with no price
 * response, its events are re-priced by the simulator (camera-sim/reprice.ts): the same figures as
 * a full run, to the yen, in a fraction of the time; with replications, every replication is
 * re-priced and the bands come from them as a full run's do (the tornado is not: it needs runs of
 * moved assumptions, not prices). Otherwise the answer says why a full run is needed. Nothing is
 * saved: the page shows the figures until the form is saved and run. Before it starts, the
 * re-price's work (the kept replications' contract-months) is held to the larger of the studio's
 * run-size limit and the limit the kept run was started under (run-limit.ts): RUN_TOO_LARGE.
 */
export function repriceForm(kept: CachedRun | undefined, rs: ResolvedScenario, versionsKey: string, editLines?: SideEditLines, limit?: StudioRunLimit): RepriceAnswer {
  const needed = (reason: string): RepriceAnswer => ({ mode: 'run-needed', reason, result: null, elapsedMs: 0 });
  if (!kept)
    return needed(
      'no run of this scenario is kept for re-pricing (not run since the studio started; or it has a price response or a returns, equipment, damages or refunds section; or its replications are too many to keep)',
    );
  if (kept.versionsKey !== versionsKey) return needed('the versions the form picks differ from (or were changed since) the kept run');
  if (!repriceable(kept.caches[0]!.rs.scenario, rs.scenario))
    return needed('the form differs from the kept run in more than the proposal’s prices, or declares a price response or a returns, equipment, damages or refunds section');
  if (limit) checkStudioRun(repriceSize(rs, kept.caches.length), { maxContractMonths: Math.max(limit.maxContractMonths, kept.maxContractMonths), overrideAllowed: false });
  const started = performance.now();
  try {
    // Every kept replication re-priced; with two or more, the bands as a full run makes them (bandsOf).
    const { result, bands } = repriceReplications(kept.caches, rs);
    const elapsedMs = performance.now() - started;
    const view = runView({
      scenario: rs.scenario,
      result,
      assumptions: [],
      finishedAt: new Date().toISOString(),
      elapsedMs,
      workers: 0,
      formRevision: kept.formRevision,
      ...(bands ? { bands: storedBands(bands) } : {}),
      ...(editLines ? { editLines } : {}),
    });
    return { mode: 'repriced', reason: '', result: view, elapsedMs };
  } catch (e) {
    if (e instanceof NotRepriceable) return needed(e.message);
    throw e;
  }
}
