import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditSentence, hasSentence } from '../../src/studio/renderer/ui/audit-sentence.js';

/** Every file under src/studio (the renderer aside) that writes audit entries or names their actions. */
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return p.endsWith('renderer') ? [] : files(p);
    return p.endsWith('.ts') ? [p] : [];
  });
const sources = files('src/studio')
  .map((p) => ({ p, text: readFileSync(p, 'utf8') }))
  .filter(({ text }) => /appendAudit\(|saveRuleDraft|saveTariffDraft|action: '/u.test(text) && !text.includes('setWindowOpenHandler'));

/**
 * The actions whose name is built at run time, by the source text that builds them: a new one
 * fails the test until it is listed here (and given its sentences).
 */
const BUILT: Record<string, string[]> = {
  'countedAction(approval.kind)': ['rule.approval.counted', 'tariff.approval.counted'],
  '`${kind}.submitted`': ['rule.submitted', 'tariff.submitted'],
  '`${kind}.approved`': ['rule.approved', 'tariff.approved'],
  '`${kind}.${step}`': ['rule.withdrawn', 'rule.changes-requested', 'tariff.withdrawn', 'tariff.changes-requested'],
  '`${kind}.draft.discarded`': ['rule.draft.discarded', 'tariff.draft.discarded'],
  'args.action': [],
  "args.action ?? 'rule.draft.created'": [],
  "args.audit?.action ?? 'tariff.draft.created'": [],
  "disabled ? 'user.disabled' : 'user.enabled'": [],
};

const literal = /'(login|logout|(?:workspace|rule|tariff|scenario|user|login|release)\.[a-z][a-z.-]*[a-z])'/gu;
const NOT_ACTIONS = new Set(['workspace.sqlite', 'scenario.xlsx', 'tariff.mjs', 'workspace.info']);

function actions(): string[] {
  const found = new Set<string>();
  for (const { p, text } of sources) {
    for (const [, a = ''] of text.matchAll(literal)) if (!NOT_ACTIONS.has(a)) found.add(a);
    for (const [, raw = ''] of text.matchAll(/appendAudit\(ws, ([^,]+(?:\([^)]*\))?),/gu)) {
      const arg = raw.trim();
      if (/^'[^']+'$/u.test(arg)) continue;
      if (!Object.hasOwn(BUILT, arg))
        throw new Error(
          `${p}: appendAudit's action ${arg} is built at run time; list the actions it makes in BUILT (test/studio/audit-sentence.test.ts) and give each its sentences`,
        );
      for (const a of BUILT[arg] ?? []) found.add(a);
    }
  }
  return [...found].sort();
}

describe('audit entries read as sentences', () => {
  it('every action the workspace writes has a sentence in Japanese and English', () => {
    const all = actions();
    expect(all.length).toBeGreaterThan(35);
    expect(all).toContain('rule.parameter.edited');
    expect(all).toContain('tariff.changes-requested');
    expect(all).toContain('rule.changes-requested');
    expect(all.filter((a) => !hasSentence(a))).toEqual([]);
  });

  it('a parameter edit: who, when in JST, which version, which parameter, from what to what', () => {
    const e = {
      at: '2026-11-30T09:35:31.000Z',
      actor: 'kato',
      action: 'rule.parameter.edited',
      target: 'rule:7',
      before: { decision: 'lateInterest', name: 'annualRatePercent', parameter: { value: '14.6', clause: '第27条', quote: '…' } },
      after: { decision: 'lateInterest', name: 'annualRatePercent', parameter: { value: '14.0', clause: '第27条', quote: '…' } },
    };
    const jaText = auditSentence(e, 'ja');
    expect(jaText.sentence).toBe('2026-11-30 18:35:31 JST、kato がルールのバージョン #7のパラメータ「延滞利息の年率」を変更しました');
    // With its unit, as the diff and the change notice show it.
    expect(jaText.changes).toEqual(['値: 14.6％ → 14.0％']);
    const enText = auditSentence(e, 'en');
    expect(enText.sentence).toMatch(/^2026-11-30 18:35:31 JST: kato changed the parameter “.+” of rule version #7$/u);
    expect(enText.changes).toEqual(['value: 14.6% → 14.0%']);
    // A parameter the catalog does not know (one a draft added) shows its value alone.
    const added = { ...e, before: { ...e.before, name: 'addedInDraft' }, after: { ...e.after, name: 'addedInDraft' } };
    expect(auditSentence(added, 'ja').changes).toEqual(['値: 14.6 → 14.0']);
  });

  it('a rule title edit names the rule by the catalog and shows the old and the new title', () => {
    const rule = { id: 'approval/outside-service-area', name: 'Outside the docomo LTE service area', clause: '第5条' };
    const e = {
      at: '2026-11-30T00:00:00Z',
      actor: 'sato',
      action: 'rule.edited',
      target: 'rule:3',
      before: { decision: 'approval', rule },
      after: { decision: 'approval', rule: { ...rule, name: 'Outside the area' } },
    };
    const t = auditSentence(e, 'ja');
    expect(t.changes).toEqual(['見出し: 「提供区域（ＮＴＴドコモのＬＴＥサービス提供区域）外」 → 「Outside the area」']);
    expect(t.sentence).toContain('sato がルールのバージョン #3のルール「');
  });

  it('status steps use the status words; an unknown field is counted, never shown as its code name', () => {
    const t = auditSentence(
      {
        at: 'x',
        actor: 'a',
        action: 'rule.approved',
        target: 'rule:2',
        before: { status: 'in-review', approvedBy: null, odd: 1 },
        after: { status: 'approved', approvedBy: 'b', odd: 2 },
      },
      'ja',
    );
    expect(t.changes).toEqual(['状態: レビュー中 → 承認済み', '承認者: （なし） → 「b」', 'ほか 1 項目（詳細は JSON を参照）']);
  });
});
