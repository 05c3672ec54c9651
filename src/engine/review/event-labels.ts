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
