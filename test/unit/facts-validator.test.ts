import { describe, expect, it } from 'vitest';
import { optionsFact } from '../../src/engine/decisions/monthly-charge.js';
import { validateFacts } from '../../src/engine/facts-validator.js';

/** A `oneOf` fact (monthlyCharge.options: a code or `{code, from}`) reports only the shape the value has. */
const schema = { type: 'object', properties: { options: optionsFact } };

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

describe('validateFacts with oneOf over a long list', () => {
  it("judges each item by its own errors: a string option does not hide a later {code, from} option's error", () => {
    expect(validateFacts(schema, { options: ['a', { code: 'b', from: '2024-01-01' }] }).map((e) => [e.path, e.code])).toEqual([['/facts/options/1/from', 'FACT_FORMAT']]);
    expect(validateFacts(schema, { options: [5, { code: 'b', from: '2024-01-01' }] }).map((e) => [e.path, e.code])).toEqual([
      ['/facts/options/0', 'FACT_TYPE'],
      ['/facts/options/1/from', 'FACT_FORMAT'],
    ]);
  });

  it('answers 20,000 wrongly dated options with one error each (this took minutes: every error was compared with every oneOf)', () => {
    const options = Array.from({ length: 20_000 }, (_, i) => ({ code: `o${i}`, from: '2024-01-01' }));
    const errors = validateFacts(schema, { options });
    expect(errors).toHaveLength(20_000);
    expect(errors[19_999]).toMatchObject({ path: '/facts/options/19999/from', code: 'FACT_FORMAT' });
  });
});
