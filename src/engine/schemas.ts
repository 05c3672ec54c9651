import { OPERATORS, DECISIONS, PARAMETER_UNITS } from './rule-types.js';
import { operatorsWithDomain } from './operators.js';
import { clause, isoDate, yen } from './schema-primitives.js';

/** JSON Schemas (draft 2020-12 subset, ajv) for the data files. No unknown properties anywhere. */

export const courseSchema = {
  type: 'object',
  additionalProperties: false,
  required: [
    'code',
    'name',
    'series',
    'legacyKind',
    'model',
    'sim',
    'cloudDays',
    'termMonths',
    'family',
    'monthlyFee',
    'initialFeeGroup',
    'settlementPolicy',
    'minimumPeriodMonths',
  ],
  properties: {
    code: { type: 'string', pattern: '^[A-Z0-9][A-Z0-9-]*$' },
    name: { type: 'string', minLength: 1 },
    series: { enum: ['legacy', 'M5525', 'M2035'] },
    legacyKind: { enum: [null, 'short', 'long', 'short-mount', 'long-mount', 'plus-short', 'plus-long'] },
    model: { type: ['string', 'null'], pattern: '^M(5525|2035)[ND]$' },
    sim: { enum: [null, 'SN', 'S18'] },
    cloudDays: { enum: [null, 7, 14, 30] },
    termMonths: { enum: [null, 1, 6, 12, 24, 36, 60] },
    family: { type: 'string', minLength: 1 },
    monthlyFee: yen,
    initialFeeGroup: { type: 'string', minLength: 1 },
    settlementPolicy: { type: 'string', minLength: 1 },
    minimumPeriodMonths: { type: ['integer', 'null'], minimum: 1 },
  },
} as const;

export const coursesFileSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['courses'],
  properties: { source: { type: 'string' }, courses: { type: 'array', items: courseSchema } },
} as const;

export const initialFeesFileSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['groups'],
  properties: {
    source: { type: 'string' },
    groups: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['group', 'amount', 'printedOn'],
        properties: { group: { type: 'string', minLength: 1 }, amount: yen, printedOn: { type: 'string' } },
      },
    },
  },
} as const;

const yenMap = { type: 'object', minProperties: 1, additionalProperties: yen } as const;
export const optionSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['code', 'name', 'group', 'billing', 'price', 'eligibility'],
  properties: {
    code: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]*$' },
    name: { type: 'string', minLength: 1 },
    group: { type: 'string', minLength: 1 },
    billing: { enum: ['monthly', 'first-month'] },
    price: {
      oneOf: [
        { type: 'object', additionalProperties: false, required: ['kind', 'amount'], properties: { kind: { const: 'flat' }, amount: yen } },
        { type: 'object', additionalProperties: false, required: ['kind', 'amounts'], properties: { kind: { const: 'by-term' }, amounts: yenMap } },
        { type: 'object', additionalProperties: false, required: ['kind', 'amounts'], properties: { kind: { const: 'by-series' }, amounts: yenMap } },
      ],
    },
    eligibility: {
      type: 'object',
      additionalProperties: false,
      required: ['series', 'sim'],
      properties: {
        series: { type: ['array', 'null'], items: { enum: ['legacy', 'M5525', 'M2035'] } },
        sim: { type: ['array', 'null'], items: { enum: ['SN', 'S18'] } },
      },
    },
    note: { type: 'string' },
  },
} as const;

export const optionsFileSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['options'],
  properties: { source: { type: 'string' }, options: { type: 'array', items: optionSchema } },
} as const;

export const policiesFileSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['policies', 'minimumPeriods'],
  properties: {
    source: { type: 'string' },
    policies: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'kind', 'clause', 'text'],
        properties: {
          id: { type: 'string', minLength: 1 },
          kind: { enum: ['none', 'remaining-of-months', 'longest-satisfied-same-family'] },
          months: { type: 'integer', minimum: 1 },
          clause,
          text: { type: 'string', minLength: 1 },
          note: { type: 'string' },
        },
        if: { properties: { kind: { const: 'remaining-of-months' } } },
        then: { required: ['months'] },
      },
    },
    minimumPeriods: {
      type: 'array',
      items: { type: 'object', additionalProperties: false, required: ['label', 'text'], properties: { label: { type: 'string' }, text: { type: 'string' } } },
    },
  },
} as const;

export const versionIndexSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['versions'],
  properties: {
    description: { type: 'string' },
    versions: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['effective', 'status', 'dir'],
        properties: {
          effective: isoDate,
          status: { enum: ['draft', 'in-review', 'approved', 'superseded'] },
          dir: { type: 'string', minLength: 1 },
          existingContracts: {
            type: 'object',
            additionalProperties: false,
            required: ['policy', 'clause'],
            properties: { policy: { enum: ['new-price', 'keep-price'] }, clause: { type: 'string', minLength: 1 } },
          },
          author: { type: 'string' },
          approvedBy: { type: 'string' },
          note: { type: 'string' },
        },
      },
    },
  },
} as const;

const factReference = { type: 'object', required: ['fact'], additionalProperties: false, properties: { fact: { type: 'string' } } } as const;

const leafSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['fact', 'operator', 'value'],
  properties: {
    fact: { type: 'string', minLength: 1 },
    operator: { enum: [...OPERATORS] },
    value: {},
  },
  allOf: [
    {
      if: { properties: { operator: { enum: operatorsWithDomain('list') } } },
      then: {
        // A list, or a reference to a fact that holds one: the object shape is the reference, anything else must be the list.
        properties: { value: { if: { type: 'object' }, then: factReference, else: { type: 'array' } } },
      },
    },
  ],
} as const;

/**
 * A condition is a leaf or a group (all, any, not). The branch is chosen by the key the writer
 * wrote (if/then/else, not oneOf): a condition with "all" is checked as an all-group, one with
 * "any" or "not" likewise, anything else as a leaf. So one mistake in a condition is one error,
 * in the branch meant, never every other branch's "missing required property" beside it (ajv
 * reports every failing branch of a oneOf). The same valid conditions as a oneOf of the four:
 * the branches' keys exclude each other (additionalProperties: false).
 */
const group = (key: 'all' | 'any' | 'not') =>
  ({
    type: 'object',
    additionalProperties: false,
    required: [key],
    properties: { [key]: key === 'not' ? { $ref: '#/$defs/condition' } : { type: 'array', minItems: 1, items: { $ref: '#/$defs/condition' } } },
  }) as const;
const byGroupKey = <E extends object>(otherwise: E) =>
  ({
    if: { type: 'object', required: ['all'] },
    then: { $ref: '#/$defs/all' },
    else: {
      if: { type: 'object', required: ['any'] },
      then: { $ref: '#/$defs/any' },
      else: { if: { type: 'object', required: ['not'] }, then: { $ref: '#/$defs/not' }, else: otherwise },
    },
  }) as const;

export const conditionDefs = {
  condition: byGroupKey({ $ref: '#/$defs/leaf' }),
  /** A rule's conditions: a group; without any group key, the all-group it most often is. */
  group: byGroupKey({ $ref: '#/$defs/all' }),
  all: group('all'),
  any: group('any'),
  not: group('not'),
  leaf: leafSchema,
} as const;

export const ruleSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'name', 'clause', 'quote', 'conditions', 'event'],
  properties: {
    id: { type: 'string', pattern: '^[a-zA-Z][a-zA-Z0-9-]*/[a-z0-9][a-z0-9-]*$' },
    name: { type: 'string', minLength: 1 },
    clause,
    alsoCites: { type: 'array', items: clause },
    quote: { type: 'string', minLength: 1 },
    discretionary: { type: 'boolean' },
    priority: { type: 'integer', minimum: 1 },
    conditions: { $ref: '#/$defs/group' },
    event: {
      type: 'object',
      additionalProperties: false,
      required: ['type'],
      properties: { type: { type: 'string', minLength: 1 }, params: { type: 'object' } },
    },
  },
} as const;

export const ruleFileSchema = {
  $defs: { ...conditionDefs, rule: ruleSchema },
  type: 'object',
  additionalProperties: false,
  required: ['decision', 'rules'],
  properties: {
    decision: { enum: [...DECISIONS] },
    description: { type: 'string' },
    parameters: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        required: ['value', 'clause', 'quote'],
        // A number is never negative (days, hours, months, rates, multipliers); minimum applies to numbers only.
        properties: {
          value: { type: ['number', 'string'], minimum: 0 },
          clause,
          quote: { type: 'string', minLength: 1 },
          description: { type: 'string' },
          unit: { enum: [...PARAMETER_UNITS] },
        },
      },
    },
    rules: { type: 'array', minItems: 1, items: { $ref: '#/$defs/rule' } },
  },
} as const;

export const interpretationsFileSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['interpretations'],
  properties: {
    description: { type: 'string' },
    interpretations: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'default', 'defaultDescription', 'alternatives', 'description', 'clauses'],
        properties: {
          name: { type: 'string', pattern: '^[a-z][a-zA-Z0-9]*$' },
          default: { type: 'string', minLength: 1 },
          defaultDescription: { type: 'string', minLength: 1 },
          defaultAliases: { type: 'array', items: { type: 'string', minLength: 1 } },
          alternatives: {
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['value', 'description'],
              properties: { value: { type: 'string', minLength: 1 }, description: { type: 'string' }, aliases: { type: 'array', items: { type: 'string', minLength: 1 } } },
            },
          },
          description: { type: 'string', minLength: 1 },
          clauses: { type: 'array', minItems: 1, items: clause },
        },
      },
    },
  },
} as const;
