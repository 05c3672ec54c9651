import type { DecisionName } from '../rule-types.js';
import { PARAMETER_TEXTS, parameterValueText, valueWithUnit, type ParameterUnit, type ValueUnit } from './parameter-texts.js';

/** Human labels of the facts rules read, per decision, in Japanese and English (for sentences and forms). */
export type Label = { ja: string; en: string };

const L = (ja: string, en: string): Label => ({ ja, en });

export const FACT_LABELS: Record<DecisionName, Record<string, Label>> = {
  approval: {
    inServiceArea: L('提供区域内である', 'inside the service area'),
    technicallyFeasible: L('技術上提供可能である', 'technically feasible'),
    paymentDelinquent: L('支払いを怠り又は怠るおそれがある', 'payment delinquent (actual or feared)'),
    falseDeclaration: L('虚偽の申告がある', 'false declaration'),
    businessHindrance: L('業務遂行上著しく支障がある', 'serious hindrance to business'),
    antisocialForces: L('反社会的勢力に該当する', 'antisocial forces'),
  },
  suspension: {
    overdue: L('支払期日を経過しても支払わない', 'overdue'),
    otherServiceOverdue: L('他のサービスの料金を支払わない', 'another service overdue'),
    defamation: L('当社の名誉・信用を毀損した', 'damaged our honour or credit'),
    breachOfArticle17or37: L('第17条・第37条に違反した', 'breach of 第17条 or 第37条'),
    excessiveInquiries: L('過度な問合せで業務に支障を及ぼした', 'excessive inquiries'),
    interferenceWithFacilities: L('業務・設備に支障を及ぼした', 'interference with business or facilities'),
    outOfSpecUseNotImproved: L('動作保証外の使用を改善しない', 'out-of-spec use not improved'),
    causedDamage: L('当社に損害を与えた', 'caused damage'),
    emergency: L('緊急やむを得ない', 'emergency'),
    maxMonths: L('停止できる最長月数', 'longest suspension (months)'),
  },
  termination: {
    suspendedAndUnremedied: L('利用停止後も事実を解消しない', 'suspended and not remedied'),
    serviceEnded: L('本サービスの提供を終了する', 'the service ends'),
    insolvencyEvent: L('支払停止等の事由', 'insolvency event'),
    antisocialForces: L('第43条第1項に違反した', 'breach of 第43条第1項'),
    antisocialConduct: L('暴力的な要求行為等をした', 'antisocial conduct'),
    approvalGroundFound: L('承諾後に判明した第9条第2項の事由', 'ground of 第9条第2項 found after approval'),
    equipmentRemedyExcessive: L('修理・取替えに過大の費用又は時間を要する', 'repair or replacement needs excessive cost or time'),
  },
  courseChange: {
    fromKind: L('変更前のコース種別', 'course kind before'),
    toKind: L('変更後のコース種別', 'course kind after'),
    sameCourse: L('同じコースである', 'same course'),
    'interpretation.plusCourseChange': L('解釈 plusCourseChange', 'interpretation plusCourseChange'),
  },
  cancellationNotice: {
    businessDaysBeforeEnd: L('申出日から契約終了希望日までの営業日数', 'business days from the request to the desired end'),
    noticeBusinessDays: L('必要な営業日数（５営業日）', 'business days of notice required'),
  },
  outageWaiver: {
    cause: L('原因', 'cause'),
    totalOutage: L('全く利用できない状態である', 'total outage'),
    mSeries: L('M シリーズのコースである', 'M-series course'),
    outageHours: L('当社が知った時刻からの時間', 'hours since the company knew'),
    minimumConsecutiveHours: L('連続時間の下限（24 時間）', 'minimum consecutive hours'),
    'interpretation.partialOutage': L('解釈 partialOutage', 'interpretation partialOutage'),
    'interpretation.grossNegligenceUnit': L('解釈 grossNegligenceUnit', 'interpretation grossNegligenceUnit'),
    outageMinutes: L('当社が知った時刻からの分数', 'minutes since the company knew'),
    paidAmount: L('既に支払われた額（税抜）', 'amount already paid (ex-tax)'),
  },
  settlement: {
    policyKind: L('解約清算金の方式', 'settlement policy'),
    policyMonths: L('清算の基準月数', 'months of the policy'),
    termMonths: L('コース名の期間（月）', 'term of the course (months)'),
    monthsUsed: L('実際に利用した月数', 'months used'),
    freeMonths: L('無料期間（月）', 'free months'),
    hasMinimumPeriod: L('最低利用期間のあるコースである（別紙6）', 'course with a minimum period (別紙6)'),
    taxRatePercent: L('消費税率（%）', 'tax rate (%)'),
  },
  lateInterest: {
    daysAfterDue: L('支払期日から支払日までの日数', 'days from the due date to payment'),
    graceDays: L('延滞利息がかからない日数（15 日）', 'grace days'),
    graceEndDaysAfterDue: L('延滞利息がかからない日数（15 日、解釈 graceEndOnHoliday）', 'grace days (15, as graceEndOnHoliday reads their end)'),
    principal: L('元本', 'principal'),
    annualRatePercent: L('年利（%）', 'annual rate (%)'),
  },
  surcharge: {
    evadedAmount: L('免れた額（税抜）', 'evaded amount (ex-tax)'),
    multiplier: L('倍率', 'multiplier'),
    taxRatePercent: L('消費税率（%）', 'tax rate (%)'),
  },
  monthlyCharge: {
    contractMonth: L('契約何か月目', 'contract month'),
    freeMonths: L('料金のかからない月数（第7条）', 'months wholly free (第7条)'),
    initialFeePrintedOnCourse: L('初期費がこのコースの行に記載されている', 'initial fee printed on this row'),
    inInitialFeeGroup: L('初期費のグループに属する', 'in an initial-fee group'),
    optionCount: L('課金するオプションの数', 'options billed'),
    'interpretation.initialFeeScope': L('解釈 initialFeeScope', 'interpretation initialFeeScope'),
    taxRatePercent: L('消費税率（%）', 'tax rate (%)'),
  },
  damages: {
    cause: L('原因', 'cause'),
    cloudUsable: L('カメラクラウドが利用できる', 'camera cloud usable'),
    lossKind: L('損害の種類', 'kind of loss'),
    outageHours: L('当社が知った時からの時間', 'hours since the company knew'),
    minimumConsecutiveHours: L('連続時間の下限（24 時間）', 'minimum consecutive hours'),
    claimedAmount: L('請求額（税抜）', 'amount claimed (ex-tax)'),
  },
  cancellation: {
    businessDaysBeforeEnd: L('申出日から契約終了希望日までの営業日数', 'business days from the request to the desired end'),
    noticeBusinessDays: L('必要な営業日数（５営業日）', 'business days of notice required'),
    returned: L('カメラ装置及びＳＩＭカードが返還された', 'camera and SIM returned'),
    returnedAfterPlannedEnd: L('解約予定日より後に返還された', 'returned after the planned end date'),
    returnDelayAnnounced: L('返還の遅れを事前に申し出た', 'late return announced beforehand'),
    returnedDate: L('返還された日', 'date returned'),
    'interpretation.feesAfterPlannedEnd': L('解釈 feesAfterPlannedEnd', 'interpretation feesAfterPlannedEnd'),
  },
  equipmentLoss: {
    event: L('滅失または毀損', 'loss or damage'),
    contractorAtFault: L('契約者の責に帰すべき事由による', "the contractor's fault"),
    replacementCost: L('代替品（新品）の購入代金相当額（税抜）', 'replacement cost (ex-tax)'),
    repairCost: L('修理代金相当額（税抜）', 'repair cost (ex-tax)'),
    remedyExcessive: L('修理・取替えに過大の費用または時間を要する', 'remedy needs excessive cost or time'),
  },
  paymentAllocation: {
    billCount: L('請求の数', 'bills'),
    paymentCount: L('支払の数', 'payments'),
    bills: L('請求（id・支払期日・税込額）', 'bills (id, due date, amount with tax)'),
    payments: L('支払（日付・額）', 'payments (date, amount)'),
  },
  billingCorrection: {
    underBilledBy: L('請求額が不足する額', 'under-billed by'),
    collectionCostExcessive: L('請求の費用が回収額を上回る（別紙5）', 'collection would cost more than it brings (別紙5)'),
    billedAmount: L('当社が請求した額（税込）', 'amount billed (tax included)'),
    dueAmount: L('本規約上支払を要する額（税込）', 'amount due under the terms (tax included)'),
  },
};

export const factLabel = (decision: DecisionName, fact: string, lang: 'ja' | 'en'): string => FACT_LABELS[decision]?.[fact]?.[lang] ?? fact;

/**
 * Labels of the facts a case gives that no rule reads by that name (a rule reads what the decision
 * derives from them: the course's kind, the days between two dates…): the explorer's form fields
 * and the regression's case captions.
 */
export const INPUT_FACT_LABELS: Record<string, Label> = {
  course: L('コース（コードまたは名称）', 'course (code or name)'),
  startDate: L('利用開始日', 'start date'),
  endDate: L('利用終了日', 'end date'),
  month: L('請求月', 'month billed'),
  options: L('オプション', 'options'),
  paid: L('支払済みの額', 'amount paid'),
  from: L('変更前のコース', 'course before'),
  to: L('変更後のコース', 'course after'),
  requestDate: L('申出日', 'request date'),
  desiredEndDate: L('契約終了希望日', 'desired end date'),
  knownAt: L('当社が知った時刻', 'when the company knew'),
  restoredAt: L('復旧した時刻', 'restored at'),
  cameraUsable: L('カメラが使える', 'camera usable'),
  cloudUsable: L('クラウドが使える', 'cloud usable'),
  dueDate: L('支払期日', 'due date'),
  paidDate: L('支払日', 'paid date'),
  insolvencyEvent: L('支払停止等の事由', 'insolvency event'),
  returnedDate: L('返還された日', 'date returned'),
  returnDelayAnnounced: L('返還の遅れを事前に申し出た', 'late return announced beforehand'),
  claimedAmount: L('請求額（税抜）', 'amount claimed (ex-tax)'),
  paidAmount: L('既に支払われた額（税抜）', 'amount already paid (ex-tax)'),
};

/** A fact's label as a form or a caption shows it: the decision's own, else the input's, else its name. */
export const inputFactLabel = (decision: string, fact: string, lang: 'ja' | 'en'): string =>
  (Object.hasOwn(FACT_LABELS, decision) ? FACT_LABELS[decision as DecisionName][fact]?.[lang] : undefined) ?? INPUT_FACT_LABELS[fact]?.[lang] ?? fact;

/**
 * The kinds of course 第15条 reads (a course's legacyKind, or `m-series`), as the terms name them:
 * 第15条's own names, 別紙3表1's for the ＋ courses. Only `m-series` is composed, around 別紙6's words in 「…」.
 */
const COURSE_KIND_LABELS: Record<string, Label> = {
  short: L('短期コース', 'short course'),
  long: L('長期コース', 'long course'),
  'short-mount': L('短期コース雲台セット', 'short course with mount'),
  'long-mount': L('長期コース雲台セット', 'long course with mount'),
  'plus-short': L('どこでも“me”REC＋短期コース', 'どこでも“me”REC＋ short course'),
  'plus-long': L('どこでも“me”REC＋長期コース', 'どこでも“me”REC＋ long course'),
  // Composed: the terms have no one name for the M-series courses (kindOf in course-change.ts); 別紙6 names them per model.
  'm-series': L('M2035・M5525 の各コース（別紙6の「どこでも“me”REC M2035 各コース」「どこでも“me”REC M5525 各コース」）', 'an M2035 or M5525 course (別紙6)'),
};

/**
 * What each value of an enum fact means, in the terms' own words where the terms have words for it
 * (the clause is in the comment): the facts a case gives, and the coded facts a decision derives
 * from the tariff (a course's kind, its settlement policy's kind). The code stays what a case gives and the engine reads; a form's
 * dropdown and a case's caption show the label with the code beside it.
 */
export const FACT_VALUE_LABELS: Partial<Record<DecisionName, Record<string, Record<string, Label>>>> = {
  termination: {
    // 第23条第3号(1)…(4).
    insolvencyEvent: {
      'payment-suspension': L(
        '支払停止状態に陥った場合その他財産状態が悪化し又はそのおそれがあると認められる相当の理由がある場合',
        'payment suspended, or assets worsening or feared to',
      ),
      'clearinghouse-suspension': L('手形交換所の取引停止処分を受けた場合', 'suspension of transactions by a clearing house'),
      seizure: L('差押、仮差押、仮処分、競売、租税滞納処分の申立を受けた場合', 'petition for seizure, provisional seizure or disposition, auction, or tax delinquency disposition'),
      'insolvency-filing': L(
        '破産、民事再生手続開始、会社更生手続開始、若しくは特別清算開始の申立を受け、又は自ら申立をした場合',
        'petition for bankruptcy, civil rehabilitation, corporate reorganization or special liquidation, by others or by itself',
      ),
    },
    // 第9条第2項第1号…第4号 (found after approval, 第9条第3項).
    approvalGroundFound: {
      'technically-infeasible': L('本サービスを提供することが技術上著しく困難なとき', 'providing the service is technically very difficult'),
      'payment-delinquent': L(
        '本契約の申込をした者が本サービスの料金又は当社が提供するその他サービスの料金若しくは工事に関する費用の支払いを現に怠り、又は怠るおそれがあるとき',
        'the applicant fails, or may fail, to pay charges',
      ),
      'false-declaration': L('申込の際に虚偽の事項を申告したとき', 'a false declaration in the application'),
      'business-hindrance': L('その他当社の業務遂行上著しく支障があるとき', 'otherwise a serious hindrance to our business'),
    },
  },
  // The kind of the course before and after (the course's legacyKind, tariffs' courses.json): 第15条's
  // own names of the courses it lets change, and 別紙3表1's for the ＋ courses 第15条 does not name.
  courseChange: {
    fromKind: COURSE_KIND_LABELS,
    toKind: COURSE_KIND_LABELS,
  },
  // The kind of the course's 解約清算金 (settlement-policies.json's `kind`): 別紙3表2's own text.
  // `remaining-of-months` quotes the 長期 courses' row, whose 12 months a policy's `months` sets
  // (清算の基準月数); the note in （…） says so and is not the terms' text.
  settlement: {
    policyKind: {
      none: L('なし（別紙3表2の解約清算金）', 'none (別紙3表2)'),
      'remaining-of-months': L(
        '12ヶ月分の利用料金から既に支払い済みの料金を除いた残額（別紙3表2。12ヶ月は清算の基準月数）',
        'the fees of 12 months less those already paid (別紙3表2; the 12 months are the policy months)',
      ),
      'longest-satisfied-same-family': L(
        '同一系(注１)のコースのうち、実際にご利用頂いた月数が満たす最長のコースの月額料金に、実際にご利用頂いた月数を乗じた額をお支払い総額とし、既にお支払い済みの額を除いた残額（別紙3表2）',
        'the monthly fee of the longest course of the same family the months used satisfy, times the months used, less what was paid (別紙3表2)',
      ),
    },
  },
  outageWaiver: {
    // 第25条第2項の表: 1欄「契約者の責めによらない理由」, 2欄「当社の故意又は重大な過失」; `contractor` is what 1欄 excludes.
    cause: {
      contractor: L('契約者の責めによる理由（1欄の「契約者の責めによらない理由」に当たらない）', "the contractor's fault (not row 1)"),
      other: L('契約者の責めによらない理由', 'a reason not attributable to the contractor'),
      'company-gross-negligence': L('当社の故意又は重大な過失', "the company's wilful misconduct or gross negligence"),
    },
  },
  damages: {
    // 第34条第1項, 第1項第2号, 第3項.
    cause: {
      company: L('当社の責めに帰すべき理由', 'a reason attributable to the company'),
      'company-gross-negligence': L('当社の故意又は重大な過失', "the company's wilful misconduct or gross negligence"),
      other: L('当社の責めに帰することのできない事由', 'a cause not attributable to the company'),
    },
    // 第34条第1項 and its 第1号・第3号・第4号 (the losses the company is not liable for).
    lossKind: {
      direct: L('その契約者の損害（第1項各号に当たらないもの）', "the contractor's loss (none of 第1項's items)"),
      'third-party': L('契約者が本サービスの利用により第三者に対して与えた損害', 'loss the contractor caused a third party through the service'),
      'special-circumstances': L('当社の予見の有無を問わず特別の事情から生じた損害', 'loss from special circumstances, foreseen or not'),
      'lost-profit': L('逸失利益及び第三者からの損害賠償請求に基づいて発生した契約者の損害', "lost profits and the contractor's loss from a third party's claim"),
    },
  },
  equipmentLoss: {
    // 第46条第1項.
    event: {
      loss: L('滅失（修理不能、所有権の侵害を含む）', 'loss (including damage beyond repair and infringement of ownership)'),
      damage: L('毀損（所有権の制限を含む）', 'damage (including restriction of ownership)'),
    },
  },
};

/** The label of one value of a decision's enum fact, or undefined for a value no table names (a code, a number…). */
export const factValueLabel = (decision: string, fact: string, value: string, lang: 'ja' | 'en'): string | undefined => {
  if (!Object.hasOwn(FACT_VALUE_LABELS, decision)) return undefined;
  const values = FACT_VALUE_LABELS[decision as DecisionName]?.[fact];
  return values && Object.hasOwn(values, value) ? values[value]![lang] : undefined;
};

/**
 * The unit of each number fact a rule reads that is not a parameter (a parameter's unit is in
 * parameter-texts.ts): the explorer's trace shows `31日`, `1,200円` rather than a bare number.
 */
export const FACT_UNITS: Partial<Record<DecisionName, Record<string, ValueUnit>>> = {
  cancellationNotice: { businessDaysBeforeEnd: 'businessDays' },
  cancellation: { businessDaysBeforeEnd: 'businessDays' },
  outageWaiver: { outageHours: 'hours', outageMinutes: 'minutes', paidAmount: 'yen' },
  settlement: { policyMonths: 'months', termMonths: 'months', monthsUsed: 'months', freeMonths: 'months' },
  lateInterest: { daysAfterDue: 'days', graceEndDaysAfterDue: 'days', principal: 'yen' },
  surcharge: { evadedAmount: 'yen' },
  monthlyCharge: { freeMonths: 'months', optionCount: 'count' },
  damages: { outageHours: 'hours', claimedAmount: 'yen' },
  equipmentLoss: { replacementCost: 'yen', repairCost: 'yen' },
  paymentAllocation: { billCount: 'count', paymentCount: 'count' },
  billingCorrection: { underBilledBy: 'yen', billedAmount: 'yen', dueAmount: 'yen' },
};

/**
 * Words with their code beside them: in （…） (English: (…)), or after a space when the words
 * already end in such a group (a label's note, or the terms' own （…）), so the text never reads
 * two bracket groups in a row.
 */
export function withCode(words: string, code: string, lang: 'ja' | 'en'): string {
  if (/[）)]$/u.test(words)) return `${words} ${code}`;
  return lang === 'ja' ? `${words}（${code}）` : `${words} (${code})`;
}

/**
 * One fact a rule read, its value as a reviewer reads it: an enum value in the terms' words with
 * its code beside it, true/false as はい/いいえ, a number with its unit (a parameter's from
 * parameter-texts.ts, else `declared`, the unit a draft's rule file gives a parameter it added; a
 * fact's from FACT_UNITS), anything else as written (JSON for a list).
 */
export function factValueText(decision: string, fact: string, value: unknown, lang: 'ja' | 'en', declared?: ParameterUnit): string {
  if (value === true) return lang === 'ja' ? 'はい' : 'yes';
  if (value === false) return lang === 'ja' ? 'いいえ' : 'no';
  if (value === null || value === undefined) return lang === 'ja' ? 'なし' : 'none';
  if (typeof value === 'string') {
    const label = factValueLabel(decision, fact, value, lang);
    if (label !== undefined) return withCode(label, value, lang);
  }
  if (typeof value === 'number' || typeof value === 'string') {
    const key = `${decision}.${fact}`;
    if (Object.hasOwn(PARAMETER_TEXTS, key) || declared !== undefined) return parameterValueText(key, value, lang, declared);
    const units = Object.hasOwn(FACT_UNITS, decision) ? FACT_UNITS[decision as DecisionName] : undefined;
    return typeof value === 'number' ? valueWithUnit(value, units && Object.hasOwn(units, fact) ? units[fact] : undefined, lang) : value;
  }
  return JSON.stringify(value);
}
