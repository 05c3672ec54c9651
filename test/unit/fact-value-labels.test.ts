import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/cli/options.js';
import { DECISION_DEFS } from '../../src/engine/decide.js';
import { FACT_VALUE_LABELS, factValueLabel } from '../../src/engine/review/fact-labels.js';
import { DECISIONS } from '../../src/engine/rule-types.js';
import { courseSchema, policiesFileSchema } from '../../src/engine/schemas.js';

/**
 * Every value of every enum fact a decision takes has a Japanese (and English) label, so the
 * explorer's dropdowns and the regression's captions never show a bare English code in Japanese;
 * and each Japanese label is the terms' own words.
 */
type Schema = { enum?: unknown[]; properties?: Record<string, Schema>; items?: Schema };

/** `[fact, value]` for each string value of an enum anywhere under a fact (a list's items too). */
const enumValues = (schema: Schema, fact: string | null = null): [string, string][] => [
  ...(fact !== null && schema.enum ? schema.enum.filter((v): v is string => typeof v === 'string').map((v): [string, string] => [fact, v]) : []),
  ...Object.entries(schema.properties ?? {}).flatMap(([k, s]) => enumValues(s, fact ?? k)),
  ...(schema.items ? enumValues(schema.items, fact) : []),
];

const squash = (s: string): string => s.replace(/\s+/gu, '');
const terms = squash(readFileSync(join(PROJECT_ROOT, 'rules', 'terms-2023-09-19.txt'), 'utf8'));

describe('labels of enum facts', () => {
  const values = DECISIONS.flatMap((d) => enumValues(DECISION_DEFS[d].factsSchema as Schema).map(([f, v]) => [d, f, v] as const));

  it('finds the enum facts the decisions take', () => {
    // equipmentLoss.event, damages.cause and .lossKind, outageWaiver.cause, termination's two grounds.
    expect(new Set(values.map(([d, f]) => `${d}.${f}`))).toEqual(
      new Set(['equipmentLoss.event', 'damages.cause', 'damages.lossKind', 'outageWaiver.cause', 'termination.insolvencyEvent', 'termination.approvalGroundFound']),
    );
  });

  it('names every value of every enum fact in Japanese and English', () => {
    const missing = values.filter(([d, f, v]) => !factValueLabel(d, f, v, 'ja') || !factValueLabel(d, f, v, 'en')).map(([d, f, v]) => `${d}.${f}: ${v}`);
    expect(missing).toEqual([]);
  });

  // The coded facts a decision derives from the tariff: a course's kind (its legacyKind, or m-series) and its settlement policy's kind.
  const kinds = [...(courseSchema.properties.legacyKind.enum.filter((k) => k !== null) as string[]), 'm-series'];
  const derived = [
    ...kinds.flatMap((k) => [['courseChange', 'fromKind', k] as const, ['courseChange', 'toKind', k] as const]),
    ...(policiesFileSchema.properties.policies.items.properties.kind.enum as readonly string[]).map((k) => ['settlement', 'policyKind', k] as const),
  ];

  it("names every course kind and settlement policy kind, in the terms' words: the whole label less its （…） note, or each part in 「…」", () => {
    expect(derived.filter(([d, f, v]) => !factValueLabel(d, f, v, 'ja') || !factValueLabel(d, f, v, 'en')).map(([d, f, v]) => `${d}.${f}: ${v}`)).toEqual([]);
    const notQuoted = derived
      .map(([d, f, v]) => factValueLabel(d, f, v, 'ja')!)
      .filter((ja) => {
        const main = squash(ja.replace(/（[^）]*）$/u, ''));
        const inner = [...ja.matchAll(/「([^」]+)」/gu)].map((m) => squash(m[1]!));
        return !terms.includes(main) && !(inner.length > 0 && inner.every((q) => terms.includes(q)));
      });
    expect(notQuoted).toEqual([]);
    // The quoted rows themselves, as 第15条 and 別紙3表2 print them.
    expect(factValueLabel('courseChange', 'toKind', 'long-mount', 'ja')).toBe('長期コース雲台セット');
    expect(factValueLabel('settlement', 'policyKind', 'remaining-of-months', 'ja')).toMatch(/^12ヶ月分の利用料金から既に支払い済みの料金を除いた残額（/u);
  });

  it('labels no value a decision does not take', () => {
    const taken = new Set([...values, ...derived].map(([d, f, v]) => `${d}.${f}.${v}`));
    const extra = Object.entries(FACT_VALUE_LABELS).flatMap(([d, facts]) => Object.entries(facts).flatMap(([f, vs]) => Object.keys(vs).map((v) => `${d}.${f}.${v}`)));
    expect(extra.filter((x) => !taken.has(x))).toEqual([]);
  });

  it("quotes the terms: each Japanese label, less its （…） note, is the terms' text, or quotes it in 「…」", () => {
    const notQuoted = values
      .map(([d, f, v]) => factValueLabel(d, f, v, 'ja')!)
      .filter((ja) => {
        const inner = /「([^」]+)」/u.exec(ja)?.[1];
        const main = squash(ja.replace(/（[^）]*）$/u, ''));
        return !terms.includes(main) && !(inner !== undefined && terms.includes(squash(inner)));
      });
    expect(notQuoted).toEqual([]);
  });

  it('gives undefined for a value, fact or decision no table names', () => {
    expect(factValueLabel('equipmentLoss', 'event', 'loss', 'ja')).toBe('滅失（修理不能、所有権の侵害を含む）');
    expect(factValueLabel('equipmentLoss', 'event', 'stolen', 'ja')).toBeUndefined();
    expect(factValueLabel('equipmentLoss', 'toString', 'x', 'ja')).toBeUndefined();
    expect(factValueLabel('noSuchDecision', 'event', 'loss', 'ja')).toBeUndefined();
  });
});
