import type { TableId } from './table-id.js';

/**
 * What an enum value of a tariff column means, in Japanese and English, so the grid shows a
 * label with a dropdown instead of a bare code. The code stays what is stored and exported.
 */
export type EnumLabel = { ja: string; en: string };

const SERIES: Record<string, EnumLabel> = {
  legacy: { ja: '旧コース', en: 'Legacy course' },
  M5525: { ja: 'M5525 シリーズ', en: 'M5525 series' },
  M2035: { ja: 'M2035 シリーズ', en: 'M2035 series' },
};
const SIM: Record<string, EnumLabel> = { SN: { ja: 'SN コース', en: 'SN course' }, S18: { ja: 'S18 コース', en: 'S18 course' } };

const LABELS: Partial<Record<`${TableId}.${string}`, Record<string, EnumLabel>>> = {
  'courses.series': SERIES,
  'courses.sim': SIM,
  'courses.legacyKind': {
    short: { ja: '短期', en: 'Short term' },
    long: { ja: '長期', en: 'Long term' },
    'short-mount': { ja: '短期・取付', en: 'Short term, mounted' },
    'long-mount': { ja: '長期・取付', en: 'Long term, mounted' },
    'plus-short': { ja: 'プラス短期', en: 'Plus, short term' },
    'plus-long': { ja: 'プラス長期', en: 'Plus, long term' },
  },
  'options.billing': { monthly: { ja: '月額', en: 'Monthly' }, 'first-month': { ja: '初月のみ', en: 'First month only' } },
  'options.priceKind': { flat: { ja: '定額', en: 'Flat' }, 'by-term': { ja: '期間別', en: 'By term' }, 'by-series': { ja: 'シリーズ別', en: 'By series' } },
  'options.eligibleSeries': SERIES,
  'options.eligibleSim': SIM,
  'existingContracts.policy': {
    'new-price': { ja: '新しい料金を適用（既定）', en: 'New prices apply (default)' },
    'keep-price': { ja: '契約開始日の料金を据え置き', en: 'Keep the prices of their start date' },
  },
  'policies.kind': {
    none: { ja: '解約清算金なし', en: 'No settlement' },
    'remaining-of-months': { ja: '残存月数分の月額', en: 'Monthly fee for the remaining months' },
    'longest-satisfied-same-family': { ja: '同一系で満たした最長期間コースとの差額', en: 'Difference to the longest term satisfied in the family' },
  },
};

/** The label of one value of a column, or undefined for a column without labels (numbers, codes, text). */
export const enumLabel = (table: TableId, field: string, value: string): EnumLabel | undefined => LABELS[`${table}.${field}`]?.[value];

/** Whether a column's values have labels (the grid then edits it with a dropdown). */
export const hasLabels = (table: TableId, field: string): boolean => LABELS[`${table}.${field}`] !== undefined;
