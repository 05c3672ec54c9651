import type { DecisionName } from '../rule-types.js';

/**
 * What a rule's event does, in Japanese, for the sentence a legal reviewer reads (結果: …): one
 * phrase per event type each decision handles (`../decision-events.ts`), in the terms' words, and
 * the Japanese of the event's parameter names. The English sentence keeps the event type itself.
 * test/unit/event-labels.test.ts fails on an event type or parameter left without one.
 */
export const EVENT_LABELS_JA: Record<DecisionName, Record<string, string>> = {
  approval: { refuse: '申込を承諾しない' },
  suspension: { suspend: '本サービスの利用を停止する', 'notice-waived': 'あらかじめの通知をしないで利用を停止する' },
  termination: { terminate: '本契約を解約し、又は解除する' },
  courseChange: { allow: 'コースの変更を認める' },
  cancellationNotice: { accepted: '解約の申出を期限内とする' },
  outageWaiver: {
    'waive-days': '24時間ごとに計算した日数に対応する料金の支払いを要しない',
    'waive-hours': '利用できなかった時間に対応する料金の支払いを要しない',
    'refund-paid': '既に支払われた料金を返還する',
    'no-waiver': '月額料金の支払いを要する',
  },
  settlement: {
    'settle-remaining': '解約清算金を請求する',
    'settle-same-family': '同系列の定めにより解約清算金を請求する',
    'no-settlement': '解約清算金を請求しない',
    'free-months-excluded': '無料期間を最低利用期間に含めない',
  },
  lateInterest: { 'charge-interest': '延滞利息を請求する' },
  surcharge: { 'charge-surcharge': '割増金を請求する' },
  monthlyCharge: {
    'charge-monthly-fee': '月額利用料を請求する',
    'charge-initial-fee': '初期費を請求する',
    'charge-options': 'オプションの料金を請求する',
    'free-month': '月額利用料を無料とする',
  },
  damages: { compensate: '損害を賠償する', excluded: '責任を負わない', 'not-limited': '第1項・第2項の制限を適用しない' },
  cancellation: {
    cancelled: '返却日を解約日とする',
    'late-return-charge': 'サービス料相当額を請求する',
    'notice-on-time': '申出を期限内とし、解約予定日を契約終了希望日とする',
    pending: '本契約と利用料金を継続する',
    'return-owed': 'カメラ装置及びＳＩＭカードの返還を求める',
  },
  equipmentLoss: {
    'contractor-pays': '契約者が損害賠償金を支払う',
    'termination-allowed': '本契約を解除する',
    'company-bears': '当社の負担により修理又は取り換えを行う',
  },
  paymentAllocation: { allocate: '支払期日の順に充当する' },
  billingCorrection: { collect: '差額を請求する', waived: '差額を請求しない' },
};

/** The Japanese of the parameter names the shipped rules' events carry. */
export const EVENT_PARAM_LABELS_JA: Record<string, string> = { reason: '理由', why: '事由', cost: '費用', withoutNotice: '事前の通知を要しない' };

/**
 * What the coded values of the shipped rules' event parameters (`why`, `cost`) mean, in the terms'
 * words (the clause beside each). A label whose words the terms do not have reads as composed words
 * around the terms' text in 「…」 (under-24-hours: the terms say when the company pays, not when it
 * does not). test/unit/event-labels.test.ts holds every coded value of the shipped rules to a
 * label and each quoted part to the terms.
 */
export const EVENT_PARAM_VALUE_LABELS: Partial<Record<DecisionName, Record<string, Record<string, { ja: string; en: string }>>>> = {
  damages: {
    why: {
      'third-party': {
        ja: '契約者が本サービスの利用により第三者に対して与えた損害（第34条第1項第1号）',
        en: 'loss the contractor caused a third party through the service (第34条第1項第1号)',
      },
      'not-attributable': {
        ja: '当社の責めに帰することのできない事由から生じた損害（第34条第1項第2号）',
        en: 'loss from a cause not attributable to the company (第34条第1項第2号)',
      },
      'special-circumstances': {
        ja: '当社の予見の有無を問わず特別の事情から生じた損害（第34条第1項第3号）',
        en: 'loss from special circumstances, foreseen or not (第34条第1項第3号)',
      },
      'lost-profit': {
        ja: '逸失利益及び第三者からの損害賠償請求に基づいて発生した契約者の損害（第34条第1項第4号）',
        en: "lost profits and the contractor's loss from a third party's claim (第34条第1項第4号)",
      },
      'cloud-usable': { ja: 'カメラクラウドが利用できる状態の場合は除きます（第34条第1項）', en: 'the camera cloud was usable: excluded (第34条第1項)' },
      'under-24-hours': { ja: '第34条第1項の「24時間以上その状態が連続したとき」に当たらない', en: 'not 24 consecutive hours or more (第34条第1項)' },
    },
  },
  outageWaiver: {
    why: {
      'partial-outage': {
        ja: 'カメラ装置またはカメラクラウドのいずれかが利用できる状態の場合（第25条第2項の表の注）',
        en: 'the camera or the camera cloud was usable (the note of 第25条第2項)',
      },
    },
  },
  equipmentLoss: {
    cost: {
      replacement: { ja: '代替品（新品）の購入代金相当額', en: 'the price of a new replacement' },
      repair: { ja: '修理代金相当額', en: 'the cost of repair' },
    },
  },
};

/** The words of one coded value of an event parameter, or undefined where none is given (a clause like 第5条 reads as it is). */
export const eventParamValueLabel = (decision: DecisionName, param: string, value: string, lang: 'ja' | 'en'): string | undefined => {
  const params = EVENT_PARAM_VALUE_LABELS[decision];
  const values = params && Object.hasOwn(params, param) ? params[param]! : undefined;
  return values && Object.hasOwn(values, value) ? values[value]![lang] : undefined;
};

/** The Japanese of a rule's fields and of a named interpretation's fields, as a diff or a change notice names them. */
export const RULE_FIELD_LABELS_JA: Record<string, string> = {
  name: '見出し',
  clause: '条項',
  alsoCites: '併せて根拠とする条項',
  quote: '引用する条文',
  discretionary: '当社の権利（義務ではない）',
  conditions: '条件',
  event: '結果',
  priority: '優先順位',
};
export const INTERPRETATION_FIELD_LABELS_JA: Record<string, string> = {
  default: '既定の解釈',
  defaultDescription: '既定の解釈の説明',
  defaultAliases: '既定の解釈の別名',
  alternatives: '他の解釈',
  description: '説明',
  clauses: '条項',
};

/** A field's Japanese name from one of the tables above, or the field itself when it has none. */
export const fieldLabelJa = (labels: Record<string, string>, field: string): string => (Object.hasOwn(labels, field) ? labels[field]! : field);
