import { describe, expect, it } from 'vitest';
import type { Envelope, VersionDetail } from '../../src/studio/api/contract.js';
import { listAudit } from '../../src/studio/workspace/audit-log.js';
import { auditSentence, TARIFF_LINES_SHOWN, tariffCellLines } from '../../src/studio/renderer/ui/audit-sentence.js';
import { freshStudio } from './helpers.js';

/** A tariff edit in the audit log says which table, which row, which column, from what to what. */
const { ws, dispatch } = freshStudio();
const ok = async <T>(name: string, args: unknown): Promise<T> => {
  const r = (await dispatch(name, args)) as Envelope<T>;
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.value;
};
const latest = () => listAudit(ws, 1)[0]!;

describe('tariff edits in the audit log', () => {
  let d: VersionDetail;

  it('a cell edit: the sheet, the row by its key, the column, old → new in yen (ja and en)', async () => {
    d = await ok<VersionDetail>('tariffs.createDraft', { from: 1, effective: '2025-04-01', title: '値上げ' });
    const i = d.version.courses.findIndex((c) => c.code === 'M5525N-1M-C7-SN');
    const o = d.version.options.findIndex((x) => x.code === 'poe-injector');
    d = await ok<VersionDetail>('tariffs.edit', {
      id: d.summary.id,
      revision: d.summary.revision,
      edits: [
        { table: 'courses', index: i, field: 'monthlyFee', text: '15000' },
        { table: 'options', index: o, field: 'term60', text: '250' },
      ],
    });
    const e = latest();
    expect(e.action).toBe('tariff.draft.edited');
    const ja = auditSentence(e, 'ja');
    expect(ja.sentence).toContain('料金表のバージョン #');
    expect(ja.changes).toEqual(['表1 コース「M5525N-1M-C7-SN」の月額料金（円）: 14,080円 → 15,000円', '表3 オプション「poe-injector」の料金・5年（円）: 300円 → 250円']);
    expect(auditSentence(e, 'en').sentence).toMatch(/ edited the prices of tariff version #\d+$/u);
    expect(auditSentence(e, 'en').changes).toEqual([
      'Courses “M5525N-1M-C7-SN”, Monthly fee (yen): 14,080 yen → 15,000 yen',
      expect.stringMatching(/^Options “poe-injector”, .+: 300 yen → 250 yen$/u),
    ]);
  });

  it('a text cell and a blank: the value as written, a blank as （空欄）', async () => {
    const i = d.version.courses.findIndex((c) => c.code === 'LONG');
    d = await ok<VersionDetail>('tariffs.edit', {
      id: d.summary.id,
      revision: d.summary.revision,
      edits: [{ table: 'courses', index: i, field: 'minimumPeriodMonths', text: '' }],
    });
    expect(auditSentence(latest(), 'ja').changes).toEqual(['表1 コース「LONG」の最低利用期間（月）: 12 → （空欄）']);
  });

  it('rows added and removed say so, by table and key', async () => {
    const i = d.version.options.findIndex((x) => x.code === 'video-api');
    d = await ok<VersionDetail>('tariffs.rowOps', { id: d.summary.id, revision: d.summary.revision, ops: [{ kind: 'delete', table: 'options', index: i }] });
    expect(auditSentence(latest(), 'ja').changes).toEqual(['表3 オプション「video-api」: 行を削除']);
    expect(auditSentence(latest(), 'en').changes).toEqual(['Options “video-api”: row removed']);
  });

  it('an entry written before the cells were kept whole shows its lines as written', () => {
    const lines = tariffCellLines([{ table: 'courses', key: 'LONG', field: 'monthlyFee', value: 15000 }], ['表1 コース LONG 月額料金（円）: 15000 → 15800'], 'ja');
    expect(lines).toEqual(['表1 コース LONG 月額料金（円）: 15000 → 15800']);
  });

  it('many cells: the first ones listed, the rest counted', () => {
    const after = Array.from({ length: TARIFF_LINES_SHOWN + 5 }, (_, n) => ({ table: 'courses', key: `C${n}`, field: 'monthlyFee', value: n, change: 'changed' }));
    const lines = tariffCellLines([], after, 'ja')!;
    expect(lines).toHaveLength(TARIFF_LINES_SHOWN + 1);
    expect(lines.at(-1)).toBe('ほか 5 件（詳細は JSON を参照）');
  });

  it('an after side of another shape is not read as cells', () => {
    expect(tariffCellLines(null, { monthlyFee: 1 }, 'ja')).toBeNull();
    expect(tariffCellLines(null, [{ table: 'prices', key: 'x' }], 'ja')).toBeNull();
  });
});
