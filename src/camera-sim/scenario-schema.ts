import { DECISION_DEFS } from '../engine/decide.js';
import { courseSchema, optionSchema, policiesFileSchema } from '../engine/schemas.js';
import { DECISIONS } from '../engine/rule-types.js';
import { courseRef, isoDate, isoMonth } from '../engine/schema-primitives.js';

/**
 * The JSON Schema of a scenario file (ajv, strict: no unknown properties anywhere). The names of
 * outage causes, suspension grounds and insolvency events are read from the decisions' own facts
 * schemas, so a scenario can only name what the engine can be asked about.
 */
type FactsSchema = { properties: Record<string, { enum?: unknown[] }> };
const factProps = (name: 'outageWaiver' | 'suspension' | 'termination') => (DECISION_DEFS[name].factsSchema as FactsSchema).properties;

export const OUTAGE_CAUSES = (factProps('outageWaiver').cause!.enum ?? []).filter((x): x is string => typeof x === 'string');
/** Grounds of 第19条 other than the overdue bill (driven by payments) and the emergency flag (a notice matter). */
export const SUSPENSION_GROUNDS = Object.keys(factProps('suspension')).filter((k) => k !== 'overdue' && k !== 'emergency');
export const LOSS_KINDS = ((DECISION_DEFS.damages.factsSchema as FactsSchema).properties.lossKind!.enum ?? []).filter((x): x is string => typeof x === 'string');
export const INSOLVENCY_EVENTS = (factProps('termination').insolvencyEvent!.enum ?? []).filter((x): x is string => typeof x === 'string');

const probability = { type: 'number', minimum: 0, maximum: 1 } as const;
/** A weight; bounded so that a list's sum stays finite (two shares of 1e308 summed to Infinity and put every contract in the last course). */
const share = { type: 'number', minimum: 0, maximum: 1e12 } as const;
const nonNegInt = { type: 'integer', minimum: 0 } as const;
const note = { type: 'string' } as const;

/**
 * Upper bounds of the day and hour ranges: a date moved by more falls outside the calendar the
 * engine reads (a notice of 10^12 days crashed the run with "Invalid time value").
 */
export const MAX_DAYS = 3660;
export const MAX_OUTAGE_HOURS = 8784;
/** Yen of a drawn cost or claim (10^12: far above any camera, within exact integer arithmetic). */
export const MAX_YEN = 1_000_000_000_000;

const range = (minimum: number, maximum: number) => ({
  type: 'object',
  additionalProperties: false,
  required: ['min', 'max'],
  properties: { min: { type: 'number', minimum, maximum }, max: { type: 'number', minimum, maximum } },
});
const weightedRanges = (minimum: number, maximum: number) => ({
  type: 'array',
  minItems: 1,
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['min', 'max', 'share'],
    properties: { min: { type: 'number', minimum, maximum }, max: { type: 'number', minimum, maximum }, share },
  },
});
const weights = (names: string[]) => ({
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: Object.fromEntries(names.map((n) => [n, share])),
});

const courseMatch = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: {
    courses: { type: 'array', minItems: 1, items: courseRef },
    series: { enum: ['legacy', 'M5525', 'M2035'] },
    model: { type: 'string', minLength: 1 },
    sim: { enum: ['SN', 'S18'] },
    cloudDays: nonNegInt,
    termMonths: nonNegInt,
    legacyKind: { type: 'string', minLength: 1 },
  },
} as const;

const edit = (name: string, required: string[], properties: Record<string, object>) => ({
  if: { type: 'object', required: ['edit'], properties: { edit: { const: name } } },
  then: { type: 'object', additionalProperties: false, required: ['edit', ...required], properties: { edit: { const: name }, note, ...properties } },
});

/**
 * An option's price in an edit: the tariff's own three shapes (optionSchema), chosen by `kind`, so
 * that a wrong price gets one error of its own shape rather than one per shape it is not.
 */
const priceShapes = optionSchema.properties.price.oneOf;
export const optionPrice = {
  type: 'object',
  required: ['kind'],
  properties: { kind: { enum: priceShapes.map((x) => x.properties.kind.const) } },
  allOf: priceShapes.map((shape) => ({
    if: { type: 'object', required: ['kind'], properties: { kind: { const: shape.properties.kind.const } } },
    then: shape,
  })),
} as const;

const EDIT_KINDS = [
  'course-fee',
  'add-course',
  'settlement-policy',
  'add-settlement-policy',
  'interpretation',
  'rule-parameter',
  'option-price',
  'initial-fee',
  'existing-contracts',
];

/** One edit of a side (checked in the scenario, and by the studio one edit at a time as its sentence is made). */
export const editSchema = {
  type: 'object',
  required: ['edit'],
  properties: { edit: { enum: EDIT_KINDS } },
  allOf: [
    edit('course-fee', ['match'], { match: courseMatch, set: nonNegInt, change: { type: 'integer' }, changePercent: { type: 'number', minimum: -100, maximum: 1000 } }),
    edit('add-course', ['course'], {
      course: courseSchema,
      uptake: {
        type: 'object',
        additionalProperties: false,
        required: ['from', 'share'],
        properties: { from: { type: 'array', minItems: 1, items: courseRef }, share: probability },
      },
    }),
    edit('settlement-policy', ['match', 'policy'], { match: courseMatch, policy: { type: 'string', minLength: 1 } }),
    edit('add-settlement-policy', ['policy'], { policy: policiesFileSchema.properties.policies.items }),
    edit('interpretation', ['name', 'value'], { name: { type: 'string', minLength: 1 }, value: { type: 'string', minLength: 1 } }),
    edit('rule-parameter', ['decision', 'parameter', 'value'], {
      decision: { enum: [...DECISIONS] },
      parameter: { type: 'string', minLength: 1 },
      value: { type: ['number', 'string'] },
    }),
    edit('option-price', ['option', 'price'], { option: { type: 'string', minLength: 1 }, price: optionPrice }),
    edit('initial-fee', ['group', 'amount'], { group: { type: 'string', minLength: 1 }, amount: nonNegInt }),
    edit('existing-contracts', ['policy', 'clause'], { policy: { enum: ['new-price', 'keep-price'] }, clause: { type: 'string', minLength: 1 } }),
  ],
} as const;

const elasticities = {
  type: 'object',
  additionalProperties: false,
  properties: {
    elasticity: { type: 'number', minimum: -20, maximum: 20 },
    bySeries: {
      type: 'object',
      additionalProperties: false,
      properties: Object.fromEntries(['legacy', 'M5525', 'M2035'].map((x) => [x, { type: 'number', minimum: -20, maximum: 20 }])),
    },
    byCourse: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['course', 'elasticity'],
        properties: { course: courseRef, elasticity: { type: 'number', minimum: -20, maximum: 20 } },
      },
    },
  },
} as const;

const side = {
  type: 'object',
  additionalProperties: false,
  properties: { rules: isoDate, tariffs: isoDate, edits: { type: 'array', items: editSchema } },
} as const;

export const scenarioSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'seed', 'horizon', 'fleet', 'baseline', 'proposal'],
  properties: {
    $schema: { type: 'string' },
    name: { type: 'string', minLength: 1 },
    description: { type: 'string' },
    seed: { type: 'integer', minimum: 0, maximum: 4294967295 },
    horizon: {
      type: 'object',
      additionalProperties: false,
      required: ['start', 'months'],
      properties: { start: isoMonth, months: { type: 'integer', minimum: 1, maximum: 600 } },
    },
    fleet: {
      type: 'object',
      additionalProperties: false,
      required: ['size', 'courseMix', 'startDates'],
      properties: {
        size: { type: 'integer', minimum: 1, maximum: 10_000_000 },
        courseMix: {
          type: 'array',
          minItems: 1,
          items: { type: 'object', additionalProperties: false, required: ['course', 'share'], properties: { course: courseRef, share } },
        },
        optionUptake: {
          type: 'array',
          items: { type: 'object', additionalProperties: false, required: ['option', 'probability'], properties: { option: { type: 'string', minLength: 1 }, probability } },
        },
        startDates: { type: 'object', additionalProperties: false, required: ['from', 'to'], properties: { from: isoDate, to: isoDate } },
        freeMonths: {
          type: 'array',
          minItems: 1,
          items: { type: 'object', additionalProperties: false, required: ['months', 'share'], properties: { months: { type: 'integer', minimum: 0, maximum: 120 }, share } },
        },
      },
    },
    cancellation: {
      type: 'object',
      additionalProperties: false,
      required: ['monthlyHazard', 'noticeDays'],
      properties: { monthlyHazard: probability, noticeDays: range(0, MAX_DAYS) },
    },
    outages: {
      type: 'object',
      additionalProperties: false,
      required: ['monthlyRate', 'durationHours', 'causes', 'cameraUsable', 'cloudUsable'],
      properties: {
        monthlyRate: probability,
        durationHours: weightedRanges(0, MAX_OUTAGE_HOURS),
        causes: weights(OUTAGE_CAUSES),
        cameraUsable: probability,
        cloudUsable: probability,
      },
    },
    payments: {
      type: 'object',
      additionalProperties: false,
      required: ['dueMonthsAfter', 'dueDay', 'lateProbability', 'delayDays', 'neverPaysProbability'],
      properties: {
        dueMonthsAfter: { type: 'integer', minimum: 0, maximum: 12 },
        dueDay: { type: 'integer', minimum: 1, maximum: 31 },
        lateProbability: probability,
        delayDays: weightedRanges(1, MAX_DAYS),
        neverPaysProbability: probability,
      },
    },
    courseChanges: {
      type: 'object',
      additionalProperties: false,
      required: ['monthlyProbability', 'requests'],
      properties: {
        monthlyProbability: probability,
        requests: {
          type: 'array',
          minItems: 1,
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['to', 'share'],
            properties: { from: { type: 'array', minItems: 1, items: courseRef }, to: courseRef, share },
          },
        },
      },
    },
    suspension: {
      type: 'object',
      additionalProperties: false,
      required: ['afterOverdueDays', 'remedyMonthlyProbability'],
      properties: {
        afterOverdueDays: { type: 'integer', minimum: 1, maximum: MAX_DAYS },
        otherGrounds: {
          type: 'object',
          additionalProperties: false,
          required: ['monthlyProbability', 'grounds'],
          properties: { monthlyProbability: probability, grounds: weights(SUSPENSION_GROUNDS) },
        },
        remedyMonthlyProbability: probability,
      },
    },
    termination: {
      type: 'object',
      additionalProperties: false,
      properties: {
        unremediedAfterMonths: { type: 'integer', minimum: 1, maximum: 600 },
        insolvency: {
          type: 'object',
          additionalProperties: false,
          required: ['monthlyProbability', 'events'],
          properties: { monthlyProbability: probability, events: weights(INSOLVENCY_EVENTS) },
        },
        settle: { type: 'boolean' },
      },
    },
    returns: {
      type: 'object',
      additionalProperties: false,
      required: ['lateProbability', 'announcedShare', 'daysLate'],
      properties: { lateProbability: probability, announcedShare: probability, daysLate: weightedRanges(1, MAX_DAYS) },
    },
    equipment: {
      type: 'object',
      additionalProperties: false,
      required: ['lossMonthlyRate', 'damageMonthlyRate', 'replacementCost', 'repairCost', 'contractorAtFault'],
      properties: {
        lossMonthlyRate: probability,
        damageMonthlyRate: probability,
        replacementCost: range(0, MAX_YEN),
        repairCost: range(0, MAX_YEN),
        contractorAtFault: probability,
        remedyExcessive: probability,
      },
    },
    damages: {
      type: 'object',
      additionalProperties: false,
      required: ['claimProbability', 'companyShare', 'claimedAmount'],
      properties: { claimProbability: probability, companyShare: probability, lossKinds: weights(LOSS_KINDS), claimedAmount: range(0, MAX_YEN) },
    },
    refunds: {
      type: 'object',
      additionalProperties: false,
      required: ['paidShare'],
      properties: { paidShare: probability },
    },
    baseline: side,
    proposal: side,
    replications: { type: 'integer', minimum: 1, maximum: 1000 },
    response: { type: 'object', additionalProperties: false, properties: { cancellation: elasticities, choice: elasticities } },
    sensitivity: {
      type: 'object',
      additionalProperties: false,
      properties: {
        relative: { type: 'number', exclusiveMinimum: 0, maximum: 1 },
        defaults: { type: 'boolean' },
        assumptions: {
          type: 'array',
          minItems: 1,
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['pointer'],
            properties: { pointer: { type: 'string', pattern: '^(/[^/]+)+$' }, label: { type: 'string' }, down: { type: 'number' }, up: { type: 'number' } },
          },
        },
      },
    },
  },
} as const;
