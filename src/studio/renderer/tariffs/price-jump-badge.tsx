import { useMemo } from 'react';
import { PRICE_JUMP_SHARE, type PriceJump } from '../../../tariff-model/price-jump.js';
import { useI18n } from '../i18n/i18n-context.js';

const LIMIT = Math.round(PRICE_JUMP_SHARE * 100);

/** The move as the badge says it: "+82%", "−90%", "0円に", "無料から". */
export function useJumpText(): { move: (j: PriceJump) => string; title: (j: PriceJump) => string; count: (n: number) => string } {
  const { t, yen } = useI18n();
  // One object per language: the grid's columns depend on it.
  return useMemo(() => {
    const move = (j: PriceJump) =>
      j.kind === 'toZero' ? t('jump.toZero') : j.kind === 'fromZero' ? t('jump.fromZero') : `${j.percent! > 0 ? '+' : '−'}${Math.abs(j.percent!)}%`;
    return {
      move,
      title: (j: PriceJump) => t('jump.title', { from: yen(j.before), to: yen(j.after), move: move(j), limit: LIMIT }),
      count: (n: number) => t('jump.count', { n, limit: LIMIT }),
    };
  }, [t, yen]);
}

/**
 * A price that moves by more than PRICE_JUMP_SHARE (or to or from 0): a warning badge beside the
 * new value, its title saying from what to what and why it is flagged. Never a refusal.
 */
export function PriceJumpBadge({ jump }: { jump: PriceJump }) {
  const { t } = useI18n();
  const text = useJumpText();
  return (
    <span className="badge badge-warning price-jump" data-testid="price-jump" data-jump={jump.kind} title={text.title(jump)}>
      {text.move(jump)} {t('jump.check')}
    </span>
  );
}
