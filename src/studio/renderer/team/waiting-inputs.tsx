import { useI18n } from '../i18n/i18n-context.js';
import { useServerWaiting } from './server-waiting-note.js';

/**
 * One value a page sent to be saved, named as the user sees it: the row or item (`key`), the
 * column or field (`header`) and what was typed (`text`, shortened when long).
 */
export type WaitingInput = { key: string; header: string; text: string };

/** How long a typed text may be in the note before it is cut (a quote, a rule's JSON). */
const SHOWN_CHARS = 30;
export const shortText = (text: string): string => {
  const chars = [...text.replace(/\s+/gu, ' ').trim()];
  return chars.length > SHOWN_CHARS ? `${chars.slice(0, SHOWN_CHARS).join('')}…` : chars.join('');
};

/**
 * Above a page's content while the team server does not answer and saves of that page wait for
 * it (team-session.ts): each waiting value, named (the first three, then how many more), and that
 * it is saved once the server answers. The page keeps showing what was typed (`shown`: the
 * tariff grid in its cells, the Rules page in its fields), marked until it is saved. Nothing when
 * no save of the page waits.
 */
export function WaitingInputsNote({ inputs, shown }: { inputs: readonly WaitingInput[]; shown: 'grid' | 'fields' }) {
  const { t, lang } = useI18n();
  const waiting = useServerWaiting();
  if (waiting.calls === 0 || inputs.length === 0) return null;
  return (
    <p className="banner banner-warning" role="status" data-testid="save-waiting">
      {t(shown === 'grid' ? 'save.waitingCells' : 'save.waitingFields', {
        cells: inputs
          .slice(0, 3)
          .map((c) => t('error.staleCell', c))
          .join(lang === 'ja' ? '、' : '; '),
        more: inputs.length > 3 ? t(shown === 'grid' ? 'grid.normalisedMore' : 'save.waitingMore', { n: inputs.length - 3 }) : '',
      })}
    </p>
  );
}
