import { describe, expect, it } from 'vitest';
import { factValueText } from '../../src/engine/review/fact-labels.js';
import { traceFactText } from '../../src/studio/renderer/explorer/trace-fact-text.js';
import { interpretationLabelKey } from '../../src/studio/renderer/explorer/output-labels.js';
import { interpretationWords } from '../../src/studio/renderer/rules/interpretation-words.js';
import { ownValueDescription } from '../../src/studio/renderer/i18n/rule-texts.js';
import { en, ja, type MessageKey } from '../../src/studio/renderer/i18n/messages.js';
import { registry } from '../unit/helpers.js';

/** The explorer's trace names an `interpretation.*` fact as the 使った解釈 list does, and never reads two bracket groups in a row. */
describe("the explorer trace's facts", () => {
  const interps = registry.rulesInForce('2025-06-01')!.interpretations;
  const words = (lang: 'ja' | 'en') => interpretationWords(interps, lang, (k: MessageKey) => (lang === 'ja' ? ja : en)[k]);

  it("labels every interpretation fact with the interpretation's title and its value's description, code beside", () => {
    const named = interps.filter((i) => interpretationLabelKey(i.name) !== null);
    expect(named.length).toBeGreaterThan(0);
    expect(named.filter((i) => (ownValueDescription(i, i.default) ?? '').trim() !== '').length).toBeGreaterThan(0);
    for (const i of named)
      for (const lang of ['ja', 'en'] as const) {
        const value = i.default;
        const text = traceFactText('settlement', `interpretation.${i.name}`, value, lang, words(lang));
        expect(text.label, i.name).toBe((lang === 'ja' ? ja : en)[interpretationLabelKey(i.name)!]);
        expect(text.label).not.toContain(i.name);
        const own = ownValueDescription(i, value);
        if (own !== undefined && own.trim() !== '') {
          expect(text.value, i.name).toContain(words(lang).value(i.name, value)!);
          expect(text.value).toContain(value);
        }
      }
  });

  it('reads an interpretation the version lacks by its code, and other facts as before', () => {
    expect(traceFactText('settlement', 'interpretation.noSuchThing', 'x', 'ja', words('ja')).value).toBe('x');
    expect(traceFactText('lateInterest', 'principal', 10000, 'ja', words('ja'))).toEqual({ label: expect.any(String), value: '10,000円' });
  });

  it('reads the settlement policy none as one bracket group and its code', () => {
    expect(factValueText('settlement', 'policyKind', 'none', 'ja')).toBe('なし（別紙3表2の解約清算金） none');
    expect(factValueText('settlement', 'policyKind', 'none', 'en')).toBe('none (別紙3表2) none');
    expect(factValueText('outageWaiver', 'cause', 'company-gross-negligence', 'ja')).toBe('当社の故意又は重大な過失（company-gross-negligence）');
    for (const kind of ['none', 'remaining-of-months', 'longest-satisfied-same-family'])
      for (const lang of ['ja', 'en'] as const) expect(factValueText('settlement', 'policyKind', kind, lang)).not.toMatch(/[）)]\s*[（(]/u);
  });
});
