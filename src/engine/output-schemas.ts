import type { DecisionName } from './rule-types.js';
import { calendarDate as isoDate, yenAnswer as yen } from './schema-primitives.js';

/**
 * JSON Schemas of each decision's answer (case-files.md), for the decision service's OpenAPI
 * document and for tests that hold real answers to it. The envelope (decision, asOf, outcome,
 * clauses, trace, interpretations, versions) is common; each decision adds its outcomes and
 * fields. A decision without an entry here is still served and described, with its fields left
 * open (`outputSchemaOf` never fails), so a new decision is never hidden by a missing schema.
 */
const strings = { type: 'array', items: { type: 'string' } } as const;

/** A bill's id as the case gave it: a string or a number (case-files.md gives `id` no type). */
const billId = { type: ['string', 'number'], description: "the bill's id as the case gave it" } as const;

/**
 * `tax` of a decision whose amount bears no consumption tax (case-files.md: "no tax is added to
 * interest", "no tax (damages are no 別紙3 fee)", equipmentLoss "no tax"): always 0, given so an
 * answer says "no tax" in the field every taxed decision uses; `total` beside it is the amount.
 */
const noTax = (why: string) => ({ type: 'integer', const: 0, description: `always 0: ${why} (case-files.md); total = amount` }) as const;

type Spec = { outcomes: string[]; fields: Record<string, object>; required: string[] };

export const OUTPUT_FIELDS: Partial<Record<DecisionName, Spec>> = {
  approval: { outcomes: ['approve', 'refuse'], fields: { reasons: strings }, required: ['reasons'] },
  suspension: {
    outcomes: ['suspend', 'none'],
    fields: { reasons: strings, maxMonths: { type: 'integer', minimum: 0 }, noticeRequired: { type: 'boolean' } },
    required: ['reasons', 'maxMonths', 'noticeRequired'],
  },
  termination: { outcomes: ['terminate', 'none'], fields: { reasons: strings, noticeRequired: { type: 'boolean' } }, required: ['reasons', 'noticeRequired'] },
  courseChange: { outcomes: ['allowed', 'refused'], fields: { from: { type: 'string' }, to: { type: 'string' } }, required: ['from', 'to'] },
  cancellationNotice: { outcomes: ['accepted', 'late'], fields: { deadline: isoDate }, required: ['deadline'] },
  outageWaiver: {
    outcomes: ['waive', 'none'],
    fields: {
      waivedDays: { type: 'integer', minimum: 0 },
      waivedHours: { type: 'number', minimum: 0 },
      amount: yen,
      refund: yen,
      dailyRate: { type: 'string', pattern: '^\\d+(\\.\\d+)?$' },
    },
    required: ['waivedDays', 'waivedHours', 'amount', 'refund'],
  },
  settlement: {
    outcomes: ['settle', 'none'],
    fields: {
      amount: yen,
      tax: yen,
      total: yen,
      monthsUsed: { type: 'integer', minimum: 0 },
      paid: yen,
      grossAmount: yen,
      basisCourse: { anyOf: [{ type: 'string' }, { type: 'null' }] },
    },
    required: ['amount', 'tax', 'total', 'monthsUsed', 'paid'],
  },
  damages: {
    outcomes: ['compensate', 'none', 'not-limited'],
    fields: {
      days: { type: 'integer', minimum: 0 },
      amount: { anyOf: [yen, { type: 'null' }] },
      tax: noTax('damages are no 別紙3 fee'),
      total: { anyOf: [yen, { type: 'null' }] },
    },
    required: ['days', 'amount', 'tax', 'total'],
  },
  cancellation: {
    outcomes: ['cancelled', 'pending'],
    fields: {
      noticeOnTime: { type: 'boolean' },
      plannedEndDate: isoDate,
      cancellationDate: { anyOf: [isoDate, { type: 'null' }] },
      feesUntil: { anyOf: [isoDate, { type: 'null' }] },
      lateReturnDays: { type: 'integer', minimum: 0 },
      lateReturnCharge: yen,
      tax: yen,
      total: yen,
    },
    required: ['noticeOnTime', 'plannedEndDate', 'cancellationDate', 'feesUntil', 'lateReturnDays', 'lateReturnCharge', 'tax', 'total'],
  },
  equipmentLoss: {
    outcomes: ['contractor-pays', 'company-bears'],
    fields: { amount: yen, tax: noTax('第46条第1項 is damages, no 別紙3 fee'), total: yen, terminationAllowed: { type: 'boolean' } },
    required: ['amount', 'tax', 'total', 'terminationAllowed'],
  },
  paymentAllocation: {
    outcomes: ['allocated'],
    fields: {
      allocations: {
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['payment', 'bill', 'amount'],
          properties: { payment: { type: 'integer', minimum: 0 }, bill: billId, amount: yen },
        },
      },
      bills: {
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['id', 'paid', 'outstanding', 'settledDate'],
          properties: { id: billId, paid: yen, outstanding: yen, settledDate: { anyOf: [isoDate, { type: 'null' }] } },
        },
      },
      unapplied: yen,
    },
    required: ['allocations', 'bills', 'unapplied'],
  },
  billingCorrection: { outcomes: ['collect', 'waived', 'none'], fields: { difference: yen }, required: ['difference'] },
  lateInterest: {
    outcomes: ['charge', 'none'],
    fields: { days: { type: 'integer' }, amount: yen, tax: noTax('no tax is added to interest'), total: yen },
    required: ['days', 'amount', 'tax', 'total'],
  },
  surcharge: { outcomes: ['charge', 'none'], fields: { amount: yen, tax: yen, total: yen }, required: ['amount', 'tax', 'total'] },
  monthlyCharge: {
    outcomes: ['charge'],
    fields: {
      lines: {
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['item', 'amount', 'clause'],
          properties: { item: { type: 'string' }, amount: yen, clause: { type: 'string' } },
        },
      },
      subtotal: yen,
      tax: yen,
      total: yen,
      contractMonth: { type: 'integer', minimum: 1 },
    },
    required: ['lines', 'subtotal', 'tax', 'total', 'contractMonth'],
  },
};

export const fieldErrorSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['path', 'message'],
  properties: { path: { type: 'string', description: 'JSON pointer into the request' }, message: { type: 'string' }, code: { type: 'string' } },
} as const;

const envelope = {
  name: { type: 'string' },
  asOf: isoDate,
  clauses: strings,
  discretionary: { type: 'boolean', description: 'true when the clause that decided gives the company a right (〜ことがあります, 〜できます), not a duty' },
  trace: {
    type: 'array',
    items: {
      type: 'object',
      additionalProperties: false,
      required: ['rule', 'clause', 'event', 'facts'],
      properties: { rule: { type: 'string' }, clause: { type: 'string' }, event: { type: 'string' }, facts: { type: 'object' } },
    },
  },
  interpretations: { type: 'object', additionalProperties: { type: 'string' } },
  versions: { type: 'object', additionalProperties: false, required: ['rules', 'tariffs'], properties: { rules: isoDate, tariffs: isoDate } },
} as const;

/** The schema of an answer of `decision` (not `invalid`); `extra` adds fields a transport appends (the release id). */
export function outputSchemaOf(decision: string, extra: Record<string, object> = {}): object {
  const spec = OUTPUT_FIELDS[decision as DecisionName];
  const extraNames = Object.keys(extra);
  if (!spec)
    return {
      type: 'object',
      required: ['decision', 'asOf', 'outcome', 'clauses', 'trace', 'interpretations', ...extraNames],
      properties: { ...envelope, decision: { const: decision }, outcome: { type: 'string' }, ...extra },
    };
  return {
    type: 'object',
    additionalProperties: false,
    required: ['decision', 'asOf', 'outcome', 'clauses', 'discretionary', 'trace', 'interpretations', 'versions', ...spec.required, ...extraNames],
    properties: { ...envelope, decision: { const: decision }, outcome: { enum: spec.outcomes }, ...spec.fields, ...extra },
  };
}

/** The schema of an `invalid` answer: the case could not be decided; `errors` say where and why. */
export function invalidOutputSchema(extra: Record<string, object> = {}): object {
  return {
    type: 'object',
    additionalProperties: false,
    required: ['decision', 'asOf', 'outcome', 'errors', 'clauses', 'trace', 'interpretations', ...Object.keys(extra)],
    properties: {
      name: { type: 'string' },
      decision: { type: 'string' },
      asOf: { type: 'string' },
      outcome: { const: 'invalid' },
      errors: { type: 'array', minItems: 1, items: fieldErrorSchema },
      clauses: { type: 'array', maxItems: 0 },
      trace: { type: 'array', maxItems: 0 },
      interpretations: { type: 'object', maxProperties: 0 },
      ...extra,
    },
  };
}
