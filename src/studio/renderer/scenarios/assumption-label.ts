import type { Lang } from '../i18n/i18n-context.js';

/**
 * The simulator labels a sensitivity assumption "Japanese English" (`解約ハザード Cancellation
 * hazard`, for the workbook and the CLI, read by both): the studio shows the half of the page's
 * language. A label not of that shape (a scenario's own) is shown as it is.
 */
const BILINGUAL = /^(\S*[^\x20-\x7e]\S*) ([\x20-\x7e]+)$/u;

export function assumptionLabel(label: string, lang: Lang): string {
  const m = BILINGUAL.exec(label);
  return m ? (lang === 'ja' ? m[1]! : m[2]!) : label;
}
