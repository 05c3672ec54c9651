import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import { OPERATOR_TABLE } from '../../src/engine/operators.js';
import { conditionSentence } from '../../src/engine/review/rule-sentences.js';
import { conditionDefs } from '../../src/engine/schemas.js';
import type { Condition, Operator } from '../../src/engine/rule-types.js';
import { I18nProvider } from '../../src/studio/renderer/i18n/i18n-context.js';
import { ConditionEditor } from '../../src/studio/renderer/rules/condition-editor.js';
import { OPERATOR_HOLES, operatorChoices } from '../../src/studio/renderer/rules/operator-choices.js';

/**
 * The condition editor offers every operator of the engine's one table (src/engine/operators.ts),
 * each with its sentence in Japanese and English: a new operator missing from the editor, or
 * without a sentence in either language, fails here.
 */
const LANGS = ['ja', 'en'] as const;
const TABLE_OPS = Object.keys(OPERATOR_TABLE) as Operator[];

/** The editor as it renders, in one language: the operator dropdown's options (value and text). */
function renderedOperatorOptions(lang: 'ja' | 'en', cond: Condition): { value: string; text: string }[] {
  (globalThis as { localStorage?: unknown }).localStorage = { getItem: () => lang, setItem: () => undefined };
  const html = renderToStaticMarkup(
    createElement(I18nProvider, null, createElement(ConditionEditor, { cond, facts: [{ name: 'x', ja: 'エックス', en: 'ex' }], onChange: () => undefined })),
  );
  const select = /<select[^>]*data-testid="cond-[\d-]*(?:root)?-?operator"[^>]*>([\s\S]*?)<\/select>/u.exec(html)?.[1] ?? '';
  return [...select.matchAll(/<option value="([^"]*)"[^>]*>([^<]*)<\/option>/gu)].map((m) => ({ value: m[1]!, text: m[2]! }));
}

afterEach(() => {
  delete (globalThis as { localStorage?: unknown }).localStorage;
});

describe('the condition editor offers every operator of the engine, with its sentence', () => {
  it('the table is what the rule schema allows', () => {
    expect([...conditionDefs.leaf.properties.operator.enum].sort()).toEqual([...TABLE_OPS].sort());
  });

  for (const lang of LANGS)
    it(`every operator of the table is a choice of the rendered editor, with a sentence of its own (${lang})`, () => {
      const leaf = { fact: 'x', operator: 'equal', value: 1 } as const;
      for (const cond of [leaf, { all: [leaf] }, { any: [{ not: leaf }] }] as Condition[]) {
        const options = renderedOperatorOptions(lang, cond);
        expect(options.map((o) => o.value).sort(), JSON.stringify(cond)).toEqual([...TABLE_OPS].sort());
      }
      const options = renderedOperatorOptions(lang, leaf);
      const choices = operatorChoices(lang);
      for (const op of TABLE_OPS) {
        const shown = options.find((o) => o.value === op);
        const choice = choices.find((c) => c.value === op);
        expect(shown, `${op} is missing from the editor (${lang})`).toBeDefined();
        expect(choice?.label.trim(), `${op} has no sentence (${lang})`).toBeTruthy();
        // The option is the operator's sentence from the table, the fact and the value left open.
        expect(choice!.label).toBe(OPERATOR_TABLE[op][lang](...OPERATOR_HOLES[lang]));
        expect(shown!.text).toBe(choice!.label);
        expect(OPERATOR_TABLE[op][lang]('FACT', 'VALUE').replace('FACT', '').replace('VALUE', '').trim().length, `${op}: no words of its own (${lang})`).toBeGreaterThan(0);
        // And a rule using it reads as a sentence in the review.
        expect(conditionSentence({ fact: 'x', operator: op, value: 1 }, 'approval', lang)).toBe(OPERATOR_TABLE[op][lang](lang === 'ja' ? '「x」' : '“x”', '1'));
      }
      expect(new Set(TABLE_OPS.map((op) => conditionSentence({ fact: 'x', operator: op, value: 1 }, 'approval', lang))).size).toBe(TABLE_OPS.length);
      // No two operators read the same.
      expect(new Set(choices.map((c) => c.label)).size).toBe(TABLE_OPS.length);
    });

  it('groups nest: all, any and not are offered in both languages', () => {
    for (const lang of LANGS) {
      (globalThis as { localStorage?: unknown }).localStorage = { getItem: () => lang, setItem: () => undefined };
      const html = renderToStaticMarkup(
        createElement(
          I18nProvider,
          null,
          createElement(ConditionEditor, { cond: { all: [{ any: [{ not: { fact: 'x', operator: 'equal', value: true } }] }] } as Condition, facts: [], onChange: () => undefined }),
        ),
      );
      for (const path of ['root', '0', '0-0']) expect(html, `${lang} ${path}`).toMatch(new RegExp(`data-testid="cond-${path}-kind"[^>]*>(?:<option[^>]*>[^<]*</option>){3}`, 'u'));
      expect(html).toContain('data-testid="cond-0-0-0-operator"');
    }
  });
});
