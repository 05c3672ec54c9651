import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PARAMETER_TEXTS, parameterUnitText, parameterValueText } from '../../src/engine/review/parameter-texts.js';
import { FACT_LABELS, FACT_UNITS, factValueText } from '../../src/engine/review/fact-labels.js';
import { ruleFileSchema } from '../../src/engine/schemas.js';
import { compileSchema } from '../../src/engine/ajv.js';
import { versionReferenceErrors } from '../../src/engine/rule-references.js';
import type { RuleFile } from '../../src/engine/rule-types.js';
import { registry } from './helpers.js';
import { PROJECT_ROOT } from '../../src/cli/options.js';

describe("a parameter's value with its unit", () => {
  it('reads as the terms count it in Japanese and in English', () => {
    expect(parameterValueText('lateInterest.annualRatePercent', '14.6', 'ja')).toBe('14.6％');
    expect(parameterValueText('lateInterest.annualRatePercent', '14.6', 'en')).toBe('14.6%');
    expect(parameterValueText('lateInterest.graceDays', 15, 'ja')).toBe('15日');
    expect(parameterValueText('lateInterest.graceDays', 15, 'en')).toBe('15 days');
    expect(parameterValueText('cancellation.noticeBusinessDays', 5, 'ja')).toBe('5営業日');
    expect(parameterUnitText('cancellation.noticeBusinessDays', 'en')).toBe('business days');
    expect(parameterValueText('lateInterest.graceDays', undefined, 'ja')).toBe('—');
    // A parameter a draft added has no unit in the catalog: its value alone, until its file declares one.
    expect(parameterValueText('lateInterest.newThing', 3, 'ja')).toBe('3');
    expect(parameterUnitText('lateInterest.newThing', 'ja')).toBe('');
    expect(parameterValueText('lateInterest.newThing', 3, 'ja', 'days')).toBe('3日');
    expect(parameterValueText('lateInterest.newThing', 3, 'en', 'days')).toBe('3 days');
    expect(parameterUnitText('lateInterest.newThing', 'ja', 'months')).toBe('か月');
    // A shipped parameter's unit is the catalog's, whatever a file declares.
    expect(parameterValueText('lateInterest.graceDays', 15, 'ja', 'hours')).toBe('15日');
  });

  it("a rule file may declare a parameter's unit, one of the units the terms count in", () => {
    const validate = compileSchema(ruleFileSchema);
    const shipped = JSON.parse(readFileSync(join(PROJECT_ROOT, 'rules', '2023-09-19', 'lateInterest.json'), 'utf8')) as { parameters: object };
    const file = (unit: unknown) => ({ ...shipped, parameters: { ...shipped.parameters, newThing: { value: 3, clause: '第27条', quote: 'x', unit } } });
    expect(validate(shipped), JSON.stringify(validate.errors)).toBe(true);
    expect(validate(file('days')), JSON.stringify(validate.errors)).toBe(true);
    expect(validate(file('weeks'))).toBe(false);
    // A shipped parameter re-declared in another unit is an error naming the file, the pointer and what to do.
    const grace = {
      ...shipped,
      parameters: { ...shipped.parameters, graceDays: { ...(shipped.parameters as Record<string, object>)['graceDays'], unit: 'hours' } },
    } as unknown as RuleFile;
    const same = { ...grace, parameters: { ...grace.parameters, graceDays: { ...grace.parameters!['graceDays']!, unit: 'days' } } } as RuleFile;
    const interpretations = { file: 'interpretations.json', data: registry.ruleVersions[0]!.interpretations };
    expect(versionReferenceErrors({ lateInterest: { file: 'lateInterest.json', data: grace } }, interpretations)).toEqual([
      {
        file: 'lateInterest.json',
        pointer: '/parameters/graceDays/unit',
        code: 'PARAMETER_UNIT',
        message: 'parameter graceDays is counted in days (src/engine/review/parameter-texts.ts), not hours; remove "unit" or set it to "days"',
      },
    ]);
    expect(versionReferenceErrors({ lateInterest: { file: 'lateInterest.json', data: same } }, interpretations)).toEqual([]);
  });

  it("a fact a rule read shows with its unit, an enum value in the terms' words, true and false in words", () => {
    expect(factValueText('lateInterest', 'daysAfterDue', 31, 'ja')).toBe('31日');
    expect(factValueText('lateInterest', 'graceDays', 15, 'ja')).toBe('15日');
    expect(factValueText('lateInterest', 'principal', 10000, 'ja')).toBe('10,000円');
    expect(factValueText('lateInterest', 'principal', 10000, 'en')).toBe('¥10,000');
    expect(factValueText('lateInterest', 'annualRatePercent', '14.6', 'ja')).toBe('14.6％');
    expect(factValueText('outageWaiver', 'cause', 'company-gross-negligence', 'ja')).toBe('当社の故意又は重大な過失（company-gross-negligence）');
    expect(factValueText('outageWaiver', 'cause', 'company-gross-negligence', 'en')).toBe("the company's wilful misconduct or gross negligence (company-gross-negligence)");
    expect(factValueText('outageWaiver', 'totalOutage', true, 'ja')).toBe('はい');
    expect(factValueText('outageWaiver', 'totalOutage', false, 'en')).toBe('no');
    expect(factValueText('outageWaiver', 'interpretation.partialOutage', 'm-series-waive', 'ja')).toBe('m-series-waive');
    // A course kind and a settlement policy's kind read in the terms' words too (第15条, 別紙3表2).
    expect(factValueText('courseChange', 'fromKind', 'short', 'ja')).toBe('短期コース（short）');
    expect(factValueText('settlement', 'policyKind', 'none', 'ja')).toBe('なし（別紙3表2の解約清算金） none');
    expect(factValueText('paymentAllocation', 'bills', [{ id: 'a' }], 'ja')).toBe('[{"id":"a"}]');
  });

  it('every unit of a fact names a fact its decision labels, not a parameter (a parameter has its unit in the catalog)', () => {
    for (const [d, units] of Object.entries(FACT_UNITS))
      for (const fact of Object.keys(units)) {
        expect(Object.keys(FACT_LABELS[d as keyof typeof FACT_LABELS]), `${d}.${fact}`).toContain(fact);
        expect(Object.hasOwn(PARAMETER_TEXTS, `${d}.${fact}`), `${d}.${fact}`).toBe(false);
      }
  });

  it("agrees with each shipped parameter's quote wherever the quote prints the value", () => {
    const dir = join(PROJECT_ROOT, 'rules', '2023-09-19');
    const wrong: string[] = [];
    let checked = 0;
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.json') && n !== 'interpretations.json')) {
      const doc = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { parameters?: Record<string, { value: unknown; quote: string }> };
      for (const [name, p] of Object.entries(doc.parameters ?? {})) {
        const key = `${f.replace(/\.json$/u, '')}.${name}`;
        expect(Object.hasOwn(PARAMETER_TEXTS, key), key).toBe(true);
        const quote = p.quote.normalize('NFKC').replace(/\s+/gu, '');
        if (!new RegExp(`(^|[^0-9.])${String(p.value).replace('.', '\\.')}($|[^0-9])`, 'u').test(quote)) continue;
        checked++;
        if (!quote.includes(parameterValueText(key, p.value, 'ja').normalize('NFKC'))) wrong.push(`${key}: ${parameterValueText(key, p.value, 'ja')} not in ${p.quote}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(3);
  });
});
