import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_CONTRACT_MONTHS, LEDGER_RUNS, VERIFY_RUNS } from '../../src/camera-sim/run-size.js';
import { resolveScenario } from '../../src/camera-sim/scenario-loader.js';
import type { Scenario } from '../../src/camera-sim/scenario-types.js';
import { main } from '../../src/cli/main.js';
import type { DataLoadError } from '../../src/engine/errors.js';
import { expectDataLoadError } from '../data-load-error.js';
import { exampleScenario, projectRegistry, ROOT, smallScenario } from './support.js';

const registry = projectRegistry();
const errorsOf = (data: unknown): DataLoadError => expectDataLoadError(() => resolveScenario(data, 'bad.json', registry));

describe('scenario validation: path and message, nothing run', () => {
  it('accepts the example scenario', () => {
    const rs = resolveScenario(exampleScenario(), 'scenarios/example.json', registry);
    expect(rs.sides[1].edits.length).toBe(2);
  });

  it('a value of the wrong type, an unknown property, a missing section', () => {
    const s = exampleScenario() as unknown as Record<string, Record<string, unknown>>;
    s.fleet!.size = 'big';
    s.outages!.colour = 'red';
    delete s.horizon;
    const e = errorsOf(s);
    expect(e.code).toBe('SCENARIO_SCHEMA');
    expect(e.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: 'bad.json', pointer: '/fleet/size', message: 'must be integer' }),
        expect.objectContaining({ pointer: '/outages', message: expect.stringContaining('unknown property "colour"') }),
        expect.objectContaining({ pointer: '', message: 'missing required property "horizon"' }),
      ]),
    );
  });

  it('an unknown course in the mix names the closest courses', () => {
    const s = exampleScenario();
    s.fleet.courseMix[1]!.course = 'M2035N-3Y-C7-SX';
    const e = errorsOf(s);
    expect(e.code).toBe('UNKNOWN_COURSE');
    expect(e.errors[0]).toMatchObject({ file: 'bad.json', pointer: '/fleet/courseMix/1/course' });
    expect(e.errors[0]!.message).toContain('M2035N-3Y-C7-SN');
  });

  it('edits that do not apply point at the edit', () => {
    const s = exampleScenario();
    s.proposal.edits = [
      { edit: 'rule-parameter', decision: 'outageWaiver', parameter: 'minimumHours', value: 12 },
      { edit: 'interpretation', name: 'partialOutage', value: 'always' },
      { edit: 'course-fee', match: { series: 'M2035', termMonths: 36 }, change: -100_000 },
    ];
    const e = errorsOf(s);
    const pointers = e.errors.map((x) => x.pointer);
    expect(pointers.slice(0, 2)).toEqual(['/proposal/edits/0/parameter', '/proposal/edits/1/value']);
    // One error per course the cut would take below zero: the 12 M2035 3-year courses.
    expect(pointers.slice(2)).toEqual(Array(12).fill('/proposal/edits/2/change'));
    expect(e.errors[0]!.message).toContain('minimumConsecutiveHours');
  });

  it('sensitivity assumptions are checked when the scenario loads: a pointer to nothing, into an edit, a value the field refuses', () => {
    const s = exampleScenario();
    s.sensitivity = {
      assumptions: [
        { pointer: '/cancellation/monthlyHazzard' },
        { pointer: '/name' },
        { pointer: '/proposal/edits/0/change', down: -1000, up: 0 },
        { pointer: '/cancellation/monthlyHazard', down: -1, up: 7 },
        { pointer: '/payments/dueDay' },
        { pointer: '/cancellation/noticeDays/min', up: 400 },
      ],
    };
    const e = errorsOf(s);
    expect(e.code).toBe('SCENARIO_INVALID');
    const at = (pointer: string) => e.errors.filter((x) => x.pointer === pointer).map((x) => x.message);
    expect(at('/sensitivity/assumptions/0/pointer')).toEqual([expect.stringContaining('/cancellation/monthlyHazzard names no number in this scenario')]);
    expect(at('/sensitivity/assumptions/1/pointer')).toEqual([expect.stringContaining('/name cannot be moved')]);
    expect(at('/sensitivity/assumptions/2/pointer')).toEqual([expect.stringContaining('/proposal is read once')]);
    expect(at('/sensitivity/assumptions/3/down')).toEqual([expect.stringContaining('invalid at /cancellation/monthlyHazard: must be >= 0')]);
    expect(at('/sensitivity/assumptions/3/up')).toEqual([expect.stringContaining('invalid at /cancellation/monthlyHazard: must be <= 1')]);
    expect(at('/sensitivity/assumptions/4/down')).toEqual([
      expect.stringContaining('moving /payments/dueDay down by 20 % (relative) makes the scenario invalid at /payments/dueDay: must be integer'),
    ]);
    expect(at('/sensitivity/assumptions/4/up')).toEqual(expect.arrayContaining([expect.stringContaining('/payments/dueDay: must be <= 31')]));
    expect(at('/sensitivity/assumptions/5/up')).toEqual([expect.stringContaining('/cancellation/noticeDays: min (400) is above max (30)')]);
    expect(e.errors.filter((x) => x.pointer.startsWith('/sensitivity'))).toHaveLength(9);
  });

  it('sensitivity assumptions that hold pass, and the default list is not checked against ±20 %', () => {
    const s = exampleScenario();
    s.sensitivity = { assumptions: [{ pointer: '/fleet/optionUptake/*/probability' }, { pointer: '/fleet/size', down: 50_000, up: 150_000 }] };
    expect(resolveScenario(s, 'ok.json', registry).scenario.sensitivity?.assumptions).toHaveLength(2);
  });

  it('an option price given as a bare number, or in the wrong shape, gets one error that shows the shapes', () => {
    const s = exampleScenario();
    s.proposal.edits = [{ edit: 'option-price', option: 'poe-injector', price: 100 } as unknown as NonNullable<Scenario['proposal']['edits']>[number]];
    expect(errorsOf(s).errors).toEqual([
      expect.objectContaining({ pointer: '/proposal/edits/0/price', message: expect.stringContaining('must be an object: {"kind": "flat", "amount": YEN}') }),
    ]);
    s.proposal.edits = [
      { edit: 'option-price', option: 'poe-injector', price: { kind: 'flat', amounts: { '12': 100 } } } as unknown as NonNullable<Scenario['proposal']['edits']>[number],
    ];
    expect(errorsOf(s).errors.map((e) => `${e.pointer}: ${e.message}`)).toEqual([
      '/proposal/edits/0/price: missing required property "amount"',
      '/proposal/edits/0/price: unknown property "amounts": remove it or fix its spelling',
    ]);
  });

  it('days and hours beyond the calendar, and shares whose sum is not finite, are refused with the bound', () => {
    const s = exampleScenario();
    s.cancellation!.noticeDays = { min: 0, max: 1e12 };
    s.payments!.delayDays = [{ min: 1, max: 1e15, share: 1 }];
    s.outages!.durationHours = [{ min: 1, max: 1e12, share: 1 }];
    s.suspension!.afterOverdueDays = 1e9;
    s.returns = { lateProbability: 0.1, announcedShare: 0.5, daysLate: [{ min: 1, max: 1e9, share: 1 }] };
    s.fleet.courseMix[0]!.share = 1e308;
    s.fleet.courseMix[1]!.share = 1e308;
    const e = errorsOf(s);
    expect(e.errors.map((x) => `${x.pointer}: ${x.message}`)).toEqual([
      '/fleet/courseMix/0/share: must be <= 1000000000000',
      '/fleet/courseMix/1/share: must be <= 1000000000000',
      '/cancellation/noticeDays/max: must be <= 3660',
      '/outages/durationHours/0/max: must be <= 8784',
      '/payments/delayDays/0/max: must be <= 3660',
      '/suspension/afterOverdueDays: must be <= 3660',
      '/returns/daysLate/0/max: must be <= 3660',
    ]);
  });

  it('edits apply to copies: the registry versions are unchanged', () => {
    const s = exampleScenario();
    s.proposal.edits!.push({ edit: 'interpretation', name: 'partialOutage', value: 'm-series-waive' });
    const rs = resolveScenario(s, 'x.json', registry);
    const [base, prop] = rs.sides;
    expect(prop.rules.decisions.outageWaiver.parameters!.minimumConsecutiveHours!.value).toBe(12);
    expect(base.rules.decisions.outageWaiver.parameters!.minimumConsecutiveHours!.value).toBe(24);
    expect(registry.ruleVersions[0]!.decisions.outageWaiver.parameters!.minimumConsecutiveHours!.value).toBe(24);
    expect(prop.rules.interpretations.find((i) => i.name === 'partialOutage')!.default).toBe('m-series-waive');
    const cut = prop.tariff.courses.find((c) => c.code === 'M2035N-3Y-C7-SN')!;
    expect(cut.monthlyFee).toBe(registry.tariffVersions[0]!.courses.find((c) => c.code === 'M2035N-3Y-C7-SN')!.monthlyFee - 500);
  });

  it('a new course is checked like a tariff file', () => {
    const s: Scenario = smallScenario(10, 6);
    const base = registry.tariffVersions[0]!.courses.find((c) => c.code === 'M2035N-3Y-C7-SN')!;
    s.proposal = { edits: [{ edit: 'add-course', course: { ...base, code: 'M2035N-4Y-C7-SN', termMonths: 48 as never } }] };
    const e = errorsOf(s);
    expect(e.errors[0]).toMatchObject({ pointer: '/proposal/edits/0/course/termMonths' });
  });

  it('a new course with uptake is taken on the proposal side only, on the same draws', async () => {
    const s: Scenario = smallScenario(400, 12);
    const base = registry.tariffVersions[0]!.courses.find((c) => c.code === 'M2035N-3Y-C7-SN')!;
    const course = { ...base, code: 'M2035N-3Y-C7-SN-LITE', name: 'どこでも“me”REC M2035N・3年コース・クラウド７・SN ライト', monthlyFee: 2980 };
    s.proposal = { edits: [{ edit: 'add-course', course, uptake: { from: ['M2035N-3Y-C7-SN'], share: 0.5 } }] };
    const { runSimulation } = await import('../../src/camera-sim/run-simulation.js');
    const r = await runSimulation(resolveScenario(s, 'x.json', registry), { workers: 0 });
    const months = (side: typeof r.baseline, code: string) => side.events.filter((x) => x.event === 'contract-month' && x.course === code).reduce((a, x) => a + x.count, 0);
    expect(months(r.baseline, course.code)).toBe(0);
    expect(months(r.proposal, course.code)).toBeGreaterThan(0);
    expect(months(r.proposal, course.code) + months(r.proposal, base.code)).toBe(months(r.baseline, base.code));
  });
});

describe('tariff simulate', () => {
  const run = async (args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(['simulate', ...args], { out: (s) => out.push(s), err: (s) => err.push(s) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };
  const dir = mkdtempSync(join(tmpdir(), 'tariff-cli-'));

  it('runs a scenario, prints progress lines (not a TTY) and a one-screen summary', async () => {
    const file = join(dir, 's.json');
    writeFileSync(file, JSON.stringify(smallScenario(200, 12)));
    const r = await run([file, '--out', join(dir, 'out.json'), '--workers', '0']);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/progress: 100% \(200 of 200 contracts/);
    expect(r.out).toContain('税抜収入 Net revenue ex tax');
    expect(r.out.split('\n').length).toBeLessThan(45);
    expect(JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')).views.summary.length).toBeGreaterThan(10);
  });

  it('a scenario with a "sensitivity" section (as the studio exports it) runs its tornado without --sensitivity, as the studio does; --no-sensitivity skips it', async () => {
    const file = join(dir, 'sens.json');
    writeFileSync(file, JSON.stringify({ ...smallScenario(40, 6), sensitivity: {} }));
    const asScenario = await run([file, '--out', join(dir, 'sens.json.out.json'), '--workers', '0', '--quiet']);
    expect(asScenario.code).toBe(0);
    const answer = JSON.parse(readFileSync(join(dir, 'sens.json.out.json'), 'utf8')) as { sensitivity?: { rows: { pointer: string }[] } };
    expect(answer.sensitivity?.rows.map((r) => r.pointer)).toContain('/cancellation/monthlyHazard');
    const skipped = await run([file, '--out', join(dir, 'nosens.json'), '--workers', '0', '--quiet', '--no-sensitivity']);
    expect(skipped.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'nosens.json'), 'utf8'))).not.toHaveProperty('sensitivity');
    const both = await run([file, '--out', join(dir, 'both.json'), '--sensitivity', '--no-sensitivity']);
    expect(both.code).toBe(2);
    expect(both.err).toContain('--sensitivity and --no-sensitivity contradict each other');
    // Its size counts the tornado's runs, and says where they came from.
    const small = await run([file, '--out', join(dir, 'big.json'), '--max-contract-months', '300']);
    expect(small.code).toBe(2);
    expect(small.err).toMatch(/for the scenario's "sensitivity" \(\d+ assumptions moved down and up\)/u);
  });

  it('a broken scenario: exit 2, file and pointer, nothing written', async () => {
    const file = join(dir, 'bad.json');
    const s = smallScenario(10, 12);
    s.fleet.courseMix[0]!.course = 'no such course';
    writeFileSync(file, JSON.stringify(s));
    const r = await run([file, '--out', join(dir, 'bad.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${file} /fleet/courseMix/0/course: unknown course "no such course"`);
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(existsSync(join(dir, 'bad.xlsx'))).toBe(false);
  });

  it('an --out in a missing folder, or that is a folder: exit 2 before the run, with the folder and what to do, no stack', async () => {
    const file = join(dir, 'ok.json');
    writeFileSync(file, JSON.stringify(smallScenario(50, 6)));
    for (const ext of ['json', 'xlsx', 'csv']) {
      const r = await run([file, '--out', join(dir, 'no-such-folder', `x.${ext}`), '--workers', '0', '--ledger']);
      expect(r.code).toBe(2);
      expect(r.err).toContain(
        `tariff simulate: OUTPUT_WRITE\n  ${join(dir, 'no-such-folder', `x.${ext}`)}: cannot write the output: the folder ${join(dir, 'no-such-folder')} does not exist; create it or choose another --out`,
      );
      expect(r.err).not.toContain('progress:');
      expect(r.err).not.toMatch(/\n\s+at /);
    }
    mkdirSync(join(dir, 'a-folder.json'));
    const r = await run([file, '--out', join(dir, 'a-folder.json'), '--workers', '0']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('it is a folder; give a file name ending in .xlsx, .json or .csv');
  });

  it('--workers above 64 (each holds its own engine) or below 0: exit 2 before the run, naming the range', async () => {
    const file = join(dir, 'w.json');
    writeFileSync(file, JSON.stringify(smallScenario(50, 6)));
    for (const w of ['65', '1000', '=-1']) {
      const r = await run([file, '--out', join(dir, 'w-out.json'), w.startsWith('=') ? `--workers${w}` : '--workers', ...(w.startsWith('=') ? [] : [w])]);
      expect(r.code).toBe(2);
      expect(r.err).toContain('--workers must be a whole number from 0 to 64');
      expect(r.err).not.toContain('progress:');
    }
    expect(existsSync(join(dir, 'w-out.json'))).toBe(false);
  });

  it('a run over --max-contract-months (fleet.size × horizon.months × runs): exit 2 before the run, with its size, the limit and the flag; nothing written', async () => {
    const sub = mkdtempSync(join(dir, 'size-'));
    const file = join(sub, 'size.json');
    writeFileSync(file, JSON.stringify(smallScenario(50, 6)));
    const refused = await run([file, '--out', join(sub, 'out.json'), '--workers', '0', '--max-contract-months', '299']);
    expect(refused.code).toBe(2);
    expect(refused.err).toBe(
      `tariff simulate: RUN_TOO_LARGE\n  ${file} /fleet/size: this run is 50 contracts × 6 months × 1 run (1 run of the fleet) = 300 contract-months, more than the limit of 299. Make fleet.size, horizon.months or the runs fewer, or raise the limit with --max-contract-months 300`,
    );
    // The ledger and --verify count as runs (run-size.ts); --replications is named as the flag.
    const ledger = await run([file, '--out', join(sub, 'out.csv'), '--workers', '0', '--ledger', '--max-contract-months', '300']);
    expect(ledger.code).toBe(2);
    expect(ledger.err).toContain(`× ${1 + LEDGER_RUNS} runs (1 run of the fleet, ${LEDGER_RUNS} for --ledger) = ${(300 * (1 + LEDGER_RUNS)).toLocaleString('en')} contract-months`);
    const verify = await run([file, '--verify', '--workers', '0', '--max-contract-months', '300']);
    expect(verify.code).toBe(2);
    expect(verify.err).toContain(`(1 run of the fleet, ${VERIFY_RUNS} for --verify's ledger and replay)`);
    const replications = await run([file, '--out', join(sub, 'out.json'), '--workers', '0', '--replications', '2', '--max-contract-months', '300']);
    expect(replications.err).toContain('× 2 runs (2 replications, by --replications) = 600 contract-months');
    for (const r of [refused, ledger, verify, replications]) {
      expect(r.err).not.toContain('progress:');
      expect(r.err).not.toMatch(/\n\s+at /);
    }
    expect(readdirSync(sub)).toEqual(['size.json']);
    // At the limit it runs.
    const ok = await run([file, '--out', join(sub, 'out.json'), '--workers', '0', '--quiet', '--max-contract-months', '300']);
    expect(ok.code).toBe(0);
    expect(existsSync(join(sub, 'out.json'))).toBe(true);
  });

  it('by default the largest fleet the schema allows (10,000,000 × 600) is refused before it starts, and a bad --max-contract-months is a usage error', async () => {
    const file = join(dir, 'huge.json');
    writeFileSync(file, JSON.stringify(smallScenario(10_000_000, 600)));
    const r = await run([file, '--out', join(dir, 'huge-out.json'), '--workers', '0']);
    expect(r.code).toBe(2);
    expect(r.err).toContain(
      `tariff simulate: RUN_TOO_LARGE\n  ${file} /fleet/size: this run is 10,000,000 contracts × 600 months × 1 run (1 run of the fleet) = 6,000,000,000 contract-months, more than the limit of ${DEFAULT_MAX_CONTRACT_MONTHS.toLocaleString('en')} (about 10 minutes on two cores; docs/scenarios.md)`,
    );
    expect(r.err).toContain('raise the limit with --max-contract-months 6000000000');
    expect(existsSync(join(dir, 'huge-out.json'))).toBe(false);
    for (const v of ['0', 'abc', '1.5', '=-1']) {
      const bad = await run([file, '--out', join(dir, 'huge-out.json'), ...(v.startsWith('=') ? [`--max-contract-months${v}`] : ['--max-contract-months', v])]);
      expect(bad.code).toBe(2);
      expect(bad.err).toContain(
        `tariff simulate: --max-contract-months must be a whole number of contract-months from 1 (default ${DEFAULT_MAX_CONTRACT_MONTHS.toLocaleString('en')}: about 10 minutes), got "${v.replace(/^=/, '')}"`,
      );
    }
  });

  it('a sensitivity entry for the fleet size counts its down and up runs at their own sizes: an up-run over --max-contract-months is refused before anything runs, naming it', async () => {
    const sub = mkdtempSync(join(dir, 'fleet-move-'));
    const file = join(sub, 'fleet-move.json');
    // 50 × 6 = 300 contract-months a run of the fleet; the up-run alone is 20,000 × 6 = 120,000.
    writeFileSync(file, JSON.stringify({ ...smallScenario(50, 6), sensitivity: { assumptions: [{ pointer: '/fleet/size', down: 10, up: 20_000 }] } }));
    const r = await run([file, '--out', join(sub, 'out.json'), '--workers', '0', '--max-contract-months', '100000']);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      `tariff simulate: RUN_TOO_LARGE\n  ${file} /sensitivity/assumptions/0/up: this run is 50 contracts × 6 months × 1 run (1 run of the fleet, the scenario's "sensitivity" (1 assumption moved down and up, all 2 runs at their own size below)) ` +
        '+ the down-run of the fleet size at 10 contracts × 6 months + the up-run of the fleet size at 20,000 contracts × 6 months = 120,360 contract-months, more than the limit of 100,000; ' +
        'what makes it large is the up-run of the fleet size (/sensitivity/assumptions/0/up): 120,000 contract-months alone. ' +
        `Make the "up" of /fleet/size in the scenario's sensitivity section nearer the scenario's own value (or leave that assumption out), or raise the limit with --max-contract-months 120360`,
    );
    expect(r.err).not.toContain('progress:');
    expect(readdirSync(sub)).toEqual(['fleet-move.json']);
    // --no-sensitivity leaves the tornado out, and the fleet's own runs fit.
    const without = await run([file, '--out', join(sub, 'out.json'), '--workers', '0', '--quiet', '--no-sensitivity', '--max-contract-months', '100000']);
    expect(without.code).toBe(0);
  });

  it('--out naming the scenario itself: exit 2, the scenario untouched', async () => {
    const file = join(dir, 'self.json');
    const text = JSON.stringify(smallScenario(50, 6));
    writeFileSync(file, text);
    const r = await run([file, '--out', file, '--workers', '0']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('is the scenario file itself');
    expect(readFileSync(file, 'utf8')).toBe(text);
  });

  it('an existing --out is replaced whole, and no hidden partial file is left beside it', async () => {
    const sub = mkdtempSync(join(dir, 'replace-'));
    const file = join(sub, 's.json');
    writeFileSync(file, JSON.stringify(smallScenario(50, 6)));
    for (const ext of ['json', 'xlsx', 'csv']) writeFileSync(join(sub, `out.${ext}`), 'OLD');
    for (const ext of ['json', 'xlsx', 'csv']) expect((await run([file, '--out', join(sub, `out.${ext}`), '--workers', '0', '--quiet', '--ledger'])).code).toBe(0);
    expect(JSON.parse(readFileSync(join(sub, 'out.json'), 'utf8')).views.summary.length).toBeGreaterThan(10);
    expect(readFileSync(join(sub, 'out.csv'), 'utf8')).toMatch(/^\ufeffkind,side,month/);
    expect(readdirSync(sub).sort()).toEqual(['out.csv', 'out.events.csv', 'out.json', 'out.ledger.csv', 'out.register.csv', 'out.xlsx', 's.json']);
  });

  it('Ctrl-C during a run: exit 130, the existing --out as it was, nothing left behind', async () => {
    const sub = mkdtempSync(join(dir, 'sigint-'));
    const file = join(sub, 's.json');
    writeFileSync(file, JSON.stringify(smallScenario(20_000, 60)));
    for (const ext of ['json', 'csv']) writeFileSync(join(sub, `out.${ext}`), 'OLD');
    for (const ext of ['json', 'csv']) {
      const child = spawn(process.execPath, [join(ROOT, 'bin', 'tariff.mjs'), 'simulate', file, '--out', join(sub, `out.${ext}`), '--workers', '1', '--ledger'], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let err = '';
      const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
      await new Promise<void>((started, failed) => {
        child.stderr.on('data', (d: Buffer) => {
          err += d.toString();
          if (err.includes('progress:')) started();
        });
        void exited.then(() => failed(new Error(`the run ended before any progress: ${err}`)));
      });
      expect(readdirSync(sub).some((n) => n.endsWith('.partial'))).toBe(true);
      child.kill('SIGINT');
      expect(await exited).toBe(130);
      expect(err).toContain(`interrupted (SIGINT); nothing written, ${join(sub, `out.${ext}`)} is as it was`);
    }
    expect(readFileSync(join(sub, 'out.json'), 'utf8')).toBe('OLD');
    expect(readFileSync(join(sub, 'out.csv'), 'utf8')).toBe('OLD');
    expect(readdirSync(sub).sort()).toEqual(['out.csv', 'out.json', 's.json']);
  }, 120_000);

  it('a file that is not JSON, an unknown output format, a missing --out: exit 2', async () => {
    const file = join(dir, 'broken.json');
    writeFileSync(file, '{ "name": "x", ');
    const r1 = await run([file, '--out', join(dir, 'x.json')]);
    expect(r1.code).toBe(2);
    expect(r1.err).toContain(file);
    expect(r1.err).toContain('not valid JSON');
    expect((await run([join(ROOT, 'scenarios', 'example.json'), '--out', join(dir, 'x.pdf')])).code).toBe(2);
    expect((await run([join(ROOT, 'scenarios', 'example.json')])).code).toBe(2);
  });
});
