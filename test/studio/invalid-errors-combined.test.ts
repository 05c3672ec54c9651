// @vitest-environment jsdom
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import { decideFast } from '../../src/engine/decide.js';
import { loadRegistry, loadTariffVersions } from '../../src/io/folder-store.js';
import { decisionForms } from '../../src/studio/handlers/explorer-handlers.js';
import { I18nProvider } from '../../src/studio/renderer/i18n/i18n-context.js';
import { InvalidErrors } from '../../src/studio/renderer/ui/invalid-errors.js';
import { SEED } from './helpers.js';

/**
 * The explorer shows every problem of an invalid case at once (the engine reports them all): a
 * monthlyCharge case with four problems renders four items, each in Japanese with its field, its
 * pointer and code, in the case's order; an unknown key inside an option entry is said as a key of
 * that entry, not as a fact of the decision.
 */
const registry = loadRegistry(SEED.rulesDir, SEED.tariffsDir);
const courses = loadTariffVersions(SEED.tariffsDir)[0]!.courses.map((c) => ({ code: c.code, name: c.name }));
const asOf = '2024-05-01';
const facts = { course: 'LONG', startDate: '2024-01-15', month: '2024-02', freeMonths: '1', options: ['event-api', 'event-apl', { code: 'place-ai', note: 'memo' }, 'event-api'] };

const render = (lang: 'ja' | 'en') => {
  (globalThis as { localStorage?: unknown }).localStorage = { getItem: () => lang, setItem: () => undefined };
  const out = decideFast(registry, { asOf, decision: 'monthlyCharge', facts }, { today: asOf });
  expect(out.outcome).toBe('invalid');
  // What the explorer page hands the component (explorer-page.tsx): the decision, the case as sent with its schema, the courses.
  const at = { decision: 'monthlyCharge', facts, asOf, interpretations: {}, schema: decisionForms().find((f) => f.name === 'monthlyCharge')!.schema, courses };
  const html = renderToStaticMarkup(createElement(I18nProvider, null, createElement(InvalidErrors, { errors: out.errors!, at, testId: 'explorer-errors' })));
  const document = new DOMParser().parseFromString(html, 'text/html');
  return Array.from(document.querySelectorAll('[data-testid="explorer-errors-item"]')).map((li) => ({
    code: li.getAttribute('data-code'),
    pointer: li.querySelector('[data-testid="explorer-errors-pointer"]')!.textContent,
    text: li.textContent!,
  }));
};

afterEach(() => {
  delete (globalThis as { localStorage?: unknown }).localStorage;
});

describe('the explorer shows every problem of an invalid case', () => {
  it('four problems, four items in the case order, each said in Japanese beside its pointer', () => {
    const items = render('ja');
    expect(items.map((i) => `${i.pointer} ${i.code}`)).toEqual([
      '/facts/freeMonths FACT_TYPE',
      '/facts/options/1 UNKNOWN_OPTION',
      '/facts/options/2/note FACT_ADDITIONALPROPERTIES',
      '/facts/options/3 DUPLICATE_OPTION',
    ]);
    expect(items[0]!.text).toContain('「1」は受け付けられません。');
    expect(items[1]!.text).toContain('オプション「event-apl」は料金表（別紙3表3）にありません。');
    expect(items[2]!.text).toContain('（3 件目）: 項目「note」はここにはありません。使える項目: オプションコード（code）、利用を始めた月（from）。');
    expect(items[2]!.text).not.toContain('この判定にはない項目です');
    expect(items[3]!.text).toContain('オプション「event-api」が二度挙がっています。');
  });

  it("paymentAllocation: a bill id used twice and a bill amount of the wrong type, each said in Japanese; a key of the writer's own in a bill (memo) is no error", () => {
    (globalThis as { localStorage?: unknown }).localStorage = { getItem: () => 'ja', setItem: () => undefined };
    const bills = [
      { id: 'A', dueDate: '2024-04-30', amount: 1000 },
      { id: 'A', dueDate: '2024-05-31', amount: '1000', memo: 'x' },
    ];
    const paFacts = { bills, payments: [] };
    const out = decideFast(registry, { asOf, decision: 'paymentAllocation', facts: paFacts }, { today: asOf });
    const at = { decision: 'paymentAllocation', facts: paFacts, asOf, interpretations: {}, schema: decisionForms().find((f) => f.name === 'paymentAllocation')!.schema, courses };
    const html = renderToStaticMarkup(createElement(I18nProvider, null, createElement(InvalidErrors, { errors: out.errors!, at, testId: 'explorer-errors' })));
    const items = Array.from(new DOMParser().parseFromString(html, 'text/html').querySelectorAll('[data-testid="explorer-errors-item"]')).map((li) => li.textContent!);
    // A bill is read by its id, dueDate and amount (all required); another key is the writer's own note (docs/engine.md).
    expect(items).toHaveLength(2);
    expect(items[0]).toContain('（2 件目）のid: id 「A」がほかの請求と同じです。');
    expect(items[0]).toContain('/facts/bills/1/id DUPLICATE_ID');
    expect(items[1]).toContain('「1000」は受け付けられません。');
    expect(items.join('\n')).not.toContain('memo');
  });

  it("on the English page, the engine's own messages; the option entry's key is no 'unknown fact'", () => {
    const items = render('en');
    expect(items).toHaveLength(4);
    expect(items[2]!.text).toContain('unknown key "note" in /facts/options/2 (its keys: code, from): remove it or check its spelling');
    expect(items[2]!.text).not.toContain('unknown fact');
  });
});
