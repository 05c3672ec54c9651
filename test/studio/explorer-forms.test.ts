import { describe, expect, it } from 'vitest';
import { decide } from '../../src/engine/decide.js';
import { decisionForms } from '../../src/studio/handlers/explorer-handlers.js';
import { registry } from '../unit/helpers.js';

/** The explorer's forms are generated from the facts schemas: the second-round decisions appear with fields of the right kind. */
describe('explorer forms of the second-round decisions', () => {
  const forms = new Map(decisionForms().map((f) => [f.name, f]));
  const field = (decision: string, name: string) => forms.get(decision)?.fields.find((f) => f.name === name);

  it('lists damages, cancellation, equipmentLoss, paymentAllocation and billingCorrection', () => {
    for (const d of ['damages', 'cancellation', 'equipmentLoss', 'paymentAllocation', 'billingCorrection']) expect(forms.has(d), d).toBe(true);
  });

  it('gives each fact its kind, required flag and options', () => {
    expect(field('damages', 'cause')).toMatchObject({ kind: 'enum', required: true, options: ['company', 'company-gross-negligence', 'other'] });
    expect(field('damages', 'lossKind')).toMatchObject({ kind: 'enum', required: false });
    expect(field('damages', 'knownAt')).toMatchObject({ kind: 'datetime', required: true });
    expect(field('damages', 'course')).toMatchObject({ kind: 'course', required: true });
    expect(field('cancellation', 'returnedDate')).toMatchObject({ kind: 'date', required: false });
    expect(field('cancellation', 'returnDelayAnnounced')).toMatchObject({ kind: 'boolean', required: false });
    expect(field('equipmentLoss', 'event')).toMatchObject({ kind: 'enum', options: ['loss', 'damage'] });
    expect(field('paymentAllocation', 'bills')).toMatchObject({ kind: 'json', required: true });
    expect(field('paymentAllocation', 'payments')).toMatchObject({ kind: 'json', required: true });
    expect(field('billingCorrection', 'billedAmount')).toMatchObject({ kind: 'integer', minimum: 0 });
    expect(field('outageWaiver', 'paidAmount')).toMatchObject({ kind: 'integer', required: false });
  });

  it('a form filled with JSON lists answers paymentAllocation', async () => {
    const out = await decide(
      registry,
      { asOf: '2025-06-01', decision: 'paymentAllocation', facts: { bills: [{ id: 'a', dueDate: '2025-01-31', amount: 1000 }], payments: [{ date: '2025-02-01', amount: 400 }] } },
      { today: '2025-06-01' },
    );
    expect(out).toMatchObject({ outcome: 'allocated', bills: [{ id: 'a', paid: 400, outstanding: 600, settledDate: null }], unapplied: 0 });
  });
});
