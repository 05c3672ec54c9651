import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DataLoadError } from '../../src/engine/errors.js';
import { loadRegistry } from '../../src/io/folder-store.js';
import { expectDataLoadError } from '../data-load-error.js';
import { scratchData } from './helpers.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test fixtures are edited as loose JSON
const edit = (file: string, fn: (j: any) => void): void => {
  const j = JSON.parse(readFileSync(file, 'utf8'));
  fn(j);
  writeFileSync(file, JSON.stringify(j, null, 2));
};

const loadError = (rules: string, tariffs: string): DataLoadError => expectDataLoadError(() => loadRegistry(rules, tariffs));

describe('rule and tariff loader', () => {
  it('loads the shipped data: one rule version and one tariff version of 150 courses', () => {
    const d = scratchData();
    const reg = loadRegistry(d.rules, d.tariffs);
    expect(reg.ruleVersions.map((v) => v.effective)).toEqual(['2023-09-19']);
    expect(reg.tariffVersions[0]!.courses).toHaveLength(150);
    expect(reg.tariffVersions[0]!.options).toHaveLength(10);
  });

  it('refuses a rule without a clause, naming the file and the JSON pointer', () => {
    const d = scratchData();
    edit(join(d.rules, '2023-09-19', 'suspension.json'), (j) => delete j.rules[2].clause);
    const e = loadError(d.rules, d.tariffs);
    expect(e.code).toBe('RULE_SCHEMA');
    expect(e.errors).toContainEqual(
      expect.objectContaining({ file: expect.stringContaining('suspension.json'), pointer: '/rules/2', message: 'missing required property "clause"' }),
    );
  });

  it('refuses an unknown operator and an unknown property, each with its pointer', () => {
    const d = scratchData();
    edit(join(d.rules, '2023-09-19', 'lateInterest.json'), (j) => {
      j.rules[0].conditions.all[0].operator = 'greaterThen';
      j.rules[0].colour = 'red';
    });
    const e = loadError(d.rules, d.tariffs);
    const pointers = e.errors.map((x) => x.pointer);
    expect(pointers).toContain('/rules/0/conditions/all/0/operator');
    expect(e.errors).toContainEqual(expect.objectContaining({ pointer: '/rules/0', message: expect.stringContaining('unknown property "colour"') }));
  });

  it('refuses a negative rule parameter with its pointer', () => {
    const d = scratchData();
    edit(join(d.rules, '2023-09-19', 'lateInterest.json'), (j) => (j.parameters.graceDays.value = -3));
    const e = loadError(d.rules, d.tariffs);
    expect(e.code).toBe('RULE_SCHEMA');
    expect(e.errors).toContainEqual(expect.objectContaining({ file: expect.stringContaining('lateInterest.json'), pointer: '/parameters/graceDays/value' }));
  });

  it('refuses two versions with the same effective date', () => {
    const d = scratchData();
    edit(join(d.rules, 'index.json'), (j) => j.versions.push({ ...j.versions[0] }));
    const e = loadError(d.rules, d.tariffs);
    expect(e.code).toBe('DUPLICATE_VERSION');
    expect(e.errors[0]).toMatchObject({ pointer: '/versions/1/effective', file: expect.stringContaining('index.json') });
  });

  it('reports a JSON syntax error with file, line and column', () => {
    const d = scratchData();
    const file = join(d.tariffs, '2023-09-19', 'options.json');
    writeFileSync(file, '{\n  "options": [\n    { "code": "x", }\n  ]\n}\n');
    const e = loadError(d.rules, d.tariffs);
    expect(e.code).toBe('JSON_SYNTAX');
    expect(e.errors[0]!.file).toContain('options.json');
    expect(e.errors[0]!.message).toMatch(/line 3, column \d+/);
  });

  it('refuses a negative price, a duplicate course code and an unknown policy with their pointers', () => {
    const d = scratchData();
    edit(join(d.tariffs, '2023-09-19', 'courses.json'), (j) => {
      j.courses[7].monthlyFee = -1;
    });
    let e = loadError(d.rules, d.tariffs);
    expect(e.errors).toContainEqual(expect.objectContaining({ pointer: '/courses/7/monthlyFee', message: 'must be >= 0' }));
    edit(join(d.tariffs, '2023-09-19', 'courses.json'), (j) => {
      j.courses[7].monthlyFee = 100;
      j.courses[8].code = j.courses[7].code;
      j.courses[9].settlementPolicy = 'nope';
    });
    e = loadError(d.rules, d.tariffs);
    expect(e.code).toBe('TARIFF_REFERENCE');
    expect(e.errors.map((x) => x.pointer)).toEqual(expect.arrayContaining(['/courses/8/code', '/courses/9/settlementPolicy']));
  });

  it('reports errors of several files at once', () => {
    const d = scratchData();
    edit(join(d.rules, '2023-09-19', 'approval.json'), (j) => delete j.rules[0].quote);
    edit(join(d.tariffs, '2023-09-19', 'options.json'), (j) => (j.options[0].billing = 'weekly'));
    const e = loadError(d.rules, d.tariffs);
    const files = new Set(e.errors.map((x) => x.file.split('/').pop()));
    expect(files).toEqual(new Set(['approval.json', 'options.json']));
  });
});
