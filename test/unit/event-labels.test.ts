import { describe, expect, it } from 'vitest';
import { DECISION_EVENTS } from '../../src/engine/decision-events.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/cli/options.js';
import {
  EVENT_LABELS_JA,
  EVENT_PARAM_LABELS_JA,
  EVENT_PARAM_VALUE_LABELS,
  eventParamValueLabel,
  INTERPRETATION_FIELD_LABELS_JA,
  RULE_FIELD_LABELS_JA,
} from '../../src/engine/review/event-labels.js';
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

  it("words every coded value of a shipped rule's event parameter (not a clause, not true/false) in the terms', quoted: the label less its （…） note, or each part in 「…」", () => {
    const squash = (s: string): string => s.replace(/\s+/gu, '');
    const terms = squash(readFileSync(join(PROJECT_ROOT, 'rules', 'terms-2023-09-19.txt'), 'utf8'));
    const coded = registry.ruleVersions.flatMap((v) =>
      DECISIONS.flatMap((d) =>
        v.decisions[d].rules.flatMap((r) =>
          Object.entries(r.event.params ?? {})
            .filter((e): e is [string, string] => typeof e[1] === 'string' && !/^(第|別紙)/u.test(e[1]))
            .map(([p, x]) => [d, p, x] as const),
        ),
      ),
    );
    expect(coded.length).toBeGreaterThan(8);
    expect(coded.filter(([d, p, x]) => !eventParamValueLabel(d, p, x, 'ja') || !eventParamValueLabel(d, p, x, 'en')).map((c) => c.join('.'))).toEqual([]);
    const labels = Object.values(EVENT_PARAM_VALUE_LABELS).flatMap((ps) => Object.values(ps).flatMap((vs) => Object.values(vs).map((l) => l.ja)));
    const notQuoted = labels.filter((ja) => {
      const main = squash(ja.replace(/（[^）]*）$/u, ''));
      const inner = [...ja.matchAll(/「([^」]+)」/gu)].map((m) => squash(m[1]!));
      return !terms.includes(main) && !(inner.length > 0 && inner.every((q) => terms.includes(q)));
    });
    expect(notQuoted).toEqual([]);
  });

  it('names in Japanese every field a shipped rule or interpretation has, for the diff and the change notice', () => {
    const ruleFields = new Set(registry.ruleVersions.flatMap((v) => DECISIONS.flatMap((d) => v.decisions[d].rules.flatMap((r) => Object.keys(r)))));
    expect([...ruleFields].filter((f) => f !== 'id' && !Object.hasOwn(RULE_FIELD_LABELS_JA, f))).toEqual([]);
    const interpretationFields = new Set(registry.ruleVersions.flatMap((v) => v.interpretations.flatMap((i) => Object.keys(i))));
    expect([...interpretationFields].filter((f) => f !== 'name' && !Object.hasOwn(INTERPRETATION_FIELD_LABELS_JA, f))).toEqual([]);
  });
});
