import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/cli/options.js';
import { OUTPUT_FIELDS } from '../../src/engine/output-schemas.js';
import { DECISIONS } from '../../src/engine/rule-types.js';
import { interpretationLabelKey, outcomeLabelKey, outputLabelKey } from '../../src/studio/renderer/explorer/output-labels.js';
import { en, ja, type MessageKey } from '../../src/studio/renderer/i18n/messages.js';

/** Every output field of every decision (and the keys of an array field's items) has a label in Japanese and in English; so has every named interpretation. */
type Node = { type?: string; items?: Node; properties?: Record<string, Node>; anyOf?: Node[] };

/** `field` and, for an array of objects, `field.key` for each key of its items. */
const paths = (name: string, schema: Node): string[] => {
  const item = schema.type === 'array' ? schema.items : undefined;
  return [name, ...Object.keys(item?.properties ?? {}).map((k) => `${name}.${k}`)];
};

const missing = (key: MessageKey | null): string[] => (key === null ? ['no message'] : [...(ja[key].trim() ? [] : ['ja']), ...(en[key].trim() ? [] : ['en'])]);

describe('labels of the explorer answer', () => {
  it('has a schema for every decision, so the walk below leaves none out', () => {
    expect(DECISIONS.filter((d) => !OUTPUT_FIELDS[d])).toEqual([]);
  });

  it("labels an invalid answer's errors in every decision (a regression lists them among the fields that changed)", () => {
    for (const decision of DECISIONS) expect(missing(outputLabelKey(decision, 'errors')), decision).toEqual([]);
    expect(ja[outputLabelKey('settlement', 'errors')!]).toBe('入力の誤り（invalid の理由）');
  });

  it('labels every output field of every decision in Japanese and English', () => {
    const unlabelled: string[] = [];
    for (const decision of DECISIONS)
      for (const [field, schema] of Object.entries(OUTPUT_FIELDS[decision]?.fields ?? {}))
        for (const path of paths(field, schema as Node)) for (const m of missing(outputLabelKey(decision, path))) unlabelled.push(`${decision}.${path}: ${m}`);
    expect(unlabelled).toEqual([]);
    expect(missing(outputLabelKey('settlement', 'discretionary'))).toEqual([]);
  });

  it('labels every outcome of every decision in Japanese and English, and an invalid answer', () => {
    const unlabelled = DECISIONS.flatMap((d) => (OUTPUT_FIELDS[d]?.outcomes ?? []).flatMap((o) => missing(outcomeLabelKey(d, o)).map((m) => `${d} ${o}: ${m}`)));
    expect(unlabelled).toEqual([]);
    expect(missing(outcomeLabelKey('approval', 'invalid'))).toEqual([]);
    expect(ja[outcomeLabelKey('approval', 'refuse')!]).toBe('申込を承諾しない');
    expect(outcomeLabelKey('approval', 'notAnOutcome')).toBeNull();
  });

  it('takes the words of the terms where they have one', () => {
    const jaOf = (decision: string, path: string) => ja[outputLabelKey(decision, path)!];
    expect(jaOf('lateInterest', 'amount')).toBe('延滞利息');
    expect(jaOf('surcharge', 'amount')).toContain('割増金');
    expect(jaOf('settlement', 'amount')).toContain('解約精算金');
    expect(jaOf('settlement', 'tax')).toBe('消費税相当額');
    expect(jaOf('cancellation', 'plannedEndDate')).toBe('解約予定日');
  });

  it('gives a field it does not know no label, so the page shows the key alone', () => {
    expect(outputLabelKey('settlement', 'notAField')).toBeNull();
    expect(interpretationLabelKey('notAnInterpretation')).toBeNull();
  });

  it('labels every named interpretation of the rules', () => {
    const index = JSON.parse(readFileSync(join(PROJECT_ROOT, 'rules', 'index.json'), 'utf8')) as { versions: { dir: string }[] };
    expect(index.versions.length).toBeGreaterThan(0);
    const unlabelled: string[] = [];
    for (const { dir } of index.versions) {
      const file = JSON.parse(readFileSync(join(PROJECT_ROOT, 'rules', dir, 'interpretations.json'), 'utf8')) as { interpretations: { name: string }[] };
      const defs = file.interpretations;
      expect(defs.length).toBeGreaterThan(0);
      for (const { name } of defs) for (const m of missing(interpretationLabelKey(name))) unlabelled.push(`${name}: ${m}`);
    }
    expect(unlabelled).toEqual([]);
  });
});
