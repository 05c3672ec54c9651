import type { ColumnDef } from './column-def.js';

/** The columns of each table, in print order. Headers follow 別紙3 and 別紙6 of the terms. */
export const SERIES = ['legacy', 'M5525', 'M2035'] as const;
export const LEGACY_KINDS = ['short', 'long', 'short-mount', 'long-mount', 'plus-short', 'plus-long'] as const;
export const MODELS = ['M5525N', 'M5525D', 'M2035N', 'M2035D'] as const;
export const SIMS = ['SN', 'S18'] as const;
export const CLOUD_DAYS = [7, 14, 30] as const;
export const TERMS = [1, 6, 12, 24, 36, 60] as const;
export const PRICED_SERIES = ['M5525', 'M2035'] as const;

const TERM_LABEL: Record<(typeof TERMS)[number], { ja: string; en: string }> = {
  1: { ja: '単月', en: '1 month' },
  6: { ja: '半年', en: '6 months' },
  12: { ja: '1年', en: '1 year' },
  24: { ja: '2年', en: '2 years' },
  36: { ja: '3年', en: '3 years' },
  60: { ja: '5年', en: '5 years' },
};

export const courseColumns: readonly ColumnDef[] = [
  { key: 'code', ja: 'コード', en: 'Code', kind: 'code', required: true, pattern: /^[A-Z0-9][A-Z0-9-]*$/, patternExample: 'M5525N-1M-C7-SN', width: 20, frozen: true },
  { key: 'name', ja: 'コース名', en: 'Course name', kind: 'text', required: true, width: 46, frozen: true },
  { key: 'monthlyFee', ja: '月額料金（円）', en: 'Monthly fee (yen)', kind: 'yen', required: true, width: 14 },
  { key: 'series', ja: 'シリーズ', en: 'Series', kind: 'enum', required: true, values: SERIES, width: 10 },
  { key: 'model', ja: '機種', en: 'Model', kind: 'enum', required: false, values: MODELS, width: 10 },
  { key: 'sim', ja: 'SIM', en: 'SIM', kind: 'enum', required: false, values: SIMS, width: 7 },
  { key: 'cloudDays', ja: 'クラウド（日）', en: 'Cloud days', kind: 'enum', required: false, values: CLOUD_DAYS, width: 11 },
  { key: 'termMonths', ja: '期間（月）', en: 'Term (months)', kind: 'enum', required: false, values: TERMS, width: 10 },
  { key: 'legacyKind', ja: '旧コース種別', en: 'Legacy kind', kind: 'enum', required: false, values: LEGACY_KINDS, width: 12 },
  { key: 'family', ja: '同一系', en: 'Family', kind: 'text', required: true, width: 16 },
  { key: 'initialFeeGroup', ja: '初期費グループ', en: 'Initial fee group', kind: 'text', required: true, refersTo: 'initialFees', width: 14 },
  { key: 'settlementPolicy', ja: '解約清算金', en: 'Settlement policy', kind: 'text', required: true, refersTo: 'policies', width: 28 },
  { key: 'minimumPeriodMonths', ja: '最低利用期間（月）', en: 'Minimum period (months)', kind: 'int', required: false, min: 1, width: 14 },
];

export const optionColumns: readonly ColumnDef[] = [
  { key: 'code', ja: 'コード', en: 'Code', kind: 'code', required: true, pattern: /^[a-z0-9][a-z0-9-]*$/, patternExample: 'image-api-100k', width: 16, frozen: true },
  { key: 'name', ja: 'オプション名', en: 'Option name', kind: 'text', required: true, width: 34, frozen: true },
  { key: 'group', ja: '区分', en: 'Group', kind: 'text', required: true, width: 22 },
  { key: 'billing', ja: '課金', en: 'Billing', kind: 'enum', required: true, values: ['monthly', 'first-month'], width: 12 },
  { key: 'priceKind', ja: '料金の種類', en: 'Price kind', kind: 'enum', required: true, values: ['flat', 'by-term', 'by-series'], width: 11 },
  { key: 'amount', ja: '料金（円）', en: 'Price (yen)', kind: 'yen', required: false, width: 11 },
  ...TERMS.map((t): ColumnDef => ({ key: `term${t}`, ja: `料金・${TERM_LABEL[t].ja}（円）`, en: `Price ${TERM_LABEL[t].en} (yen)`, kind: 'yen', required: false, width: 12 })),
  ...PRICED_SERIES.map((s): ColumnDef => ({ key: `series${s}`, ja: `料金・${s}（円）`, en: `Price ${s} (yen)`, kind: 'yen', required: false, width: 13 })),
  { key: 'eligibleSeries', ja: '対象シリーズ', en: 'Eligible series', kind: 'list', required: false, values: SERIES, width: 14 },
  { key: 'eligibleSim', ja: '対象 SIM', en: 'Eligible SIM', kind: 'list', required: false, values: SIMS, width: 10 },
  { key: 'note', ja: '注記', en: 'Note', kind: 'text', required: false, width: 40 },
];

export const initialFeeColumns: readonly ColumnDef[] = [
  { key: 'group', ja: '初期費グループ', en: 'Initial fee group', kind: 'text', required: true, width: 16, frozen: true },
  { key: 'amount', ja: '初期費（円）', en: 'Initial fee (yen)', kind: 'yen', required: true, width: 12 },
  { key: 'printedOn', ja: '記載コース', en: 'Printed on course', kind: 'text', required: true, refersTo: 'courses', width: 22 },
];

export const policyColumns: readonly ColumnDef[] = [
  { key: 'id', ja: 'ID', en: 'ID', kind: 'text', required: true, width: 28, frozen: true },
  { key: 'kind', ja: '種類', en: 'Kind', kind: 'enum', required: true, values: ['none', 'remaining-of-months', 'longest-satisfied-same-family'], width: 26 },
  { key: 'months', ja: '月数', en: 'Months', kind: 'int', required: false, min: 1, width: 8 },
  { key: 'clause', ja: '条項', en: 'Clause', kind: 'text', required: true, width: 10 },
  { key: 'text', ja: '規定', en: 'Text', kind: 'text', required: true, width: 80 },
  { key: 'note', ja: '注記', en: 'Note', kind: 'text', required: false, width: 40 },
];

export const minimumPeriodColumns: readonly ColumnDef[] = [
  { key: 'label', ja: 'コース', en: 'Course', kind: 'text', required: true, width: 40, frozen: true },
  { key: 'text', ja: '最低利用期間', en: 'Minimum period', kind: 'text', required: true, width: 36 },
];

/** ExistingContracts: how the version applies to contracts started before it (at most one row), with the clause (附則) that says so. */
export const EXISTING_CONTRACT_POLICIES = ['new-price', 'keep-price'] as const;
export const existingContractColumns: readonly ColumnDef[] = [
  { key: 'policy', ja: '既存契約への適用', en: 'Existing contracts', kind: 'enum', required: true, values: EXISTING_CONTRACT_POLICIES, width: 30, frozen: true },
  { key: 'clause', ja: '根拠（附則・条項）', en: 'Clause (附則)', kind: 'text', required: true, width: 40 },
];
