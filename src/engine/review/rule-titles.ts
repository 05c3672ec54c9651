/**
 * Each shipped rule's title, by rule id: the English of the rule files (`name`) and its Japanese, in
 * the terms' words (提供区域, 技術上著しく困難, 反社会的勢力, 解約清算金 …). The studio's Japanese pages
 * show the Japanese (a rule a draft retitled shows its own title, `src/studio/renderer/i18n/rule-texts.ts`),
 * and the change notice names a changed rule by it (`src/io/change-notice.ts`).
 * test/studio/rule-texts.test.ts fails, naming the rule id, when a shipped rule has no entry or its
 * English differs.
 */
export const RULE_TITLES: Record<string, { en: string; ja: string }> = {
  'approval/outside-service-area': { en: 'Outside the docomo LTE service area', ja: '提供区域（ＮＴＴドコモのＬＴＥサービス提供区域）外' },
  'approval/technically-infeasible': { en: 'Technically very difficult to provide', ja: '本サービスを提供することが技術上著しく困難' },
  'approval/payment-delinquent': { en: 'Fails or may fail to pay for this or another service', ja: '本サービス又はその他サービスの料金の支払いを現に怠り、又は怠るおそれがある' },
  'approval/false-declaration': { en: 'False declaration in the application', ja: '申込の際に虚偽の事項を申告した' },
  'approval/business-hindrance': { en: "Serious hindrance to the company's business", ja: '当社の業務遂行上著しく支障がある' },
  'approval/antisocial-forces': { en: 'Antisocial forces (暴力団員等)', ja: '反社会的勢力（暴力団員等）に該当する' },
  'billingCorrection/collect': { en: 'Under-billed: the contractor owes the difference', ja: '請求額が過小：契約者は差額の支払いを要する' },
  'billingCorrection/waived-by-appendix-5': {
    en: 'Under-billed, but a case of 別紙5 (billing would cost more than it brings): not collected',
    ja: '請求額が過小だが、別紙5に定める場合（請求に係る費用が過大となると見込まれる）：請求しない',
  },
  'cancellation/notice-on-time': {
    en: 'Request made at least 5 business days before the desired end date: the planned end date is the desired one',
    ja: '契約終了希望日の５営業日前までの申出：解約予定日は希望日',
  },
  'cancellation/cancelled-on-return': { en: 'Camera and SIM returned: the return date is the cancellation date', ja: 'カメラ装置及びＳＩＭカードの返却：返却日が解約日' },
  'cancellation/pending-until-return': { en: 'Not yet returned: the contract and its fees go on', ja: '未返却：本契約と利用料金は継続する' },
  'cancellation/return-owed': {
    en: 'The contract is ending and the camera and SIM are not yet returned: the contractor owes their return at once, to the place the company names',
    ja: '本契約が終了し、カメラ装置及びＳＩＭカードが未返還：契約者は直ちに当社の指定する場所に返還する',
  },
  'cancellation/late-return-charge': {
    en: 'Returned after the planned end date without telling the company beforehand: the service fee of the days after it',
    ja: '事前に申し出ることなく解約予定日までに返還しなかった：解約予定日の翌日から返還日までのサービス料相当額',
  },
  'cancellationNotice/on-time': { en: 'Request made at least 5 business days before the desired end date', ja: '契約終了希望日の５営業日前までの申出' },
  'courseChange/short-to-long': { en: '短期コースから長期コース', ja: '短期コースから長期コース' },
  'courseChange/short-to-short-mount': { en: '短期コースから短期コース雲台セット', ja: '短期コースから短期コース雲台セット' },
  'courseChange/short-to-long-mount': { en: '短期コースから長期コース雲台セット', ja: '短期コースから長期コース雲台セット' },
  'courseChange/short-mount-to-long-mount': { en: '短期コース雲台セットから長期コース雲台セット', ja: '短期コース雲台セットから長期コース雲台セット' },
  'courseChange/long-to-long-mount': { en: '長期コースから長期コース雲台セット', ja: '長期コースから長期コース雲台セット' },
  'courseChange/plus-short-to-plus-long': {
    en: '＋短期コースから＋長期コース (named interpretation plusCourseChange)',
    ja: '＋短期コースから＋長期コース（名前付きの解釈 plusCourseChange）',
  },
  'damages/gross-negligence-not-limited': {
    en: 'Wilful or grossly negligent failure: the limits of 第1項・第2項 do not apply',
    ja: '当社の故意又は重大な過失による不提供：第1項・第2項の制限を適用しない',
  },
  'damages/not-attributable': { en: 'A cause not attributable to the company: no liability', ja: '当社の責めに帰することのできない事由から生じた損害：責任を負わない' },
  'damages/third-party': { en: 'Loss the contractor caused to a third party: no liability', ja: '契約者が第三者に対して与えた損害：責任を負わない' },
  'damages/special-circumstances': { en: 'Loss from special circumstances: no liability', ja: '特別の事情から生じた損害：責任を負わない' },
  'damages/lost-profit': { en: 'Lost profit: no liability', ja: '逸失利益：責任を負わない' },
  'damages/cloud-usable': { en: 'The camera cloud was usable: not a total outage', ja: 'カメラクラウドが利用できる状態：全く利用できない状態に当たらない' },
  'damages/under-24-hours': { en: 'Under 24 consecutive hours from when the company knew: nothing', ja: '当社が知った時から24時間以上連続しない：賠償なし' },
  'damages/compensate': {
    en: 'Attributable to the company, total outage of 24 hours or more, direct loss: the monthly fee of the whole 24-hour blocks',
    ja: '当社の責めに帰すべき理由により24時間以上全く利用できない状態（直接の損害）：24時間ごとの日数に対応する月額利用料',
  },
  'equipmentLoss/contractor-pays-loss': { en: "Lost through the contractor's fault: a new replacement", ja: '契約者の責に帰すべき事由による滅失：代替品（新品）の購入代金相当額' },
  'equipmentLoss/contractor-pays-damage': { en: "Damaged through the contractor's fault: the repair", ja: '契約者の責に帰すべき事由による毀損：修理代金相当額' },
  'equipmentLoss/company-bears': {
    en: "Not the contractor's fault: the company repairs or replaces at its own cost",
    ja: '契約者の責めに帰すべからざる事由による滅失・毀損：当社の負担により修理又は取り換え',
  },
  'equipmentLoss/termination-allowed': {
    en: 'The repair or replacement needs excessive cost or time: the company may cancel the contract',
    ja: '修理又は取り替えに過大の費用又は時間を要する：当社は本契約を解除できる',
  },
  'lateInterest/after-grace-period': {
    en: 'Paid after the grace of 15 days from the day after the due date (graceEndOnHoliday reads when it ends)',
    ja: '支払期日の翌日から起算して15日を過ぎた支払い（末日の扱いは名前付きの解釈 graceEndOnHoliday）',
  },
  'monthlyCharge/course-fee': {
    en: "Monthly fee of the course (第24条: the fees are those of 別紙3; 別紙3表1 gives the course's)",
    ja: 'コースの月額利用料（第24条：料金は別紙3による。コースの料金は別紙3表1）',
  },
  'monthlyCharge/free-month': { en: 'Campaign month at no monthly fee', ja: 'キャンペーン等で月額利用料を無料とした月' },
  'monthlyCharge/initial-fee': { en: 'Initial fee in the first month (named interpretation initialFeeScope)', ja: '初月の初期費（名前付きの解釈 initialFeeScope）' },
  'monthlyCharge/options': { en: 'Options of 別紙3表3', ja: '別紙3表3のオプション' },
  'outageWaiver/other-cause-24h': {
    en: "Not the contractor's fault, 24 consecutive hours or more: whole 24-hour blocks",
    ja: '契約者の責めによらない理由で24時間以上連続して全く利用できない：24時間ごとの日数分',
  },
  'outageWaiver/gross-negligence': {
    en: "The company's wilful act or gross negligence: every hour (every minute under grossNegligenceUnit = minutes)",
    ja: '当社の故意又は重大な過失：利用できなかった時間のすべて（grossNegligenceUnit = minutes のときは分単位）',
  },
  'outageWaiver/partial-outage-billed': {
    en: 'Camera or cloud still usable: the monthly fee is owed ((注), named interpretation partialOutage)',
    ja: 'カメラ装置又はカメラクラウドが利用できる：月額料金の支払いを要する（（注）、名前付きの解釈 partialOutage）',
  },
  'outageWaiver/refund-paid': { en: 'A waived fee already paid is returned', ja: '支払いを要しないこととされた料金が既に支払われている：返還する' },
  'paymentAllocation/due-date-order': { en: 'Payments settle bills in due-date order', ja: '支払いは支払期日の順に充当する' },
  'settlement/legacy-within-minimum-period': { en: 'Long course cancelled within its 12-month minimum period', ja: '長期コースを12ヶ月の最低利用期間内に解約' },
  'settlement/m-series-before-term': { en: 'M-series course cancelled before its term: same-family rule', ja: 'Mシリーズのコースを期間満了前に解約：同系列の定め' },
  'settlement/no-settlement-policy': { en: 'Course without a settlement (なし)', ja: '解約清算金の定めがない（なし）コース' },
  'settlement/minimum-period-served': { en: 'Minimum period or term already served', ja: '最低利用期間又は期間を満了済み' },
  'settlement/free-months-excluded': {
    en: 'Campaign free months are not part of the minimum period (courses with one: 別紙6)',
    ja: 'キャンペーン等の無料期間は最低利用期間に含まない（最低利用期間のあるコース：別紙6）',
  },
  'surcharge/evaded-charges': { en: 'Charges unlawfully evaded (an amount above 0)', ja: '料金の支払いを不法に免れた（免れた額が0円を超える）' },
  'suspension/overdue': { en: 'Charges unpaid after the due date', ja: '料金その他の債務を支払期日を経過してもなお支払わない' },
  'suspension/other-service-overdue': { en: "Another service's charges unpaid after the due date", ja: '他のサービス等に係る料金その他の債務を支払期日を経過してもなお支払わない' },
  'suspension/defamation': { en: "Damaged the company's honour or credit", ja: '当社の名誉若しくは信用を毀損した' },
  'suspension/breach-17-37': { en: 'Breach of 第17条 or 第37条', ja: '第17条（著作権等）及び第37条（利用に係る契約者の義務）の規定に違反した' },
  'suspension/excessive-inquiries': { en: 'Excessive inquiries hindering business', ja: '過度に頻繁な問合せ等により当社の業務の遂行に支障を及ぼした' },
  'suspension/interference': { en: 'Interference with business or facilities', ja: '当社の業務の遂行又は当社の電気通信設備に支障を及ぼし、又は及ぼすおそれがある行為' },
  'suspension/out-of-spec-use': { en: 'Out-of-spec use not improved on request', ja: 'カメラ装置の動作保証外の使い方を行い、改善要望に対して改善を実施しない' },
  'suspension/caused-damage': { en: 'Caused damage to the company', ja: '当社に損害を与えた' },
  'suspension/emergency-no-notice': { en: 'Emergency: no advance notice', ja: '緊急やむを得ない場合：あらかじめの通知を要しない' },
  'termination/suspended-unremedied': { en: 'Suspended and still not remedied', ja: '利用停止された契約者が、なおその事実を解消しない' },
  'termination/service-ended': { en: 'The service itself ends (第21条第1項)', ja: '本サービスの提供の終了（第21条第1項）' },
  'termination/insolvency': { en: 'Insolvency events', ja: '支払停止その他財産状態の悪化等の事由の発生' },
  'termination/antisocial-forces': { en: 'Breach of the antisocial-forces representation', ja: '反社会的勢力の排除（第43条第1項）に違反した' },
  'termination/antisocial-conduct': { en: 'Violent or fraudulent demands and conduct', ja: '暴力的な要求行為・不当な要求行為・脅迫的言辞又は暴力的行為' },
  'termination/approval-ground-found': {
    en: 'A ground of 第9条第2項 found after approval: the approval may be cancelled',
    ja: '承諾後に第9条第2項各号のいずれかに該当することが判明：承諾を取り消すことがある',
  },
  'termination/equipment-remedy-excessive': {
    en: 'Repair or replacement the company bears needs excessive cost or time',
    ja: '当社負担の修理又は取り替えに過大の費用又は時間を要する',
  },
};
