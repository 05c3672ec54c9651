import type { DecisionName } from './rule-types.js';

/**
 * The event types each decision accepts from its rules: a rule whose `event.type` is not here
 * would fire and be ignored, so `tariff validate`, every loader (releases too) and the studio
 * refuse it (RULE_EVENT_UNKNOWN, at /event/type), as they refuse an unknown fact.
 *
 * - `decides`: the types the decision's code branches on (`src/engine/decisions/*.ts`: `f.type ===`,
 *   `types.has`, `reasonsOf`); the first is the type of a new rule made from the template.
 * - `records`: the types rules fire to record a reading the answer states anyway: the fired rule
 *   and its clause stand in the trace (a case file may expect them), and the decisions that cite
 *   every fired rule's clause (settlement, surcharge, monthlyCharge) cite it; the outcome and the
 *   amounts do not branch on it.
 *
 * `test/unit/decision-events.test.ts` holds `decides` to the decisions' code and every committed
 * rule to this table, so a new event type in the code or the data without a line here fails.
 */
export type DecisionEvents = { readonly decides: readonly string[]; readonly records: readonly string[] };

export const DECISION_EVENTS: Readonly<Record<DecisionName, DecisionEvents>> = {
  approval: { decides: ['refuse'], records: [] },
  suspension: { decides: ['suspend', 'notice-waived'], records: [] },
  termination: { decides: ['terminate'], records: [] },
  courseChange: { decides: ['allow'], records: [] },
  cancellationNotice: { decides: ['accepted'], records: [] },
  outageWaiver: { decides: ['waive-days', 'waive-hours', 'refund-paid'], records: ['no-waiver'] },
  settlement: { decides: ['settle-remaining', 'settle-same-family'], records: ['no-settlement', 'free-months-excluded'] },
  lateInterest: { decides: ['charge-interest'], records: [] },
  surcharge: { decides: ['charge-surcharge'], records: [] },
  monthlyCharge: { decides: ['charge-monthly-fee', 'charge-initial-fee', 'charge-options', 'free-month'], records: [] },
  damages: { decides: ['compensate', 'excluded', 'not-limited'], records: [] },
  cancellation: { decides: ['cancelled', 'late-return-charge'], records: ['notice-on-time', 'pending', 'return-owed'] },
  equipmentLoss: { decides: ['contractor-pays', 'termination-allowed'], records: ['company-bears'] },
  paymentAllocation: { decides: ['allocate'], records: [] },
  billingCorrection: { decides: ['collect', 'waived'], records: [] },
};

/** Every event type `decision` accepts, those it branches on first. */
export const acceptedEventTypes = (decision: DecisionName): string[] => [...DECISION_EVENTS[decision].decides, ...DECISION_EVENTS[decision].records];

/** The problem with a rule's event type, or undefined when its decision accepts it. */
export function eventTypeProblem(decision: DecisionName, type: string): { code: 'RULE_EVENT_UNKNOWN'; message: string; expected: string[] } | undefined {
  const { decides, records } = DECISION_EVENTS[decision];
  if (decides.includes(type) || records.includes(type)) return undefined;
  const quoted = (xs: readonly string[]) => xs.map((x) => `"${x}"`).join(', ');
  return {
    code: 'RULE_EVENT_UNKNOWN',
    expected: acceptedEventTypes(decision),
    message:
      `the event type "${type}" is not one the ${decision} decision handles: the rule would fire and its answer would ignore it. ` +
      `Use one of ${quoted(decides)}${records.length ? ` (or, to record a reading in the trace, ${quoted(records)})` : ''}`,
  };
}
