import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES } from '../../src/cli/options.js';
import { interpretationLabelKey } from '../../src/studio/renderer/explorer/output-labels.js';
import { COVERAGE_NOTES, INTERPRETATION_TEXTS, PARAMETER_TEXTS, RULE_TITLES } from '../../src/studio/renderer/i18n/rule-text-messages.js';
import {
  coverageNote,
  interpretationDescription,
  parameterDescription,
  interpretationValueDescription,
  ruleTitle,
  ruleTitleById,
} from '../../src/studio/renderer/i18n/rule-texts.js';
import { registry } from '../unit/helpers.js';

/**
 * Every rule and every named interpretation of the shipped rule versions reads in Japanese on the
 * Rules and Explorer pages: a rule added without a Japanese title, or one whose English title
 * changed since it was translated, fails here with its id (and so does a value of an
 * interpretation). The rule files themselves are never touched for it.
 */
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/u;
const rules = registry.ruleVersions.flatMap((v) => Object.values(v.decisions).flatMap((f) => f.rules));
const interpretations = registry.ruleVersions.flatMap((v) => v.interpretations);

describe('Japanese titles of the shipped rules', () => {
  it('reads the shipped rules (so the checks below are not vacuous)', () => {
    expect(rules.length).toBeGreaterThan(60);
    expect(interpretations.length).toBeGreaterThan(10);
  });

  it('has a Japanese title for every rule id, translating the title the rule file holds', () => {
    const missing = rules.filter((r) => !Object.hasOwn(RULE_TITLES, r.id)).map((r) => r.id);
    expect(missing, 'rule ids without a Japanese title in src/studio/renderer/i18n/rule-text-messages.ts').toEqual([]);
    const stale = rules
      .filter((r) => RULE_TITLES[r.id]!.en !== r.name)
      .map((r) => `${r.id}: the rule says ${JSON.stringify(r.name)}, the catalog translates ${JSON.stringify(RULE_TITLES[r.id]!.en)}`);
    expect(stale, 'rule titles changed since they were translated').toEqual([]);
    const notJapanese = rules.filter((r) => !JAPANESE.test(RULE_TITLES[r.id]!.ja)).map((r) => r.id);
    expect(notJapanese).toEqual([]);
  });

  it('keeps no entry for a rule id no version has (a removed or renamed rule is removed here too)', () => {
    const ids = new Set(rules.map((r) => r.id));
    expect(Object.keys(RULE_TITLES).filter((id) => !ids.has(id))).toEqual([]);
  });

  it('has Japanese for every interpretation and every value of it, translating the English the version holds', () => {
    const problems: string[] = [];
    for (const i of interpretations) {
      const entry = Object.hasOwn(INTERPRETATION_TEXTS, i.name) ? INTERPRETATION_TEXTS[i.name] : undefined;
      if (!entry) {
        problems.push(`${i.name}: no entry`);
        continue;
      }
      if (entry.en !== i.description) problems.push(`${i.name}: description changed since it was translated`);
      if (!JAPANESE.test(entry.ja)) problems.push(`${i.name}: the description is not in Japanese`);
      if (interpretationLabelKey(i.name) === null) problems.push(`${i.name}: no short label (interp.${i.name})`);
      const values: [string, string][] = [[i.default, i.defaultDescription], ...i.alternatives.map((a): [string, string] => [a.value, a.description])];
      for (const [value, description] of values) {
        const v = Object.hasOwn(entry.values, value) ? entry.values[value] : undefined;
        if (!v) problems.push(`${i.name}=${value}: no entry`);
        else if (v.en !== description) problems.push(`${i.name}=${value}: description changed since it was translated`);
        else if (!JAPANESE.test(v.ja)) problems.push(`${i.name}=${value}: not in Japanese`);
      }
      const known = new Set(values.map(([v]) => v));
      for (const v of Object.keys(entry.values)) if (!known.has(v)) problems.push(`${i.name}=${v}: no such value`);
    }
    expect(problems).toEqual([]);
  });
});

describe('Japanese of the parameters', () => {
  it('describes every parameter of every shipped decision in Japanese, translating the description it holds', () => {
    const params = registry.ruleVersions.flatMap((v) =>
      Object.values(v.decisions).flatMap((f) => Object.entries(f.parameters ?? {}).map(([name, p]) => [`${f.decision}.${name}`, p.description] as const)),
    );
    expect(params.length).toBeGreaterThan(10);
    const problems = params.flatMap(([key, en]) => {
      const entry = Object.hasOwn(PARAMETER_TEXTS, key) ? PARAMETER_TEXTS[key] : undefined;
      if (!entry) return [`${key}: no entry`];
      if (entry.en !== en) return [`${key}: the description changed since it was translated`];
      return JAPANESE.test(entry.ja) ? [] : [`${key}: not in Japanese`];
    });
    expect(problems).toEqual([]);
    expect(parameterDescription('lateInterest', 'annualRatePercent', 'annual rate of late interest', 'ja')).toBe('延滞利息の年率');
    expect(parameterDescription('lateInterest', 'annualRatePercent', 'edited', 'ja')).toBe('edited');
    expect(parameterDescription('lateInterest', 'annualRatePercent', 'annual rate of late interest', 'en')).toBe('annual rate of late interest');
  });
});

describe('Japanese of the clause coverage notes', () => {
  type Coverage = { engine?: Record<string, string>; nonDeciding?: Record<string, string> };
  const index = JSON.parse(readFileSync(join(DEFAULT_RULES, 'index.json'), 'utf8')) as { versions: { dir: string }[] };
  const notes = index.versions.flatMap((v) => {
    const c = JSON.parse(readFileSync(join(DEFAULT_RULES, v.dir, 'coverage.json'), 'utf8')) as Coverage;
    return Object.entries({ ...c.engine, ...c.nonDeciding });
  });

  it('translates every note of every shipped coverage.json, as written there', () => {
    expect(notes.length).toBeGreaterThan(50);
    const problems = notes.flatMap(([ref, en]) => {
      const entry = Object.hasOwn(COVERAGE_NOTES, ref) ? COVERAGE_NOTES[ref] : undefined;
      if (!entry) return [`${ref}: no entry`];
      if (entry.en !== en) return [`${ref}: the note changed since it was translated`];
      return JAPANESE.test(entry.ja) ? [] : [`${ref}: not in Japanese`];
    });
    expect(problems).toEqual([]);
    expect(coverageNote('第41条', 'governing law: Japanese law', 'ja')).toBe('準拠法：日本法');
    expect(coverageNote('第41条', 'governing law: Japanese law', 'en')).toBe('governing law: Japanese law');
    expect(coverageNote('第41条', 'edited since', 'ja')).toBe('edited since');
  });
});

describe('what the pages show', () => {
  const rule = rules.find((r) => r.id === 'approval/outside-service-area')!;

  it("shows the Japanese title in Japanese and the rule file's title in English", () => {
    expect(ruleTitle(rule, 'ja')).toBe('提供区域（ＮＴＴドコモのＬＴＥサービス提供区域）外');
    expect(ruleTitle(rule, 'en')).toBe('Outside the docomo LTE service area');
  });

  it("falls back to the rule's own title for a rule id the catalog does not know, and for a title edited in a draft", () => {
    expect(ruleTitle({ id: 'approval/authored-in-studio', name: 'Applicant under 18' }, 'ja')).toBe('Applicant under 18');
    expect(ruleTitle({ ...rule, name: 'Outside the service area (第5条)' }, 'ja')).toBe('Outside the service area (第5条)');
  });

  it("names a rule of the trace by id: the version's own title first, the catalog when the version has none, else nothing", () => {
    expect(ruleTitleById(rule.id, new Map([[rule.id, rule.name]]), 'ja')).toBe('提供区域（ＮＴＴドコモのＬＴＥサービス提供区域）外');
    expect(ruleTitleById('approval/authored-in-studio', new Map([['approval/authored-in-studio', 'Applicant under 18']]), 'ja')).toBe('Applicant under 18');
    expect(ruleTitleById(rule.id, new Map(), 'en')).toBe('Outside the docomo LTE service area');
    expect(ruleTitleById('nowhere/none', new Map(), 'ja')).toBeNull();
  });

  it("shows an interpretation's description and its values in Japanese, its own English otherwise", () => {
    const i = interpretations.find((x) => x.name === 'partialMonthFee')!;
    expect(interpretationDescription(i, 'ja')).toBe('一部の日だけ利用した月の月額利用料の請求の仕方。');
    expect(interpretationDescription(i, 'en')).toBe(i.description);
    expect(interpretationValueDescription(i.name, 'daily-prorate', i.alternatives[0]!.description, 'ja')).toContain('日割り');
    expect(interpretationValueDescription(i.name, 'full-month', 'edited in a draft', 'ja')).toBe('edited in a draft');
    expect(interpretationValueDescription('authoredInStudio', 'x', 'its own words', 'ja')).toBe('its own words');
  });
});
