import { useI18n } from '../i18n/i18n-context.js';

/** The contract terms (months) a scenario's course match can name. */
const TERMS = [1, 6, 12, 24, 36, 60];

/** A term select's options: any term, then each term in months, in the page's language. */
export function TermOptions() {
  const { t } = useI18n();
  return (
    <>
      <option value="">{t('scn.anyTerm')}</option>
      {TERMS.map((m) => (
        <option key={m} value={m}>
          {t('scn.termMonths', { n: m })}
        </option>
      ))}
    </>
  );
}
