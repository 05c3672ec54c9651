import { describe, expect, it } from 'vitest';
import { checkRunSize, DEFAULT_MAX_CONTRACT_MONTHS, LEDGER_RUNS, runSize, VERIFY_RUNS, type RunRequest } from '../../src/camera-sim/run-size.js';
import { resolveScenario } from '../../src/camera-sim/scenario-loader.js';
import { assumptionsOf } from '../../src/camera-sim/sensitivity.js';
import { thrownDataLoadError } from '../data-load-error.js';
import { projectRegistry, smallScenario } from './support.js';

const PLAIN: RunRequest = { replications: 1, replicationsFrom: 'default', sensitivity: false, ledger: false, verify: false };

describe('runSize: contracts × months × runs, counted before anything runs', () => {
  const rs = resolveScenario(smallScenario(120, 12), 'big.json', projectRegistry());

  it('one run of the fleet by default; replications, the tornado, the ledger and --verify add runs', () => {
    expect(runSize(rs, PLAIN)).toEqual({ contracts: 120, months: 12, runs: 1, parts: ['1 run of the fleet'], others: [], contractMonths: 1_440 });
    const moved = assumptionsOf(rs.scenario).length;
    expect(moved).toBeGreaterThan(0);
    const all = runSize(rs, { replications: 3, replicationsFrom: '--replications', sensitivity: true, ledger: true, verify: false });
    expect(all.runs).toBe(3 + 2 * moved + LEDGER_RUNS);
    expect(all.contractMonths).toBe(120 * 12 * all.runs);
    expect(all.parts).toEqual(['3 replications, by --replications', `${2 * moved} for --sensitivity (${moved} assumptions moved down and up)`, `${LEDGER_RUNS} for --ledger`]);
    expect(runSize(rs, { ...PLAIN, replications: 5, replicationsFrom: 'scenario' }).parts).toEqual(['5 replications, by the scenario\'s "replications"']);
    // --verify is one run with its ledger and the replay, whatever the replications.
    expect(runSize(rs, { ...PLAIN, replications: 9, verify: true, ledger: true }).runs).toBe(1 + VERIFY_RUNS);
  });

  it('the limit itself passes; one contract-month more is refused at /fleet/size with the size, how it was counted, the limit and the flag', () => {
    const size = runSize(rs, { ...PLAIN, ledger: true });
    expect(thrownDataLoadError(() => checkRunSize(rs, size, size.contractMonths))).toBeUndefined();
    const e = thrownDataLoadError(() => checkRunSize(rs, size, size.contractMonths - 1));
    expect(e?.code).toBe('RUN_TOO_LARGE');
    expect(e?.errors).toEqual([
      {
        file: 'big.json',
        pointer: '/fleet/size',
        code: 'RUN_TOO_LARGE',
        message: `this run is 120 contracts × 12 months × ${1 + LEDGER_RUNS} runs (1 run of the fleet, ${LEDGER_RUNS} for --ledger) = ${(1_440 * (1 + LEDGER_RUNS)).toLocaleString('en')} contract-months, more than the limit of ${(size.contractMonths - 1).toLocaleString('en')}. Make fleet.size, horizon.months or the runs fewer, or raise the limit with --max-contract-months ${size.contractMonths}`,
      },
    ]);
  });

  it('counts the down and up runs of a moved fleet size at their own sizes, and names the up-run as what makes the run large', () => {
    const s = smallScenario(120, 12);
    s.sensitivity = { assumptions: [{ pointer: '/cancellation/monthlyHazard' }, { pointer: '/fleet/size', down: 10, up: 10_000_000 }] };
    const moved = resolveScenario(s, 'moved.json', projectRegistry());
    const size = runSize(moved, { ...PLAIN, replications: 2, replicationsFrom: 'scenario', sensitivity: true, sensitivityFrom: 'scenario' });
    // 2 replications and the hazard's two runs at 120 × 12; the fleet size's down-run at 10 × 12, its up-run at 10,000,000 × 12.
    expect(size.runs).toBe(4);
    expect(size.contractMonths).toBe(120 * 12 * 4 + 10 * 12 + 10_000_000 * 12);
    expect(size.others.map((o) => [o.en, o.field, o.contracts, o.months, o.contractMonths])).toEqual([
      ['the down-run of the fleet size', '/sensitivity/assumptions/1/down', 10, 12, 120],
      ['the up-run of the fleet size', '/sensitivity/assumptions/1/up', 10_000_000, 12, 120_000_000],
    ]);
    expect(size.parts).toEqual([
      '2 replications, by the scenario\'s "replications"',
      '2 for the scenario\'s "sensitivity" (2 assumptions moved down and up; 2 more runs at their own size below)',
    ]);
    // Under the default limit by the scenario's own size (120 × 12 × 6 = 8,640), over it by the up-run alone.
    const e = thrownDataLoadError(() => checkRunSize(moved, size, DEFAULT_MAX_CONTRACT_MONTHS));
    expect(e?.code).toBe('RUN_TOO_LARGE');
    expect(e?.errors).toEqual([
      {
        file: 'moved.json',
        pointer: '/sensitivity/assumptions/1/up',
        code: 'RUN_TOO_LARGE',
        message:
          'this run is 120 contracts × 12 months × 4 runs (2 replications, by the scenario\'s "replications", 2 for the scenario\'s "sensitivity" (2 assumptions moved down and up; 2 more runs at their own size below)) ' +
          '+ the down-run of the fleet size at 10 contracts × 12 months + the up-run of the fleet size at 10,000,000 contracts × 12 months = 120,005,880 contract-months, ' +
          'more than the limit of 100,000,000 (about 10 minutes on two cores; docs/scenarios.md); what makes it large is the up-run of the fleet size (/sensitivity/assumptions/1/up): 120,000,000 contract-months alone. ' +
          'Make the "up" of /fleet/size in the scenario\'s sensitivity section nearer the scenario\'s own value (or leave that assumption out), or raise the limit with --max-contract-months 120005880',
      },
    ]);
    // Without the sensitivity runs, the fleet size's moves cost nothing; a moved size within the limit passes.
    expect(runSize(moved, PLAIN).contractMonths).toBe(1_440);
    s.sensitivity = { assumptions: [{ pointer: '/fleet/size', down: 100, up: 150 }] };
    const small = resolveScenario(s, 'small.json', projectRegistry());
    const fits = runSize(small, { ...PLAIN, replications: 2, replicationsFrom: 'scenario', sensitivity: true, sensitivityFrom: 'scenario' });
    expect(fits.contractMonths).toBe(2 * 1_440 + 100 * 12 + 150 * 12);
    expect(thrownDataLoadError(() => checkRunSize(small, fits, fits.contractMonths))).toBeUndefined();
    // Over the limit mostly by the scenario's own runs (2 × 1,440 against the up-run's 1,800), it is refused at /fleet/size as before.
    const own = thrownDataLoadError(() => checkRunSize(small, fits, 1_439))?.errors[0];
    expect(own?.pointer).toBe('/fleet/size');
    expect(own?.message).not.toContain('what makes it large');
    expect(own?.message).toContain('Make fleet.size, horizon.months or the runs fewer');
  });

  it('the default limit refuses the largest fleet the schema allows, and names itself as the default', () => {
    const huge = resolveScenario(smallScenario(10_000_000, 600), 'huge.json', projectRegistry());
    const e = thrownDataLoadError(() => checkRunSize(huge, runSize(huge, PLAIN), DEFAULT_MAX_CONTRACT_MONTHS));
    expect(e?.errors[0]?.message).toContain(
      `= 6,000,000,000 contract-months, more than the limit of ${DEFAULT_MAX_CONTRACT_MONTHS.toLocaleString('en')} (about 10 minutes on two cores; docs/scenarios.md)`,
    );
    // The example scenario (100,000 × 60), with its ledger too, stays under it.
    const example = resolveScenario(smallScenario(100_000, 60), 'example.json', projectRegistry());
    expect(runSize(example, { ...PLAIN, ledger: true }).contractMonths).toBeLessThanOrEqual(DEFAULT_MAX_CONTRACT_MONTHS);
  });
});
