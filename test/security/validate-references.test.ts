import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES } from '../../src/cli/options.js';
import { scratch } from '../studio/helpers.js';
import { runCli } from './helpers.js';

/** Attack 7: broken references that pass validation and silently change answers. */
const rulesCopy = (edit: (dir: string) => void): string => {
  const dir = join(scratch('refs-'), 'rules');
  cpSync(DEFAULT_RULES, dir, { recursive: true });
  edit(join(dir, '2023-09-19'));
  return dir;
};
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const editJson = (file: string, fn: (v: any) => void) => {
  const v = JSON.parse(readFileSync(file, 'utf8'));
  fn(v);
  writeFileSync(file, JSON.stringify(v, null, 2));
};

describe('tariff validate checks references', () => {
  it('a rule that reads an unknown fact: exit 2, file and pointer', async () => {
    const rules = rulesCopy((d) => editJson(join(d, 'approval.json'), (f) => (f.rules[0].conditions.all[0].fact = 'inServiceAreaa')));
    const r = await runCli('validate', '--rules', rules);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/RULE_UNKNOWN_FACT/);
    expect(r.err).toMatch(/approval\.json \/rules\/0\/conditions\/all\/0: the condition reads "inServiceAreaa"/);
  });

  it('an interpretation default that is not one of its values: exit 2, the pointer of the default', async () => {
    const rules = rulesCopy((d) =>
      editJson(join(d, 'interpretations.json'), (f) => (f.interpretations.find((i: { name: string }) => i.name === 'partialMonthFee').default = 'full-months')),
    );
    const r = await runCli('validate', '--rules', rules);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/interpretations\.json \/interpretations\/0\/default: the default of partialMonthFee is "full-months"/);
  });

  it('a rule comparing an interpretation with a value it does not have: exit 2', async () => {
    const rules = rulesCopy((d) =>
      editJson(join(d, 'outageWaiver.json'), (f) => {
        const s = JSON.stringify(f).replace('"m-series-waive"', '"m-series-waived"');
        Object.assign(f, JSON.parse(s));
      }),
    );
    const r = await runCli('validate', '--rules', rules);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/RULE_INTERPRETATION_VALUE|compares interpretation\.partialOutage with "m-series-waived"/);
  });

  it('a rule whose event type its decision never handles: exit 2, the pointer of the type and the types accepted', async () => {
    const rules = rulesCopy((d) => editJson(join(d, 'lateInterest.json'), (f) => (f.rules[0].event.type = 'charge-intrest')));
    const r = await runCli('validate', '--rules', rules);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/RULE_EVENT_UNKNOWN/);
    expect(r.err).toMatch(/lateInterest\.json \/rules\/0\/event\/type: the event type "charge-intrest" is not one the lateInterest decision handles.*Use one of "charge-interest"/);
  });

  it('the project rules validate clean', async () => {
    const r = await runCli('validate');
    expect(r.out).toMatch(/0 errors$/);
    expect(r.code).toBe(0);
  });
});
