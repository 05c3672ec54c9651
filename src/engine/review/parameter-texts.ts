/**
 * Each rule parameter's description, by `decision.name`: the English of the rule files
 * (`rules/<version>/<decision>.json`, `parameters.<name>.description`) and its Japanese. The studio
 * shows the Japanese on its Japanese pages (a parameter a draft re-described shows its own text,
 * `src/studio/renderer/i18n/rule-texts.ts`), and the change notice names a changed parameter by it
 * (`src/io/change-notice.ts`). test/studio/rule-texts.test.ts fails, naming the parameter, when a
 * shipped one has no entry or its English differs. Each also says the unit its value is in (the
 * rule files carry a bare number: 14.6, 15), shown beside the value by `parameterValueText`.
 */
export const PARAMETER_TEXTS: Record<string, { en: string; ja: string; unit: ParameterUnit }> = {
  'cancellation.noticeBusinessDays': {
    en: 'business days of notice before the desired end date',
    ja: '契約終了希望日の何営業日前までに申し出るか（５営業日前）',
    unit: 'businessDays',
  },
  'cancellation.taxRatePercent': { en: 'consumption tax rate (消費税相当額), 10% per case-files.md', ja: '消費税相当額の税率（10％、case-files.md による）', unit: 'percent' },
  'cancellationNotice.noticeBusinessDays': {
    en: 'business days of notice before the desired end date',
    ja: '契約終了希望日の何営業日前までに申し出るか（５営業日前）',
    unit: 'businessDays',
  },
  'damages.minimumConsecutiveHours': {
    en: 'consecutive hours of total outage before anything is compensated',
    ja: '賠償の対象となるまでに全く利用できない状態が連続する時間',
    unit: 'hours',
  },
  'lateInterest.annualRatePercent': { en: 'annual rate of late interest', ja: '延滞利息の年率', unit: 'percent' },
  'lateInterest.graceDays': {
    en: 'days from the day after the due date within which payment is free of interest',
    ja: '支払期日の翌日から起算して延滞利息がかからない日数',
    unit: 'days',
  },
  'monthlyCharge.taxRatePercent': { en: 'consumption tax rate (消費税相当額), 10% per case-files.md', ja: '消費税相当額の税率（10％、case-files.md による）', unit: 'percent' },
  'outageWaiver.minimumConsecutiveHours': {
    en: 'consecutive hours of total outage before anything is waived (cause other)',
    ja: '支払いを要しないこととなるまでに全く利用できない状態が連続する時間（原因 other）',
    unit: 'hours',
  },
  'settlement.taxRatePercent': { en: 'consumption tax rate (消費税相当額), 10% per case-files.md', ja: '消費税相当額の税率（10％、case-files.md による）', unit: 'percent' },
  'surcharge.multiplier': { en: 'times the evaded amount', ja: '免れた額の何倍を割増金とするか', unit: 'times' },
  'surcharge.taxRatePercent': { en: 'consumption tax rate (消費税相当額), 10% per case-files.md', ja: '消費税相当額の税率（10％、case-files.md による）', unit: 'percent' },
  'suspension.maxMonths': { en: 'the longest suspension the company may set', ja: '当社が定めることのできる利用停止の最長の期間', unit: 'months' },
};

/** The unit of a parameter's value, as the clause it quotes counts it (年 14.6％, 15日以内, ５営業日前, 24時間). */
export type ParameterUnit = 'percent' | 'days' | 'businessDays' | 'hours' | 'months' | 'times';

const UNIT_TEXTS: Record<ParameterUnit, { ja: string; en: string }> = {
  percent: { ja: '％', en: '%' },
  days: { ja: '日', en: ' days' },
  businessDays: { ja: '営業日', en: ' business days' },
  hours: { ja: '時間', en: ' hours' },
  months: { ja: 'か月', en: ' months' },
  times: { ja: '倍', en: ' times' },
};

/** The unit of a catalogued parameter's value in a language (`％`, `日`; `%`, `days`), empty for one the catalog does not know. */
export function parameterUnitText(key: string, lang: 'ja' | 'en'): string {
  return Object.hasOwn(PARAMETER_TEXTS, key) ? UNIT_TEXTS[PARAMETER_TEXTS[key]!.unit][lang].trim() : '';
}

/**
 * A parameter's value with its unit (`14.6％`, `15日`; `14.6%`, `15 days` in English), a number
 * in the language's digits grouping, a decimal kept as a string as written. A parameter the
 * catalog does not know (one a draft added) shows its value alone; no value is `—`.
 */
export function parameterValueText(key: string, value: unknown, lang: 'ja' | 'en'): string {
  if (value === undefined || value === null) return '—';
  const shown = typeof value === 'number' ? value.toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-US') : typeof value === 'string' ? value : JSON.stringify(value);
  const unit = Object.hasOwn(PARAMETER_TEXTS, key) ? PARAMETER_TEXTS[key]!.unit : undefined;
  return unit === undefined || (typeof value !== 'number' && typeof value !== 'string') ? shown : `${shown}${UNIT_TEXTS[unit][lang]}`;
}
