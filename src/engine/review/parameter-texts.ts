import type { ParameterUnit } from '../rule-types.js';

export type { ParameterUnit };

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

const UNIT_TEXTS: Record<ValueUnit, { ja: string; en: string }> = {
  percent: { ja: '％', en: '%' },
  days: { ja: '日', en: ' days' },
  businessDays: { ja: '営業日', en: ' business days' },
  hours: { ja: '時間', en: ' hours' },
  minutes: { ja: '分', en: ' minutes' },
  months: { ja: 'か月', en: ' months' },
  times: { ja: '倍', en: ' times' },
  count: { ja: '件', en: '' },
  yen: { ja: '円', en: '' },
};

/** The units a value is shown in: a parameter's, and those of the facts a rule reads (yen, minutes, a count). */
export type ValueUnit = ParameterUnit | 'minutes' | 'count' | 'yen';

/**
 * The unit of a parameter's value: the catalog's (the shipped parameters'), else the one its rule
 * file declares (`parameters.<name>.unit`, a parameter a draft added), else none.
 */
export function parameterUnit(key: string, declared?: ParameterUnit): ParameterUnit | undefined {
  return Object.hasOwn(PARAMETER_TEXTS, key) ? PARAMETER_TEXTS[key]!.unit : declared;
}

/** The name of a unit in a language (`％`, `日`; `%`, `days`), as the editor shows it beside the value. */
export const unitName = (unit: ValueUnit, lang: 'ja' | 'en'): string => (unit === 'yen' ? (lang === 'ja' ? '円' : '¥') : UNIT_TEXTS[unit][lang].trim());

/** The unit of a parameter's value in a language (`％`, `日`; `%`, `days`), empty for one neither the catalog nor its file declares. */
export function parameterUnitText(key: string, lang: 'ja' | 'en', declared?: ParameterUnit): string {
  const unit = parameterUnit(key, declared);
  return unit === undefined ? '' : unitName(unit, lang);
}

/** A value with its unit (`14.6％`, `15日`, `1,200円`; `14.6%`, `15 days`, `¥1,200`), a number in the language's digit grouping, a decimal kept as a string as written. */
export function valueWithUnit(value: number | string, unit: ValueUnit | undefined, lang: 'ja' | 'en'): string {
  const shown = typeof value === 'number' ? value.toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-US') : value;
  if (unit === undefined) return shown;
  if (unit === 'yen' && lang === 'en') return `¥${shown}`;
  return `${shown}${UNIT_TEXTS[unit][lang]}`;
}

/**
 * A parameter's value with its unit (`14.6％`, `15日`; `14.6%`, `15 days` in English): the
 * catalog's unit, else the one its file declares. A parameter with neither (one a draft added
 * and did not give a unit) shows its value alone; no value is `—`.
 */
export function parameterValueText(key: string, value: unknown, lang: 'ja' | 'en', declared?: ParameterUnit): string {
  if (value === undefined || value === null) return '—';
  if (typeof value !== 'number' && typeof value !== 'string') return JSON.stringify(value);
  return valueWithUnit(value, parameterUnit(key, declared), lang);
}
