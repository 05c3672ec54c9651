import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Interpretation } from '../../src/engine/rule-types.js';
import { engineValuesOf, formOf, interpretationOf } from '../../src/studio/renderer/rules/interpretation-form.js';

/** The interpretation editor's form: a round trip of every interpretation of the rules, a default switched, a value added and removed. */
const all = (JSON.parse(readFileSync('rules/2023-09-19/interpretations.json', 'utf8')) as { interpretations: Interpretation[] }).interpretations;

describe('interpretation form', () => {
  it('gives back every interpretation of the rules unchanged (value for value)', () => {
    for (const i of all) expect(interpretationOf(i, formOf(i))).toStrictEqual(i);
  });

  it('switching the default keeps each value with its own description and aliases', () => {
    const i = all.find((x) => x.name === 'dailyRate')!;
    const f = formOf(i);
    const next = interpretationOf(i, { ...f, defaultValue: 'thirty-days' });
    expect(next.default).toBe('thirty-days');
    expect(next.defaultDescription).toBe(i.alternatives.find((a) => a.value === 'thirty-days')!.description);
    expect(next.alternatives.map((a) => a.value)).toEqual([i.default, ...i.alternatives.filter((a) => a.value !== 'thirty-days').map((a) => a.value)]);
    expect(next.alternatives[0]).toEqual({ value: i.default, description: i.defaultDescription, ...(i.defaultAliases ? { aliases: i.defaultAliases } : {}) });
  });

  it('adds and removes alternatives; the engine values are named', () => {
    const i = all.find((x) => x.name === 'businessDays')!;
    const f = formOf(i);
    const added = interpretationOf(i, { ...f, values: [...f.values, { value: 'weekdays-only', description: 'Monday to Friday' }] });
    expect(added.alternatives).toEqual([{ value: 'weekdays-only', description: 'Monday to Friday' }]);
    expect(interpretationOf(added, { ...formOf(added), values: formOf(added).values.slice(0, 1) }).alternatives).toEqual([]);
    expect(engineValuesOf('dailyRate')).toEqual(['own-month', 'known-month', 'thirty-days']);
    expect(engineValuesOf('businessDays')).toEqual([]);
  });
});
