import { useCallback } from 'react';
import { useI18n } from '../i18n/i18n-context.js';
import { dayBefore, forceNote } from './force-note.js';

type Dated = { id: number; effective: string; status: string };

/** The version list's line on whether a version is in force today (until when) or scheduled, in the UI's language; none for the others. */
export function useForceNote(all: readonly Dated[], today: string): (v: Dated) => string[] {
  const { t } = useI18n();
  return useCallback(
    (v) => {
      const n = forceNote(v, all, today);
      if (!n) return [];
      if (n.kind === 'scheduled') return [t('versions.scheduled', { date: n.from })];
      return [n.until ? t('versions.inForceUntil', { date: dayBefore(n.until) }) : t('versions.inForce')];
    },
    [all, today, t],
  );
}
