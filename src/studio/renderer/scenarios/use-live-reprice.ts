import { useEffect, useRef } from 'react';
import type { RepriceAnswer, ScenarioForm, StudioApi } from '../../api/contract.js';

/**
 * Instant re-pricing as the user types (docs/studio-scenarios.md § Instant re-pricing): when the
 * form differs from the one last run only in the proposal's edits, the studio is asked, 300 ms
 * after the last keystroke, to re-price the kept run's events (`scenarios.reprice`). It answers the
 * figures (`repriced`), or that a full run is needed (another edit than a price, a price response,
 * a returns/equipment/damages/refunds section, no kept run): the page then runs in full.
 * An answer overtaken by a later keystroke is dropped.
 */
export const REPRICE_DEBOUNCE_MS = 300;

/** Whether `next` differs from `ran` in the proposal's edits only (and does differ there). */
export const onlyProposalEditsChanged = (ran: ScenarioForm, next: ScenarioForm): boolean => {
  const rest = (f: ScenarioForm): string => JSON.stringify({ ...f, proposal: { ...f.proposal, edits: [] } });
  return rest(ran) === rest(next) && JSON.stringify(ran.proposal.edits) !== JSON.stringify(next.proposal.edits);
};

export function useLiveReprice(
  api: StudioApi,
  args: { scenarioId: number | null; ran: ScenarioForm | null; next: ScenarioForm | null; paused: boolean },
  on: { repriced: (a: RepriceAnswer) => void; runNeeded: (a: RepriceAnswer) => void; error: (e: unknown) => void },
): void {
  const handlers = useRef(on);
  handlers.current = on;
  const asked = useRef(0);
  const { scenarioId, ran, next, paused } = args;
  const key = next ? JSON.stringify(next) : '';
  useEffect(() => {
    if (paused || scenarioId === null || !ran || !next || !onlyProposalEditsChanged(ran, next)) return undefined;
    const ticket = ++asked.current;
    const timer = window.setTimeout(() => {
      api.scenarios.reprice({ id: scenarioId, form: next }).then(
        (a) => {
          if (ticket !== asked.current) return;
          if (a.mode === 'repriced') handlers.current.repriced(a);
          else handlers.current.runNeeded(a);
        },
        (e: unknown) => {
          if (ticket === asked.current) handlers.current.error(e);
        },
      );
    }, REPRICE_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
    // `key` stands for `next` (a new object on every render).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, scenarioId, ran, key, paused]);
}
