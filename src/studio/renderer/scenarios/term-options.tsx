import { useI18n } from '../i18n/i18n-context.js';

/** The contract terms (months) a scenario's course match can name. */
const TERMS = [1, 6, 12, 24, 36, 60];

type Course = { series: string; termMonths: number | null };

/**
 * The terms a match on `series` can name: those some course of the series has (the legacy courses
 * have none), every term when no course list is given. `keep` (a term already in the match) stays
 * listed, so a saved match shows what it holds.
 */
export function termsOf(courses: readonly Course[] | undefined, series: string | undefined, keep?: number): number[] {
  const offered = courses ? TERMS.filter((m) => courses.some((c) => (series === undefined || series === '' || c.series === series) && c.termMonths === m)) : TERMS;
  return keep !== undefined && !offered.includes(keep) ? [...offered, keep].sort((a, b) => a - b) : offered;
}

/** A term select's options: any term, then each term in months (of `terms`, else all), in the page's language. */
export function TermOptions({ terms = TERMS }: { terms?: readonly number[] }) {
  const { t } = useI18n();
  return (
    <>
      <option value="">{t('scn.anyTerm')}</option>
      {terms.map((m) => (
        <option key={m} value={m}>
          {t('scn.termMonths', { n: m })}
        </option>
      ))}
    </>
  );
}
