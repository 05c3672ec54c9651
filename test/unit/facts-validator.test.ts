import { describe, expect, it } from 'vitest';
import { validateFacts } from '../../src/engine/facts-validator.js';

/** A `oneOf` fact (monthlyCharge.options: a code or `{code, from}`) reports only the shape the value has. */
const schema = {
  type: 'object',
  properties: {
    options: {
      type: 'array',
      items: {
        oneOf: [
          { type: 'string', minLength: 1 },
          {
            type: 'object',
            additionalProperties: false,
            required: ['code'],
            properties: { code: { type: 'string', minLength: 1 }, from: { type: 'string', format: 'iso-month' } },
          },
        ],
      },
    },
  },
};

describe('validateFacts with oneOf', () => {
  it('an object of the wrong inside reports only the object branch', () => {
    expect(validateFacts(schema, { options: [{ code: 'x', from: '2024-2' }] }).map((e) => [e.path, e.code])).toEqual([['/facts/options/0/from', 'FACT_FORMAT']]);
    expect(validateFacts(schema, { options: [{ from: '2024-02' }] }).map((e) => [e.path, e.code])).toEqual([['/facts/options/0/code', 'FACT_REQUIRED']]);
  });
  it('a value of neither shape is one type error naming both shapes', () => {
    const errors = validateFacts(schema, { options: ['ok', 5] });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ path: '/facts/options/1', code: 'FACT_TYPE' });
    expect(errors[0]!.message).toContain('string or object');
  });
  it('valid entries of both shapes give no error', () => {
    expect(validateFacts(schema, { options: ['a', { code: 'b', from: '2024-01' }] })).toEqual([]);
  });
});
