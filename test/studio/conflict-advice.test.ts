import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import { StudioCallError } from '../../src/studio/api/client.js';
import { I18nProvider } from '../../src/studio/renderer/i18n/i18n-context.js';
import { ErrorBanner } from '../../src/studio/renderer/shell/error-banner.js';
import { TeamProvider } from '../../src/studio/renderer/team/team-context.js';

/** A stale save on the Japanese page names who saved since and when, in Japan time (the server's sentence has UTC), and says so when it was the user's own earlier save. */
const MESSAGE =
  'rule version 2026-07-01 (#2) was changed by kato at 2026-11-30T22:18:34.143Z since you loaded it (it is at revision 2, your change was made on revision 1); nothing was saved';

const banner = (me: string | null, reloaded = false, call = 'rules.setInterpretation', message = MESSAGE): string => {
  (globalThis as { localStorage?: unknown }).localStorage = { getItem: () => 'ja', setItem: () => undefined };
  const shown = {
    error: new StudioCallError(call, {
      code: 'DRAFT_CONFLICT',
      message,
      hint: 'Reload to see their changes, then make your change again.',
      issues: [],
    }),
    ...(reloaded ? { reloaded } : {}),
  };
  const team = { me: me ? { name: me, role: 'legal' as const, expiresAt: '2026-12-01T00:00:00Z' } : null, logout: () => undefined };
  return renderToStaticMarkup(
    createElement(I18nProvider, null, createElement(TeamProvider, { value: team, children: createElement(ErrorBanner, { shown, onClose: () => undefined }) })),
  );
};

afterEach(() => {
  delete (globalThis as { localStorage?: unknown }).localStorage;
});

describe('a stale save in Japanese', () => {
  it('names the colleague and the time in JST', () => {
    expect(banner('ito')).toContain('kato さんが 2026-12-01 07:18:34 JST にこの下書きを変更しました（このページが読み込んだ後）。');
  });

  it('says once that the draft changed: after who and when comes what was not saved and what to do, not the unnamed sentence again', () => {
    const html = banner('ito');
    expect(html).toContain(
      'kato さんが 2026-12-01 07:18:34 JST にこの下書きを変更しました（このページが読み込んだ後）。あなたの変更は保存されていません。「相手の変更を読み込む」で最新にして、必要ならもう一度入力してください。',
    );
    expect(html).not.toContain('ほかの人が変更しました');
  });

  it('says it was your own save when you are the one named', () => {
    const html = banner('kato');
    expect(html).toContain('この下書きは 2026-12-01 07:18:34 JST に、あなた自身の別の保存');
    expect(html).not.toContain('ほかの人が変更しました');
  });
});

describe('a stale save after which the page already shows the colleague’s version (the tariff grid reloads it)', () => {
  it('says the table holds their change, and neither asks to reload nor offers 「相手の変更を読み込む」', () => {
    const html = banner('ito', true);
    expect(html).toContain(
      'kato さんが 2026-12-01 07:18:34 JST にこの下書きを変更しました（このページが読み込んだ後）。あなたの変更は保存されていません。表にはもう相手の変更を読み込んであります',
    );
    expect(html).not.toContain('再読み込みして');
    expect(html).not.toContain('conflict-reload');
    expect(html).not.toContain('相手の変更を読み込む');
    expect(html).not.toContain('Reload to see their changes');
  });

  it('when it was your own save, says the table is as that save left it', () => {
    const html = banner('kato', true);
    expect(html).toContain('下の表はその保存の後のいまの下書きです');
    expect(html).not.toContain('「相手の変更を読み込む」で最新にして');
    expect(html).not.toContain('conflict-reload');
  });

  it('a page that did not reload still offers the reload (the button, and the advice says to reload; not the English hint again)', () => {
    expect(banner('ito')).toContain('conflict-reload');
    expect(banner('ito')).toContain('「相手の変更を読み込む」で最新にして、必要ならもう一度入力してください。');
    expect(banner('ito')).not.toContain('Reload to see their changes');
  });
});

describe('a stale submission for review, on the Rules page and the Tariff page alike', () => {
  const TARIFF =
    'tariff draft 2026-08-01 (#2) was changed by sato at 2026-11-30T22:18:34.143Z since you loaded it (it is at revision 2, you submitted revision 1); nothing was submitted';
  const SAID = 'レビューには提出されていません。「相手の変更を読み込む」で相手の変更を読み込んで確かめてから、もう一度提出してください（コメントは残っています）。';
  it('names who changed the draft and when, says nothing was submitted and to submit again once their change is read, and offers to load it', () => {
    expect(banner('ito', false, 'rules.submit')).toContain(`kato さんが 2026-12-01 07:18:34 JST にこの下書きを変更しました（このページが読み込んだ後）。${SAID}`);
    expect(banner('tanaka', false, 'lifecycle.submitTariff', TARIFF)).toContain(
      `sato さんが 2026-12-01 07:18:34 JST にこの下書きを変更しました（このページが読み込んだ後）。${SAID}`,
    );
    for (const html of [banner('ito', false, 'rules.submit'), banner('tanaka', false, 'lifecycle.submitTariff', TARIFF)]) {
      expect(html).toContain('conflict-reload');
      expect(html).not.toContain('保存されていません');
    }
  });

  it('your own other save is said as such', () => {
    expect(banner('kato', false, 'rules.submit')).toContain(
      `この下書きは 2026-12-01 07:18:34 JST に、あなた自身の別の保存（別のタブ、またはまだ終わっていなかった直前の操作）で変更されています。${SAID}`,
    );
  });
});
