import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES } from '../../src/cli/options.js';
import { decideFast } from '../../src/engine/decide.js';
import { Registry } from '../../src/engine/registry.js';
import { loadRegistry } from '../../src/io/folder-store.js';
import { registry as shipped } from './helpers.js';

const ROOT = join(import.meta.dirname, '..', '..');
// Three tariff versions: 2023-09-19 (3,680 for M2035N-3Y-C7-SN), 2026-04-01 keep-price (4,180),
// 2026-10-01 new-price (4,480); the shipped rules.
const fixture = loadRegistry(DEFAULT_RULES, join(ROOT, 'test', 'fixtures', 'grandfathering', 'tariffs'));

const monthly = (reg: Registry, asOf: string, startDate: string, month: string) =>
  decideFast(
    reg,
    { name: 'm', asOf, decision: 'monthlyCharge', facts: { course: 'M2035N-3Y-C7-SN', startDate, month, freeMonths: 0, options: [] } },
    { today: asOf },
  ) as unknown as {
    outcome: string;
    subtotal: number;
    clauses: string[];
    versions: { rules: string; tariffs: string };
  };

describe('versions in force by date (case-files.md asOf)', () => {
  it('the first date a case can be answered is the first day both a rule and a tariff version are in force', () => {
    const rules = shipped.ruleVersions;
    const [tariff] = shipped.tariffVersions;
    const later = new Registry(rules, [{ ...tariff!, effective: '2024-01-01' }]);
    expect(later.firstEffective()).toBe('2024-01-01');
    expect(later.firstEffective('rules')).toBe('2023-09-19');
    expect(later.firstEffective('tariffs')).toBe('2024-01-01');
    const out = decideFast(later, { asOf: '2023-10-01', decision: 'surcharge', facts: { evadedAmount: 1 } }, { today: '2023-10-01' }) as {
      outcome: string;
      errors: { path: string; message: string }[];
    };
    expect(out.outcome).toBe('invalid');
    expect(out.errors[0]!.path).toBe('/asOf');
    expect(out.errors[0]!.message).toContain('the first takes effect on 2024-01-01');
  });

  it('no approved version of a kind at all: the error says to approve one, not to move asOf to a date that does not exist', () => {
    const [tariff] = shipped.tariffVersions;
    const noTariff = new Registry(shipped.ruleVersions, [{ ...tariff!, status: 'draft' }]);
    const out = decideFast(noTariff, { asOf: '2025-01-01', decision: 'surcharge', facts: { evadedAmount: 1 } }, { today: '2025-01-01' }) as {
      outcome: string;
      errors: { path: string; message: string; code: string }[];
    };
    expect(out.outcome).toBe('invalid');
    expect(out.errors).toEqual([
      {
        path: '/asOf',
        code: 'NO_VERSION_IN_FORCE',
        message:
          "no tariff version is approved and loaded, so none is in force on 2025-01-01: approve one (the studio's review) or list one in the folder's index.json, then ask again",
      },
    ]);
    expect(out.errors[0]!.message).not.toContain('none loaded');
  });

  it('a draft tariff passed in (the studio) and rules not yet in force: the rules\' own first day is named, not "none approved"', () => {
    const [rule] = shipped.ruleVersions;
    const [tariff] = shipped.tariffVersions;
    const reg = new Registry([{ ...rule!, effective: '2024-01-01' }], [{ ...tariff!, status: 'draft' }]);
    const out = decideFast(reg, { asOf: '2023-10-01', decision: 'surcharge', facts: { evadedAmount: 1 } }, { today: '2023-10-01', tariff: tariff! }) as {
      errors: { path: string; message: string }[];
    };
    expect(out.errors.map((e) => e.message)).toEqual(['no rule version is in force on 2023-10-01; the first takes effect on 2024-01-01. Use an asOf on or after it.']);
  });

  it('a version in review or a draft never names the first date (it answers no asOf)', () => {
    const [rule] = shipped.ruleVersions;
    const [tariff] = shipped.tariffVersions;
    const reg = new Registry([{ ...rule!, effective: '2020-01-01', status: 'in-review' }, rule!], [{ ...tariff!, effective: '2020-01-01', status: 'draft' }, tariff!]);
    expect(reg.firstEffective()).toBe('2023-09-19');
    expect(reg.rulesInForce('2021-01-01')).toBeUndefined();
    expect(reg.tariffInForce('2021-01-01')).toBeUndefined();
  });

  it('keep-price: a contract started the day before the version keeps its fee; one started on its effective date pays the new one', () => {
    expect(monthly(fixture, '2026-05-01', '2026-03-31', '2026-05').subtotal).toBe(3680);
    expect(monthly(fixture, '2026-05-01', '2026-04-01', '2026-05').subtotal).toBe(4180);
    expect(monthly(fixture, '2026-09-30', '2025-01-10', '2026-09').subtotal).toBe(3680);
    expect(monthly(fixture, '2026-10-01', '2025-01-10', '2026-10').subtotal).toBe(4480);
  });

  it('keep-price: a contract started before the first version loaded is an existing contract too: it keeps the earliest fee known, not the new one', () => {
    const out = monthly(fixture, '2026-05-01', '2020-01-01', '2026-05');
    expect(out.outcome).toBe('charge');
    expect(out.subtotal).toBe(3680);
    expect(out.clauses).toContain('附則第2項（試験用）');
    expect(out.versions).toEqual({ rules: '2023-09-19', tariffs: '2026-04-01' });
    // Under the first version itself nothing earlier exists: its own fee, no 附則.
    const first = monthly(fixture, '2025-05-01', '2020-01-01', '2025-05');
    expect(first.subtotal).toBe(3680);
    expect(first.clauses).not.toContain('附則第2項（試験用）');
  });
});
