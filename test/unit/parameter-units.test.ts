import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PARAMETER_TEXTS, parameterUnitText, parameterValueText } from '../../src/engine/review/parameter-texts.js';
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
    // A parameter a draft added has no unit in the catalog: its value alone.
    expect(parameterValueText('lateInterest.newThing', 3, 'ja')).toBe('3');
    expect(parameterUnitText('lateInterest.newThing', 'ja')).toBe('');
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
