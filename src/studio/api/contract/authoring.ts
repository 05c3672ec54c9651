import type { JSONSchemaType } from 'ajv';
import { PARAMETER_UNITS, type Interpretation, type ParameterUnit } from '../../../engine/rule-types.js';
import { call } from './call.js';
import { id } from './shared.js';

/**
 * The `authoring` domain: rules added (from a template of the decision, or duplicated), deleted
 * and reordered, parameters and named interpretations edited, in a rule draft, each checked as files on disk are
 * (schema, facts, the whole version, clause and verbatim quote against the terms).
 */
const revision = { type: 'integer', minimum: 1 } as const;
const decision = { type: 'string', maxLength: 64 } as const;
const ruleId = { type: 'string', minLength: 1, maxLength: 200 } as const;
const text = { type: 'string', maxLength: 20_000 } as const;

export type AddRuleArgs = { id: number; revision: number; decision: string; ruleId: string; from: string | null; clause: string; quote: string };
export type RuleRef = { id: number; revision: number; decision: string; ruleId: string };
export type ParameterArgs = { id: number; revision: number; decision: string; name: string; valueJson: string; clause: string; quote: string; unit?: ParameterUnit | null };
export type InterpretationArgs = { id: number; revision: number; name: string; interpretation: Interpretation };
export type Saved = { id: number; revision: number };
export type QuoteCheck = { issues: { code: string; severity: 'error' | 'warning'; message: string; field?: string; value?: string }[]; article: string | null };

const saved = { type: 'object', additionalProperties: false, required: ['id', 'revision'], properties: { id, revision: { type: 'integer' } } } as const;
const refArgs = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'revision', 'decision', 'ruleId'],
  properties: { id, revision, decision, ruleId },
} as unknown as JSONSchemaType<RuleRef>;

export const authoring = {
  addRule: call<AddRuleArgs, Saved>(
    "add a rule to a draft's decision: a template of the decision (from null: its first fact and event) or a duplicate of rule `from`, with its clause and verbatim quote (checked against the terms)",
    {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'revision', 'decision', 'ruleId', 'from', 'clause', 'quote'],
      properties: { id, revision, decision, ruleId, from: { type: ['string', 'null'], maxLength: 200 }, clause: { type: 'string', maxLength: 100 }, quote: text },
    } as unknown as JSONSchemaType<AddRuleArgs>,
  ).returns(saved),
  deleteRule: call<RuleRef, Saved>('delete a rule from a draft', refArgs).returns(saved),
  moveRule: call<RuleRef & { direction: 'up' | 'down' }, Saved>(
    'move a rule one place up or down in its decision: it takes the priority of the rule it passes (the engine runs higher priority first)',
    {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'revision', 'decision', 'ruleId', 'direction'],
      properties: { id, revision, decision, ruleId, direction: { type: 'string', enum: ['up', 'down'] } },
    } as unknown as JSONSchemaType<RuleRef & { direction: 'up' | 'down' }>,
  ).returns(saved),
  setParameter: call<ParameterArgs, Saved>(
    "edit a parameter of a draft's decision (the constants: 14.6%, 15 days): its value (JSON: a number or a string, of the type it had), clause and verbatim quote; `unit` declares the unit of one the catalog of units does not know (one a draft added; null takes the declaration back)",
    {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'revision', 'decision', 'name', 'valueJson', 'clause', 'quote'],
      properties: {
        id,
        revision,
        decision,
        name: { type: 'string', maxLength: 100 },
        valueJson: { type: 'string', maxLength: 1000 },
        clause: { type: 'string', maxLength: 100 },
        quote: text,
        unit: { type: ['string', 'null'], enum: [...PARAMETER_UNITS, null] },
      },
    } as unknown as JSONSchemaType<ParameterArgs>,
  ).returns(saved),
  editInterpretation: call<InterpretationArgs, Saved>(
    "edit a named interpretation of a draft (its description, default, alternatives and their descriptions), checked as interpretations.json on disk: the schema, each value once, the values the engine's code branches on kept (errors with the file's JSON pointer)",
    {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'revision', 'name', 'interpretation'],
      properties: { id, revision, name: { type: 'string', maxLength: 100 }, interpretation: { type: 'object', required: [] } },
    } as unknown as JSONSchemaType<InterpretationArgs>,
  ).returns(saved),
  checkQuote: call<{ id: number; clause: string; quote: string }, QuoteCheck & { articleText: string | null }>(
    "check a clause and quote against the terms in force for the version (as you type), with the text of the clause's article to pick the quote from",
    { type: 'object', additionalProperties: false, required: ['id', 'clause', 'quote'], properties: { id, clause: { type: 'string', maxLength: 100 }, quote: text } },
  ).returns({
    type: 'object',
    additionalProperties: false,
    required: ['issues', 'article', 'articleText'],
    properties: {
      issues: {
        type: 'array',
        items: {
          type: 'object',
          required: ['code', 'severity', 'message'],
          properties: { code: { type: 'string' }, severity: { enum: ['error', 'warning'] }, message: { type: 'string' } },
        },
      },
      article: { type: ['string', 'null'] },
      articleText: { type: ['string', 'null'] },
    },
  }),
};
