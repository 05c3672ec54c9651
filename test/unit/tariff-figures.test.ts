import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/cli/options.js';

/**
 * Every figure of tariffs/2023-09-19 checked against the terms (rules/terms-2023-09-19.txt): 別紙3表1
 * is re-read line by line (course name, initial fee, monthly fee) and must give exactly the
 * committed courses and initial-fee groups; every yen amount of 表3 (options) must be printed in
 * the terms as a yen figure. The JSON files stay the source of truth; this test is their
 * provenance (it replaces scripts/extract-tariffs.mjs).
 */
const terms = readFileSync(join(PROJECT_ROOT, 'rules', 'terms-2023-09-19.txt'), 'utf8');
const json = <T>(name: string): T => JSON.parse(readFileSync(join(PROJECT_ROOT, 'tariffs', '2023-09-19', name), 'utf8')) as T;
const yen = (s: string): number => Number(s.replace(/,/gu, ''));

type Course = { code: string; name: string; monthlyFee: number; initialFeeGroup: string };
type Group = { group: string; amount: number; printedOn: string };

const LEGACY: Record<string, string> = {
  'どこでも“me”REC 短期コース': 'SHORT',
  'どこでも“me”REC長期コース': 'LONG',
  'どこでも“me”REC短期コース 雲台セット': 'SHORT-MOUNT',
  'どこでも“me”REC長期コース 雲台セット': 'LONG-MOUNT',
  'どこでも“me”REC＋ 短期コース': 'PLUS-SHORT',
  'どこでも“me”REC＋ 長期コース': 'PLUS-LONG',
};
const TERM: Record<string, string> = { 単月: '1M', 半年: '6M', '1年': '1Y', '2年': '2Y', '3年': '3Y', '5年': '5Y' };

/** 別紙3表1 as printed: one line per course, `NAME [INITIAL 円] MONTHLY 円／月`. */
const printedCourses = (): { code: string; name: string; monthlyFee: number; initialFee?: number }[] =>
  terms
    .split(/\r?\n/u)
    .map((l) => l.trim())
    .filter((l) => l.startsWith('どこでも“me”REC') && l.includes('円／月'))
    .map((line) => {
      const m = /^(.*?)\s+(?:([\d,]+) 円\s+)?([\d,]+) 円／月$/u.exec(line);
      if (!m) throw new Error(`unparsed line of 別紙3表1: ${line}`);
      const [, name, initial, monthly] = m as unknown as [string, string, string | undefined, string];
      let code = LEGACY[name];
      if (!code) {
        const mm = /^どこでも“me”REC (M(?:5525|2035)[ND])・(単月|半年|1年|2年|3年|5年)コース・クラウド\s*([７7]|14|30)・(SN|S18)$/u.exec(name);
        if (!mm) throw new Error(`unparsed course name of 別紙3表1: ${name}`);
        code = `${mm[1]}-${TERM[mm[2]!]}-C${mm[3] === '７' ? 7 : Number(mm[3])}-${mm[4]}`;
      }
      return { code, name, monthlyFee: yen(monthly), ...(initial ? { initialFee: yen(initial) } : {}) };
    });

describe('tariffs/2023-09-19 against the terms', () => {
  const courses = json<{ courses: Course[] }>('courses.json').courses;
  const groups = json<{ groups: Group[] }>('initial-fees.json').groups;
  const printed = printedCourses();

  it('別紙3表1: the same courses, in the same order, with the printed names and monthly fees', () => {
    expect(printed.length).toBeGreaterThan(100);
    expect(courses.map((c) => ({ code: c.code, name: c.name, monthlyFee: c.monthlyFee }))).toEqual(printed.map(({ code, name, monthlyFee }) => ({ code, name, monthlyFee })));
  });

  it('別紙3表1: every initial fee is the one printed on its course line, once per group', () => {
    const fromTerms = printed
      .filter((p) => p.initialFee !== undefined)
      .map((p) => ({ group: courses.find((c) => c.code === p.code)!.initialFeeGroup, amount: p.initialFee!, printedOn: p.code }));
    expect(groups).toEqual(fromTerms);
  });

  it('別紙3表3: every option amount is printed in the terms as a yen figure', () => {
    const options = json<{ options: { code: string; name: string; price: { amount?: number; amounts?: Record<string, number> } }[] }>('options.json').options;
    const lines = terms.split(/\r?\n/u);
    for (const o of options) {
      const amounts = o.price.amount !== undefined ? [o.price.amount] : Object.values(o.price.amounts ?? {});
      expect(amounts.length, o.code).toBeGreaterThan(0);
      for (const a of amounts) {
        const figure = a.toLocaleString('en-US');
        expect(
          lines.some((l) => new RegExp(`(^|[^\\d,])${figure.replace(/,/gu, ',')}\\s*円`, 'u').test(l)),
          `${o.code}: ${figure} 円 is not printed in the terms`,
        ).toBe(true);
      }
    }
  });
});
