import { bool, factsObject, firedClauses, paramFacts, param, reasonsOf, type DecisionDef } from '../decision-kit.js';

/**
 * The three decisions on grounds (第5条・第9条・第43条, 第19条, 第23条・第43条第2項): each
 * ground found is a rule that fires; the outcome follows from whether any did. Every fact the
 * spec lists is required (the spec gives defaults only where it means them).
 */
type Flags = Record<string, boolean | null | undefined>;

const withDefaults = (facts: Flags, defaults: Record<string, boolean | null>): Record<string, unknown> => {
  const out: Record<string, unknown> = { ...defaults };
  for (const [k, v] of Object.entries(facts)) if (v !== undefined) out[k] = v;
  return out;
};

export const approval: DecisionDef<Flags, null> = {
  name: 'approval',
  factsSchema: factsObject({ inServiceArea: bool, technicallyFeasible: bool, paymentDelinquent: bool, falseDeclaration: bool, businessHindrance: bool, antisocialForces: bool }, [
    'inServiceArea',
    'technicallyFeasible',
    'paymentDelinquent',
    'falseDeclaration',
    'businessHindrance',
    'antisocialForces',
  ]),
  prepare: (facts) => ({
    facts: withDefaults(facts, {
      inServiceArea: true,
      technicallyFeasible: true,
      paymentDelinquent: false,
      falseDeclaration: false,
      businessHindrance: false,
      antisocialForces: false,
    }),
    state: null,
  }),
  finish: (fired) => {
    const reasons = reasonsOf(fired, 'refuse');
    return reasons.length ? { outcome: 'refuse', clauses: reasons, fields: { reasons } } : { outcome: 'approve', clauses: ['第9条第1項'], fields: { reasons } };
  },
};

/** The facts of 第19条's suspension grounds, one boolean each, all required. */
export const SUSPENSION_FACTS = [
  'overdue',
  'otherServiceOverdue',
  'defamation',
  'breachOfArticle17or37',
  'excessiveInquiries',
  'interferenceWithFacilities',
  'outOfSpecUseNotImproved',
  'causedDamage',
  'emergency',
];

export const suspension: DecisionDef<Flags, null> = {
  name: 'suspension',
  factsSchema: factsObject(
    {
      overdue: bool,
      otherServiceOverdue: bool,
      defamation: bool,
      breachOfArticle17or37: bool,
      excessiveInquiries: bool,
      interferenceWithFacilities: bool,
      outOfSpecUseNotImproved: bool,
      causedDamage: bool,
      emergency: bool,
    },
    SUSPENSION_FACTS,
  ),
  prepare: (facts, ctx) => ({
    facts: {
      ...withDefaults(facts, {
        overdue: false,
        otherServiceOverdue: false,
        defamation: false,
        breachOfArticle17or37: false,
        excessiveInquiries: false,
        interferenceWithFacilities: false,
        outOfSpecUseNotImproved: false,
        causedDamage: false,
        emergency: false,
      }),
      ...paramFacts(ctx),
    },
    state: null,
  }),
  finish: (fired, _s, ctx) => {
    // case-files.md: maxMonths 6; noticeRequired true unless emergency (第19条第2項), whatever the outcome.
    const reasons = reasonsOf(fired, 'suspend');
    const waived = fired.some((f) => f.type === 'notice-waived');
    const fields = { reasons, maxMonths: Number(param(ctx, 'maxMonths')), noticeRequired: !waived };
    if (!reasons.length) return { outcome: 'none', clauses: ['第19条第1項'], fields };
    return { outcome: 'suspend', clauses: waived ? [...reasons, ...firedClauses(fired.filter((f) => f.type === 'notice-waived'))] : reasons, fields };
  },
};

const INSOLVENCY = ['payment-suspension', 'clearinghouse-suspension', 'seizure', 'insolvency-filing'];
/** 第9条第2項第1号…第4号, found after approval (第9条第3項). */
const APPROVAL_GROUNDS = ['technically-infeasible', 'payment-delinquent', 'false-declaration', 'business-hindrance'];

export const termination: DecisionDef<Flags & { insolvencyEvent?: string | null; approvalGroundFound?: string | null }, null> = {
  name: 'termination',
  factsSchema: factsObject(
    {
      suspendedAndUnremedied: bool,
      serviceEnded: bool,
      antisocialForces: bool,
      antisocialConduct: bool,
      insolvencyEvent: { enum: [null, ...INSOLVENCY] },
      // Optional (case-files.md, changes to first-round decisions): default null and false.
      approvalGroundFound: { enum: [null, ...APPROVAL_GROUNDS] },
      equipmentRemedyExcessive: bool,
    },
    ['suspendedAndUnremedied', 'serviceEnded', 'antisocialForces', 'antisocialConduct', 'insolvencyEvent'],
  ),
  prepare: (facts) => ({
    facts: withDefaults(facts, {
      suspendedAndUnremedied: false,
      serviceEnded: false,
      antisocialForces: false,
      antisocialConduct: false,
      insolvencyEvent: null,
      approvalGroundFound: null,
      equipmentRemedyExcessive: false,
    }),
    state: null,
  }),
  finish: (fired) => {
    const grounds = fired.filter((f) => f.type === 'terminate');
    const reasons = reasonsOf(grounds, 'terminate');
    // case-files.md: noticeRequired false for 第23条第3号 and 第43条第2項 grounds, true otherwise.
    if (!reasons.length) return { outcome: 'none', clauses: ['第23条'], fields: { reasons, noticeRequired: true } };
    return { outcome: 'terminate', clauses: reasons, fields: { reasons, noticeRequired: !grounds.some((g) => g.params.withoutNotice === true) } };
  },
};
