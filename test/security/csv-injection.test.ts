import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES, DEFAULT_TARIFFS, PROJECT_ROOT } from '../../src/cli/options.js';
import { csvLine } from '../../src/io/csv.js';
import { scratch } from '../studio/helpers.js';
import { runCli } from './helpers.js';

/** Attack 6: a text cell that a spreadsheet opens as a live formula. */
describe('CSV formula injection', () => {
  it.each(['=1+1', '+1+1', '-1+1', '@SUM(A1)', '\t=1', '\r=1', '=HYPERLINK("http://evil.example","x")'])('a text cell %j is written as text', (text) => {
    const line = csvLine([text]);
    const cell = line.replace(/\r\n$/u, '');
    const unquoted = cell.startsWith('"') ? cell.slice(1, -1).replace(/""/gu, '"') : cell;
    expect(unquoted).toBe(`'${text}`);
  });

  it('numbers, negative ones included, stay numbers; ordinary text is untouched', () => {
    expect(csvLine([-500, 0, 12.5, 'どこでも“me”REC長期コース', 'a,b', ''])).toBe('-500,0,12.5,どこでも“me”REC長期コース,"a,b",\r\n');
  });

  it('tariff simulate --out x.csv writes a course name starting with = as text', async () => {
    const dir = scratch('csv-');
    const tariffs = join(dir, 'tariffs');
    cpSync(DEFAULT_TARIFFS, tariffs, { recursive: true });
    const coursesFile = join(tariffs, '2023-09-19', 'courses.json');
    const courses = JSON.parse(readFileSync(coursesFile, 'utf8')) as { courses: { code: string; name: string }[] };
    const evil = '=HYPERLINK("http://evil.example","click")';
    courses.courses.find((c) => c.code === 'LONG')!.name = evil;
    writeFileSync(coursesFile, JSON.stringify(courses));
    const scenario = JSON.parse(readFileSync(join(PROJECT_ROOT, 'scenarios', 'example.json'), 'utf8')) as Record<string, unknown> & {
      fleet: Record<string, unknown>;
      horizon: Record<string, unknown>;
    };
    scenario.fleet.size = 20;
    scenario.fleet.courseMix = [{ course: 'LONG', share: 1 }];
    scenario.horizon.months = 2;
    const scenarioFile = join(dir, 'scenario.json');
    writeFileSync(scenarioFile, JSON.stringify(scenario));
    const out = join(dir, 'x.csv');
    const r = await runCli('simulate', scenarioFile, '--out', out, '--quiet', '--workers', '1', '--tariffs', tariffs, '--rules', DEFAULT_RULES);
    expect(r.code, r.err).toBe(0);
    const csv = readFileSync(out, 'utf8');
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(csv).not.toMatch(/(^|,)"?=HYPERLINK/mu);
  });
});
