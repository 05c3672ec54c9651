import { describe, expect, it } from 'vitest';
import { ITEM_NAMES } from '../../src/camera-sim/views.js';
import { fill } from '../../src/studio/renderer/i18n/i18n-context.js';
import { en, ja, type MessageKey } from '../../src/studio/renderer/i18n/messages.js';
import { itemLabel, KNOWN_ITEMS } from '../../src/studio/renderer/scenarios/item-label.js';

/** The by-item rows of a run: every item the simulator names has a label in both languages, the Japanese one its own name. */
const tOf = (messages: Record<MessageKey, string>) => (key: MessageKey, vars?: Record<string, string | number>) => fill(messages[key], vars);
const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff]/u;

describe('itemLabel', () => {
  it('knows exactly the items the simulator names itself', () => {
    expect([...KNOWN_ITEMS].sort()).toEqual(Object.keys(ITEM_NAMES).sort());
  });

  it('labels a known item in Japanese as the simulator names it, and in English without Japanese, the term kept for the tooltip', () => {
    for (const [item, name] of Object.entries(ITEM_NAMES)) {
      expect(itemLabel({ item, name }, tOf(ja)).label).toBe(name);
      const english = itemLabel({ item, name }, tOf(en));
      expect(english.label, item).not.toMatch(JAPANESE);
      expect(english.term).toBe(name);
    }
  });

  it("an option keeps the terms' name with a word of the page's language; an unnamed item shows its code", () => {
    expect(itemLabel({ item: 'event-api', name: 'イベント登録 API' }, tOf(en))).toEqual({ label: 'Option: イベント登録 API', term: 'イベント登録 API' });
    expect(itemLabel({ item: 'event-api', name: 'イベント登録 API' }, tOf(ja)).label).toBe('オプション「イベント登録 API」');
    expect(itemLabel({ item: 'mystery', name: 'mystery' }, tOf(en))).toEqual({ label: 'mystery', term: 'mystery' });
  });
});
