import type { JSONSchemaType } from 'ajv';
import type { Output } from '../../../engine/output-types.js';
import { PARAMETER_UNITS, type Interpretation, type ParameterUnit } from '../../../engine/rule-types.js';
import { call } from './call.js';
import { id, isoDate, noArgs, stringMap, title, type NoArgs } from './shared.js';

/** The `explorer` domain: any decision, facts from a form generated from its schema, under any version or draft. */
export type FactField = {
  name: string;
  kind: 'boolean' | 'integer' | 'date' | 'datetime' | 'month' | 'enum' | 'course' | 'list' | 'json' | 'string';
  required: boolean;
  options: (string | null)[];
  minimum: number | null;
  ja: string;
  en: string;
};
export type DecisionForm = { name: string; fields: FactField[]; schema: object };
export type ExploreArgs = {
  decision: string;
  asOf: string;
  facts: Record<string, unknown>;
  ruleVersionId: number;
  tariffVersionId: number;
  interpretations: Record<string, string>;
  name: string;
};
export type ExploreResult = {
  output: Output;
  clauseTexts: Record<string, string>;
  /** The case file that pins this answer (expect = the answer less its trace and versions). */
  caseJson: string;
  /** False when a chosen version is not the approved one in force on asOf: `tariff test` would then answer from another version. */
  pinnedToApproved: boolean;
};

export const factFieldSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'kind', 'required', 'options', 'minimum', 'ja', 'en'],
  properties: {
    name: { type: 'string' },
    kind: { enum: ['boolean', 'integer', 'date', 'datetime', 'month', 'enum', 'course', 'list', 'json', 'string'] },
    required: { type: 'boolean' },
    options: { type: 'array', items: { type: ['string', 'null'] } },
    minimum: { type: ['integer', 'null'] },
    ja: { type: 'string' },
    en: { type: 'string' },
  },
} as const;
export const anyObject = { type: 'object', required: [], additionalProperties: true } as const;

export const explorer = {
  decisions: call<NoArgs, { decisions: DecisionForm[] }>("every decision with the form of its facts, generated from the decision's JSON Schema", noArgs).returns({
    type: 'object',
    additionalProperties: false,
    required: ['decisions'],
    properties: {
      decisions: {
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['name', 'fields', 'schema'],
          properties: { name: { type: 'string' }, fields: { type: 'array', items: factFieldSchema }, schema: { type: 'object' } },
        },
      },
    },
  }),
  context: call<
    { ruleVersionId: number; tariffVersionId: number },
    {
      courses: { code: string; name: string }[];
      options: { code: string; name: string }[];
      interpretations: Interpretation[];
      rules: { id: string; name: string }[];
      /** The unit each parameter's file declares (`decision.name` → unit): a draft's added parameter, whose unit no catalog knows, reads with it in the trace. */
      parameterUnits: Record<string, ParameterUnit>;
    }
  >("what the form offers under the chosen versions: courses, options and named interpretations; the rules' ids and titles and the parameters' declared units, for the trace", {
    type: 'object',
    additionalProperties: false,
    required: ['ruleVersionId', 'tariffVersionId'],
    properties: { ruleVersionId: id, tariffVersionId: id },
  }).returns({
    type: 'object',
    additionalProperties: false,
    required: ['courses', 'options', 'interpretations', 'rules', 'parameterUnits'],
    properties: {
      courses: {
        type: 'array',
        items: { type: 'object', additionalProperties: false, required: ['code', 'name'], properties: { code: { type: 'string' }, name: { type: 'string' } } },
      },
      options: {
        type: 'array',
        items: { type: 'object', additionalProperties: false, required: ['code', 'name'], properties: { code: { type: 'string' }, name: { type: 'string' } } },
      },
      interpretations: { type: 'array', items: { type: 'object' } },
      rules: {
        type: 'array',
        items: { type: 'object', additionalProperties: false, required: ['id', 'name'], properties: { id: { type: 'string' }, name: { type: 'string' } } },
      },
      parameterUnits: { type: 'object', additionalProperties: { enum: [...PARAMETER_UNITS] } },
    },
  }),
  decide: call<ExploreArgs, ExploreResult>(
    'answer a case under the chosen rule and tariff versions (drafts too): outcome, amounts, clauses with their text, trace, interpretations relied on',
    {
      type: 'object',
      additionalProperties: false,
      required: ['decision', 'asOf', 'facts', 'ruleVersionId', 'tariffVersionId', 'interpretations', 'name'],
      properties: {
        decision: { type: 'string', maxLength: 64 },
        asOf: { type: 'string', pattern: isoDate.pattern },
        facts: anyObject,
        ruleVersionId: id,
        tariffVersionId: id,
        interpretations: { type: 'object', required: [], additionalProperties: { type: 'string' } },
        name: title,
      },
    } as unknown as JSONSchemaType<ExploreArgs>,
  ).returns({
    type: 'object',
    additionalProperties: false,
    required: ['output', 'clauseTexts', 'caseJson', 'pinnedToApproved'],
    properties: {
      output: { type: 'object', required: ['outcome', 'clauses', 'trace', 'interpretations'] },
      clauseTexts: stringMap,
      caseJson: { type: 'string' },
      pinnedToApproved: { type: 'boolean' },
    },
  }),
  saveCase: call<{ folder: string; fileName: string; caseJson: string }, { file: string }>('write a case file into a folder of your choice (never over an existing file)', {
    type: 'object',
    additionalProperties: false,
    required: ['folder', 'fileName', 'caseJson'],
    properties: {
      folder: { type: 'string', minLength: 1, maxLength: 1000 },
      fileName: { type: 'string', minLength: 1, maxLength: 200 },
      caseJson: { type: 'string', maxLength: 1_000_000 },
    },
  }).returns({ type: 'object', additionalProperties: false, required: ['file'], properties: { file: { type: 'string' } } }),
};
