import { describe, expect, it } from 'vitest';
import { dayBefore, forceNote, versionInForceOn } from '../../src/studio/renderer/versions/force-note.js';

/** The version list says which version is in force today and until when: a superseded status alone reads as "abolished". */
const v = (id: number, effective: string, status: string) => ({ id, effective, status });
const TODAY = '2026-11-30';

describe('forceNote', () => {
  it('a version superseded by a later-dated approval is in force until that date; the later one is scheduled', () => {
    const all = [v(1, '2023-09-19', 'superseded'), v(2, '2027-04-01', 'approved'), v(3, '2027-05-01', 'draft')];
    expect(forceNote(all[0]!, all, TODAY)).toEqual({ kind: 'in-force', until: '2027-04-01' });
    expect(forceNote(all[1]!, all, TODAY)).toEqual({ kind: 'scheduled', from: '2027-04-01' });
    expect(forceNote(all[2]!, all, TODAY)).toBeNull();
  });

  it('once the later date has come, the old one says nothing and the new one is in force with no end', () => {
    const all = [v(1, '2023-09-19', 'superseded'), v(2, '2026-04-01', 'approved')];
    expect(forceNote(all[0]!, all, TODAY)).toBeNull();
    expect(forceNote(all[1]!, all, TODAY)).toEqual({ kind: 'in-force', until: null });
  });

  it('on the same effective date the later approval wins, today and in the future', () => {
    const now = [v(1, '2023-09-19', 'superseded'), v(2, '2023-09-19', 'approved')];
    expect(forceNote(now[0]!, now, TODAY)).toBeNull();
    expect(forceNote(now[1]!, now, TODAY)).toEqual({ kind: 'in-force', until: null });
    const later = [v(1, '2023-09-19', 'superseded'), v(2, '2027-04-01', 'superseded'), v(3, '2027-04-01', 'approved')];
    expect(forceNote(later[1]!, later, TODAY)).toBeNull();
    expect(forceNote(later[2]!, later, TODAY)).toEqual({ kind: 'scheduled', from: '2027-04-01' });
    expect(forceNote(later[0]!, later, TODAY)).toEqual({ kind: 'in-force', until: '2027-04-01' });
  });

  it('a version taking effect today is in force today', () => {
    const all = [v(1, '2023-09-19', 'superseded'), v(2, TODAY, 'approved')];
    expect(forceNote(all[1]!, all, TODAY)).toEqual({ kind: 'in-force', until: null });
    expect(forceNote(all[0]!, all, TODAY)).toBeNull();
  });

  it('names the last day in force as the day before the successor, across a month and a leap day', () => {
    expect(dayBefore('2027-04-01')).toBe('2027-03-31');
    expect(dayBefore('2028-03-01')).toBe('2028-02-29');
    expect(dayBefore('2027-01-01')).toBe('2026-12-31');
  });

  it('versionInForceOn: the explorer starts with the version in force on its asOf date, not a scheduled one', () => {
    const all = [v(3, '2027-05-01', 'draft'), v(2, '2026-12-02', 'approved'), v(1, '2023-09-19', 'superseded')];
    expect(versionInForceOn(all, '2026-12-01')?.id).toBe(1);
    expect(versionInForceOn(all, '2026-12-02')?.id).toBe(2);
    expect(versionInForceOn(all, '2027-06-01')?.id).toBe(2);
    expect(versionInForceOn(all, '2020-01-01')).toBeUndefined();
  });
});
