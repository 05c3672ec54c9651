import { describe, expect, it } from 'vitest';
import { DECISION_EVENTS } from '../../src/engine/decision-events.js';
import { EVENT_LABELS_JA, EVENT_PARAM_LABELS_JA, INTERPRETATION_FIELD_LABELS_JA, RULE_FIELD_LABELS_JA } from '../../src/engine/review/event-labels.js';
import { ruleSentence } from '../../src/engine/review/rule-sentences.js';
import { DECISIONS } from '../../src/engine/rule-types.js';
import { registry } from './helpers.js';

/** The Japanese rule sentence says what each event does: every event type a decision handles, and every parameter name the shipped rules use, has Japanese. */
describe('Japanese of rule events', () => {
  it('has a phrase for every event type each decision handles, and none for a type it does not', () => {
    const problems = DECISIONS.flatMap((d) => {
      const handled = [...DECISION_EVENTS[d].decides, ...DECISION_EVENTS[d].records];
      const labels = Object.keys(EVENT_LABELS_JA[d]);
      return [
        ...handled.filter((x) => !labels.includes(x)).map((x) => `${d}: no phrase for "${x}"`),
        ...labels.filter((x) => !handled.includes(x)).map((x) => `${d}: "${x}" is not an event of it`),
      ];
    });
    expect(problems).toEqual([]);
  });

  it('names every event parameter of the shipped rules in Japanese, and the Japanese sentence shows no event type alone', () => {
    const rules = registry.ruleVersions.flatMap((v) => DECISIONS.flatMap((d) => v.decisions[d].rules.map((r) => [d, r] as const)));
    expect(rules.length).toBeGreaterThan(60);
    const params = new Set(rules.flatMap(([, r]) => Object.keys(r.event.params ?? {})));
    expect([...params].filter((p) => !Object.hasOwn(EVENT_PARAM_LABELS_JA, p))).toEqual([]);
    for (const [d, r] of rules) {
      const ja = ruleSentence(r, d, 'ja');
      expect(ja, r.id).toContain(`${EVENT_LABELS_JA[d][r.event.type]}${r.discretionary ? 'ことがある' : ''}〔${r.event.type}〕`);
      expect(ruleSentence(r, d, 'en'), r.id).toContain(`Then: ${r.discretionary ? 'the company may ' : ''}${r.event.type}`);
    }
  });

  it('names in Japanese every field a shipped rule or interpretation has, for the diff and the change notice', () => {
    const ruleFields = new Set(registry.ruleVersions.flatMap((v) => DECISIONS.flatMap((d) => v.decisions[d].rules.flatMap((r) => Object.keys(r)))));
    expect([...ruleFields].filter((f) => f !== 'id' && !Object.hasOwn(RULE_FIELD_LABELS_JA, f))).toEqual([]);
    const interpretationFields = new Set(registry.ruleVersions.flatMap((v) => v.interpretations.flatMap((i) => Object.keys(i))));
    expect([...interpretationFields].filter((f) => f !== 'name' && !Object.hasOwn(INTERPRETATION_FIELD_LABELS_JA, f))).toEqual([]);
  });
});
