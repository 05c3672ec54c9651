import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import { I18nProvider } from '../../src/studio/renderer/i18n/i18n-context.js';
import { UnsavedStaleBanner } from '../../src/studio/renderer/rules/unsaved-stale-banner.js';
import { TeamProvider } from '../../src/studio/renderer/team/team-context.js';

/** The rule and parameter editors' banner when the draft moved on beneath unsaved typing: who moved it, as far as the studio can know. */
const banner = (me: string | null, by: string | null, lang: 'ja' | 'en' = 'ja'): string => {
  (globalThis as { localStorage?: unknown }).localStorage = { getItem: () => lang, setItem: () => undefined };
  const team = { me: me ? { name: me, role: 'legal' as const, expiresAt: '2026-12-01T00:00:00Z' } : null, logout: () => undefined };
  const inner = createElement(UnsavedStaleBanner, { from: 1, to: 2, by, onKeep: () => undefined, onDiscard: () => undefined, testId: 'pe' });
  return renderToStaticMarkup(createElement(I18nProvider, null, createElement(TeamProvider, { value: team, children: inner })));
};

afterEach(() => {
  delete (globalThis as { localStorage?: unknown }).localStorage;
});

describe('the stale banner of unsaved typing', () => {
  it('without a team server (desktop, --web) it does not speak of someone else: another window or tab on the workspace, or a tariff command', () => {
    const html = banner(null, 'root');
    expect(html).toContain('別のウィンドウかタブ、または tariff コマンド');
    expect(html).toContain('版 1 → 2');
    expect(html).not.toContain('ほかの人');
    expect(banner(null, null, 'en')).toContain('from another window or tab open on this workspace, or from a tariff command');
    expect(banner(null, null, 'en')).not.toContain('someone else');
  });

  it('on a team server it names the colleague, says when it was the user’s own other save, and is unnamed only when the author is unknown', () => {
    expect(banner('kato', 'ito')).toContain('ito さんがこの下書きを変更しました');
    expect(banner('kato', 'kato')).toContain('あなた自身の別の保存');
    expect(banner('kato', null)).toContain('ほかの人がこの下書きを変更しました');
  });
});
