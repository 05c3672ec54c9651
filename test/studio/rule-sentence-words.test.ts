// @vitest-environment jsdom
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import type { DecisionName } from '../../src/engine/rule-types.js';
import type { RuleVersionDetail, RuleVersionSummary, StudioApi } from '../../src/studio/api/contract.js';
import { I18nProvider } from '../../src/studio/renderer/i18n/i18n-context.js';
import { RuleView } from '../../src/studio/renderer/rules/rule-view.js';
import { ApiProvider } from '../../src/studio/renderer/shell/api-context.js';
import { freshStudio } from './helpers.js';

/**
 * The Rules page's sentence names a named interpretation as its 名前付きの解釈 table does: by its
 * title, with what the value means, the codes beside them; an event parameter's coded value and a
 * course kind read in the terms' words (the engine's labels), not as bare codes.
 */
const sentenceOf = async (decision: DecisionName, ruleId: string, lang: 'ja' | 'en'): Promise<string> => {
  const { ok } = freshStudio();
  const { versions } = await ok<{ versions: RuleVersionSummary[] }>('rules.list', {});
  const detail = await ok<RuleVersionDetail>('rules.get', { id: versions.find((v) => v.status === 'approved')!.id });
  (globalThis as { localStorage?: unknown }).localStorage = { getItem: () => lang, setItem: () => undefined };
  const view = createElement(RuleView, {
    detail,
    onChange: () => undefined,
    onError: () => undefined,
    unsaved: new Map(),
    decision,
    ruleId,
    onPick: () => undefined,
    allInterps: false,
    onAllInterps: () => undefined,
  });
  const html = renderToStaticMarkup(createElement(I18nProvider, null, createElement(ApiProvider, { api: {} as StudioApi, children: view })));
  return new DOMParser().parseFromString(html, 'text/html').querySelector('[data-testid="rule-sentence"]')!.textContent!;
};

afterEach(() => {
  delete (globalThis as { localStorage?: unknown }).localStorage;
});

describe("the Rules page's rule sentence", () => {
  it('names an interpretation and its value as the 名前付きの解釈 table does, the codes beside them', async () => {
    const ja = await sentenceOf('outageWaiver', 'outageWaiver/other-cause-24h', 'ja');
    expect(ja).toContain(
      '名前付きの解釈「カメラかクラウドが使えるときの障害」（partialOutage）が「Mシリーズのコースでは、一部の障害も全く利用できない状態とみる」（m-series-waive）である',
    );
    expect(ja).not.toContain('解釈 partialOutage');
    const en = await sentenceOf('outageWaiver', 'outageWaiver/other-cause-24h', 'en');
    expect(en).toContain('named interpretation “Outage with camera or cloud usable” (partialOutage) is “for M-series courses a partial outage counts as total” (m-series-waive)');
    const plus = await sentenceOf('courseChange', 'courseChange/plus-short-to-plus-long', 'ja');
    expect(plus).toContain('「変更前のコース種別」が「どこでも“me”REC＋短期コース」（plus-short）である');
    expect(plus).toContain('名前付きの解釈「＋コースのコース変更」（plusCourseChange）が「第15条の「短期コースから長期コースに」をどこでも“me”REC＋の系列内にも読む');
  });

  it("reads an event parameter's value in the terms' words", async () => {
    const ja = await sentenceOf('damages', 'damages/third-party', 'ja');
    expect(ja).toContain('事由=「契約者が本サービスの利用により第三者に対して与えた損害（第34条第1項第1号）」（third-party）');
    expect(ja).not.toContain('事由=「third-party」');
  });
});
