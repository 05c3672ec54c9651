/**
 * Each rule parameter's description, by `decision.name`: the English of the rule files
 * (`rules/<version>/<decision>.json`, `parameters.<name>.description`) and its Japanese. The studio
 * shows the Japanese on its Japanese pages (a parameter a draft re-described shows its own text,
 * `src/studio/renderer/i18n/rule-texts.ts`), and the change notice names a changed parameter by it
 * (`src/io/change-notice.ts`). test/studio/rule-texts.test.ts fails, naming the parameter, when a
 * shipped one has no entry or its English differs.
 */
export const PARAMETER_TEXTS: Record<string, { en: string; ja: string }> = {
  'cancellation.noticeBusinessDays': { en: 'business days of notice before the desired end date', ja: '契約終了希望日の何営業日前までに申し出るか（５営業日前）' },
  'cancellation.taxRatePercent': { en: 'consumption tax rate (消費税相当額), 10% per case-files.md', ja: '消費税相当額の税率（10％、case-files.md による）' },
  'cancellationNotice.noticeBusinessDays': { en: 'business days of notice before the desired end date', ja: '契約終了希望日の何営業日前までに申し出るか（５営業日前）' },
  'damages.minimumConsecutiveHours': { en: 'consecutive hours of total outage before anything is compensated', ja: '賠償の対象となるまでに全く利用できない状態が連続する時間' },
  'lateInterest.annualRatePercent': { en: 'annual rate of late interest', ja: '延滞利息の年率' },
  'lateInterest.graceDays': { en: 'days from the day after the due date within which payment is free of interest', ja: '支払期日の翌日から起算して延滞利息がかからない日数' },
  'monthlyCharge.taxRatePercent': { en: 'consumption tax rate (消費税相当額), 10% per case-files.md', ja: '消費税相当額の税率（10％、case-files.md による）' },
  'outageWaiver.minimumConsecutiveHours': {
    en: 'consecutive hours of total outage before anything is waived (cause other)',
    ja: '支払いを要しないこととなるまでに全く利用できない状態が連続する時間（原因 other）',
  },
  'settlement.taxRatePercent': { en: 'consumption tax rate (消費税相当額), 10% per case-files.md', ja: '消費税相当額の税率（10％、case-files.md による）' },
  'surcharge.multiplier': { en: 'times the evaded amount', ja: '免れた額の何倍を割増金とするか' },
  'surcharge.taxRatePercent': { en: 'consumption tax rate (消費税相当額), 10% per case-files.md', ja: '消費税相当額の税率（10％、case-files.md による）' },
  'suspension.maxMonths': { en: 'the longest suspension the company may set', ja: '当社が定めることのできる利用停止の最長の期間' },
};
