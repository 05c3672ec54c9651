import { describe, expect, it } from 'vitest';
import { compileSchema } from '../../src/engine/ajv.js';
import { schemaErrorMessage, valueAtPointer } from '../../src/engine/schema-errors.js';
import { CONTRACT } from '../../src/studio/api/contract.js';
import { createDispatcher, type Handlers } from '../../src/studio/api/dispatcher.js';

const schema = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'kind'],
  properties: { name: { type: 'string' }, kind: { enum: ['a', 'b'] } },
} as const;
const errorsOf = (data: unknown) => {
  const v = compileSchema(schema);
  expect(v(data)).toBe(false);
  return v.errors ?? [];
};

describe('one error-message function for data, facts and the API', () => {
  it('data style: names what the schema wants, in the words the data loader has always used', () => {
    const messages = errorsOf({ kind: 'c', colour: 1 }).map((e) => schemaErrorMessage(e, 'data'));
    expect(messages).toEqual(expect.arrayContaining(['missing required property "name"', 'unknown property "colour": remove it or fix its spelling', 'must be one of ["a","b"]']));
  });

  it('facts style: keys are facts, and the value found is shown', () => {
    const data = { name: 3, kind: 'c' };
    const messages = errorsOf(data).map((e) => schemaErrorMessage(e, 'facts', valueAtPointer(data, e.instancePath)));
    expect(messages).toEqual(expect.arrayContaining(['must be string, got number 3', 'must be one of "a", "b", got "c"']));
  });

  it('facts style: a null is named once', () => {
    const data = { name: null, kind: 'a' };
    const messages = errorsOf(data).map((e) => schemaErrorMessage(e, 'facts', valueAtPointer(data, e.instancePath)));
    expect(messages).toContain('must be string, got null');
  });

  it('facts style: an empty string where a value is needed says so in words', () => {
    const v = compileSchema({ type: 'object', properties: { course: { type: 'string', minLength: 1 }, code: { type: 'string', minLength: 3 } } });
    const data = { course: '', code: 'ab' };
    expect(v(data)).toBe(false);
    const messages = (v.errors ?? []).map((e) => schemaErrorMessage(e, 'facts', valueAtPointer(data, e.instancePath)));
    expect(messages).toEqual(['must not be empty; write a value or leave the fact out where it is optional', 'must be at least 3 characters, got "ab"']);
  });

  it('the API dispatcher answers INVALID_ARGS with the same words and each JSON pointer', async () => {
    const refuse = () => {
      throw new Error('not reached: the arguments are refused first');
    };
    const handlers = Object.fromEntries(Object.entries(CONTRACT).map(([d, calls]) => [d, Object.fromEntries(Object.keys(calls).map((m) => [m, refuse]))])) as unknown as Handlers;
    const dispatch = createDispatcher(handlers);
    const r = await dispatch('tariffs.get', { id: 1, colour: 'red' });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGS', issues: [{ field: '/', message: '(payload): unknown property "colour": remove it or fix its spelling' }] },
    });
  });
});
