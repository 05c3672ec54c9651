import { describe, expect, it } from 'vitest';
import type { ScenarioChoices, ScenarioForm } from '../../src/studio/api/contract.js';
import { scenarioStudio } from './helpers.js';

/**
 * Bad input on the Scenarios page, as the form sends it: each refused with its code, the field
 * (form pointer) and what to do, never a crash; the scenario saved before keeps its revision and
 * its form.
 */
type Patch = (f: ScenarioForm) => unknown;
const CASES: [string, Patch, string, string, RegExp][] = [
  ['a count typed as text', (f) => ({ ...f, fleet: { ...f.fleet, size: '36' } }), 'SCENARIO_INVALID', '/fleet/size', /must be integer/u],
  [
    'an unknown course',
    (f) => ({ ...f, fleet: { ...f.fleet, courseMix: [{ course: 'M2035N-3Y-C7-XX', share: 1 }] } }),
    'SCENARIO_INVALID',
    '/fleet/courseMix/0/course',
    /closest/u,
  ],
  ['a negative fleet', (f) => ({ ...f, fleet: { ...f.fleet, size: -5 } }), 'SCENARIO_INVALID', '/fleet/size', /1/u],
  [
    'a band whose low is above its high',
    (f) => ({ ...f, cancellation: { monthlyHazard: 0.01, noticeDays: { min: 40, max: 10 } } }),
    'SCENARIO_INVALID',
    '/cancellation/noticeDays',
    /min \(40\) is above max \(10\)/u,
  ],
  [
    'start dates the wrong way round',
    (f) => ({ ...f, fleet: { ...f.fleet, startDates: { from: '2025-06-30', to: '2024-10-01' } } }),
    'SCENARIO_INVALID',
    '/fleet/startDates',
    /after/u,
  ],
  ['a price response out of range', (f) => ({ ...f, response: { cancellation: { elasticity: 1e9 } } }), 'SCENARIO_INVALID', '/response/cancellation/elasticity', /20/u],
  ['an empty fleet', (f) => ({ ...f, fleet: { ...f.fleet, courseMix: [] } }), 'SCENARIO_INVALID', '/fleet/courseMix', /1/u],
  ['a hazard above 1', (f) => ({ ...f, cancellation: { monthlyHazard: 1.5, noticeDays: { min: 2, max: 30 } } }), 'SCENARIO_INVALID', '/cancellation/monthlyHazard', /1/u],
  ['a horizon before the first version', (f) => ({ ...f, horizon: { start: '2019-01', months: 6 } }), 'SCENARIO_INVALID', '/baseline/ruleVersionId', /2023-09-19/u],
  ['a huge fleet', (f) => ({ ...f, fleet: { ...f.fleet, size: 10_000_000 }, horizon: { start: '2025-04', months: 600 } }), 'RUN_TOO_LARGE', '/fleet/size', /limit/u],
];

describe('scenarios: bad input from the form', () => {
  it.each(CASES)('%s: refused at its field with what to do; the saved scenario unchanged', async (_name, patch, code, field, message) => {
    const { call, dispatch, ws } = scenarioStudio();
    const c = await call<ScenarioChoices>('scenarios.choices', {});
    const good: ScenarioForm = {
      ...c.defaultForm,
      name: 'kept',
      horizon: { start: '2025-04', months: 6 },
      fleet: { ...c.defaultForm.fleet, size: 50, startDates: { from: '2024-10-01', to: '2025-06-30' } },
    };
    const saved = await call<{ id: number; revision: number }>('scenarios.save', { id: null, form: good });
    const before = ws.db.prepare('SELECT form, revision FROM scenarios WHERE id = ?').get(saved.id);
    // A huge fleet may be saved (nothing runs); running it is what the limit refuses.
    for (const method of code === 'RUN_TOO_LARGE' ? (['scenarios.run'] as const) : (['scenarios.save', 'scenarios.run'] as const)) {
      const r = await dispatch(method, { id: saved.id, form: patch(structuredClone(good)) });
      expect(r.ok, method).toBe(false);
      if (r.ok) continue;
      expect(r.error.code, `${method} ${JSON.stringify(r.error)}`).toBe(code);
      const issue = r.error.issues.find((i) => i.field === field);
      expect(issue, `${method} ${JSON.stringify(r.error.issues)}`).toBeTruthy();
      expect(`${issue!.message} ${r.error.message} ${r.error.hint ?? ''}`).toMatch(message);
    }
    expect(ws.db.prepare('SELECT form, revision FROM scenarios WHERE id = ?').get(saved.id)).toEqual(before);
    expect((ws.db.prepare('SELECT count(*) AS n FROM scenarios').get() as { n: number }).n).toBe(1);
  });
});
