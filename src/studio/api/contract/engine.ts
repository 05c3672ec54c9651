import { call } from './call.js';
import { id, isoDate } from './shared.js';

/** The `engine` domain: the engine's answers for a course under a version, before and after a draft's edits. */
export type ChargeAnswer = {
  month: string;
  outcome: string;
  subtotal: number;
  tax: number;
  total: number;
  lines: { item: string; amount: number; clause: string }[];
  clauses: string[];
};
export type SettlementAnswer = {
  months: number;
  startDate: string;
  endDate: string;
  outcome: string;
  amount: number;
  tax: number;
  total: number;
  basisCourse: string | null;
  clauses: string[];
};
export type CourseAnswer =
  | {
      ok: true;
      versionId: number;
      effective: string;
      code: string;
      name: string;
      monthlyFee: number;
      firstMonth: ChargeAnswer;
      regularMonth: ChargeAnswer;
      settlement: SettlementAnswer;
    }
  | {
      ok: false;
      versionId: number;
      effective: string;
      code: string;
      /** The case the engine answered `invalid`, and its errors as the engine gave them (a JSON pointer into the case, the message, the code): the panel says them in the page's language. */
      decision: string;
      asOf: string;
      facts: Record<string, unknown>;
      /** The months asked (a settlement on cancelling after them) and the decision's facts schema (what each fact takes). */
      months: number;
      schema: object;
      errors: { path: string; message: string; code?: string }[];
    };
export type CoursePreviewArgs = { versionId: number; index: number; months: number };

export const chargeSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['month', 'outcome', 'subtotal', 'tax', 'total', 'lines', 'clauses'],
  properties: {
    month: { type: 'string' },
    outcome: { type: 'string' },
    subtotal: { type: 'integer' },
    tax: { type: 'integer' },
    total: { type: 'integer' },
    lines: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['item', 'amount', 'clause'],
        properties: { item: { type: 'string' }, amount: { type: 'integer' }, clause: { type: 'string' } },
      },
    },
    clauses: { type: 'array', items: { type: 'string' } },
  },
} as const;
export const answerSchema = {
  oneOf: [
    {
      type: 'object',
      additionalProperties: false,
      required: ['ok', 'versionId', 'effective', 'code', 'name', 'monthlyFee', 'firstMonth', 'regularMonth', 'settlement'],
      properties: {
        ok: { const: true },
        versionId: id,
        effective: isoDate,
        code: { type: 'string' },
        name: { type: 'string' },
        monthlyFee: { type: 'integer' },
        firstMonth: chargeSchema,
        regularMonth: chargeSchema,
        settlement: {
          type: 'object',
          additionalProperties: false,
          required: ['months', 'startDate', 'endDate', 'outcome', 'amount', 'tax', 'total', 'basisCourse', 'clauses'],
          properties: {
            months: { type: 'integer' },
            startDate: isoDate,
            endDate: isoDate,
            outcome: { type: 'string' },
            amount: { type: 'integer' },
            tax: { type: 'integer' },
            total: { type: 'integer' },
            basisCourse: { type: ['string', 'null'] },
            clauses: { type: 'array', items: { type: 'string' } },
          },
        },
      },
    },
    {
      type: 'object',
      additionalProperties: false,
      required: ['ok', 'versionId', 'effective', 'code', 'decision', 'asOf', 'facts', 'months', 'schema', 'errors'],
      properties: {
        ok: { const: false },
        versionId: id,
        effective: isoDate,
        code: { type: 'string' },
        decision: { type: 'string' },
        asOf: isoDate,
        facts: { type: 'object', required: [], additionalProperties: true },
        months: { type: 'integer' },
        schema: { type: 'object', required: [], additionalProperties: true },
        errors: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['path', 'message'],
            properties: { path: { type: 'string' }, message: { type: 'string' }, code: { type: 'string' } },
          },
        },
      },
    },
  ],
} as const;

export const engine = {
  coursePreview: call<CoursePreviewArgs, { before: CourseAnswer | null; after: CourseAnswer }>(
    "the engine's answer for one course (row `index` of the version): first and regular month charge, settlement on cancelling after `months`; for a draft also the answer under the version it came from",
    {
      type: 'object',
      additionalProperties: false,
      required: ['versionId', 'index', 'months'],
      properties: { versionId: id, index: { type: 'integer', minimum: 0 }, months: { type: 'integer', minimum: 1, maximum: 120 } },
    },
  ).returns({
    type: 'object',
    additionalProperties: false,
    required: ['before', 'after'],
    properties: { before: { anyOf: [answerSchema, { type: 'null' }] }, after: answerSchema },
  }),
};
