import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import { StudioCallError } from '../../src/studio/api/client.js';
import { ERROR_ADVICE_JA } from '../../src/studio/renderer/i18n/error-advice.js';
import { I18nProvider } from '../../src/studio/renderer/i18n/i18n-context.js';
import { ErrorBanner } from '../../src/studio/renderer/shell/error-banner.js';

/** A refusal on the Japanese page says in Japanese what happened and what to do, above the server's English sentence. */
const banner = (lang: 'ja' | 'en', code: string, message: string): string => {
  (globalThis as { localStorage?: unknown }).localStorage = { getItem: () => lang, setItem: () => undefined };
  const shown = { error: new StudioCallError('tariffs.createDraft', { code, message, issues: [] }) };
  return renderToStaticMarkup(createElement(I18nProvider, null, createElement(ErrorBanner, { shown, onClose: () => undefined })));
};

afterEach(() => {
  delete (globalThis as { localStorage?: unknown }).localStorage;
});

/** Every .ts file under a folder. */
const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? sources(join(dir, f)) : f.endsWith('.ts') ? [join(dir, f)] : []));

describe('the error banner in Japanese', () => {
  it('explains a known refusal in Japanese and keeps the server sentence (names, dates) beneath it', () => {
    const html = banner('ja', 'FORBIDDEN', 'tariffs.createDraft is for product manager; you are signed in as finance');
    expect(html).toContain('data-testid="error-advice"');
    expect(html).toContain('あなたの役割ではこの操作はできません。何も変更されていません。');
    expect(html).toContain('tariffs.createDraft is for product manager; you are signed in as finance');
    expect(html.indexOf('error-advice')).toBeLessThan(html.indexOf('tariffs.createDraft is for'));
  });

  it("leaves out the server's English hint under the Japanese advice (the advice says what to do), and keeps it where there is no advice", () => {
    const render = (lang: 'ja' | 'en', code: string): string => {
      (globalThis as { localStorage?: unknown }).localStorage = { getItem: () => lang, setItem: () => undefined };
      const error = new StudioCallError('explorer.saveCase', {
        code,
        message: '/folder: cannot write the case file /x/y.json (EACCES)',
        hint: 'Choose a folder you can write to.',
        issues: [],
      });
      return renderToStaticMarkup(createElement(I18nProvider, null, createElement(ErrorBanner, { shown: { error }, onClose: () => undefined })));
    };
    const ja = render('ja', 'CASE_FOLDER_UNWRITABLE');
    expect(ja).toContain('そのフォルダにケースファイルを書き込めません');
    expect(ja).toContain('/folder: cannot write the case file /x/y.json (EACCES)');
    expect(ja).not.toContain('Choose a folder you can write to.');
    expect(render('en', 'CASE_FOLDER_UNWRITABLE')).toContain('Choose a folder you can write to.');
    expect(render('ja', 'SOME_RARE_CODE')).toContain('Choose a folder you can write to.');
  });

  it('adds nothing in English (the server speaks English) nor for a code without advice', () => {
    expect(banner('en', 'FORBIDDEN', 'x')).not.toContain('error-advice');
    expect(banner('ja', 'SOME_RARE_CODE', 'x')).not.toContain('error-advice');
  });

  it('advises only on codes the studio really answers (its server, or the page transport when the server cannot answer)', () => {
    const text = sources(join(__dirname, '../../src'))
      .filter((f) => !f.includes('renderer') || f.includes(join('renderer', 'transport')))
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    for (const code of Object.keys(ERROR_ADVICE_JA)) expect(text, code).toContain(`'${code}'`);
  });
});
