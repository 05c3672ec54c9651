/**
 * The Explorer's words for a decision's answer: a label for every output field of every decision
 * (`out.<decision>.<field>`, and `out.<decision>.<field>.<key>` for the keys of an array's items,
 * as output-schemas.ts declares them), and a short label for each named interpretation
 * (`interp.<name>`). The Japanese takes the terms' own words where they have one (解約精算金,
 * 消費税相当額, 延滞利息, 割増金, 解約予定日, 解約日, 支払いを要しない料金 …). A unit test
 * (test/studio/explorer-output-labels.test.ts) walks every decision's schema and fails on a field
 * left without a label in either language.
 */
export const explorerOutputJa = {
  'out.discretionary': '当社の権利による判定（義務ではない）',

  'out.approval.reasons': '承諾しない理由（条項）',

  'out.suspension.reasons': '利用停止の理由（条項）',
  'out.suspension.maxMonths': '停止できる最長の期間（月）',
  'out.suspension.noticeRequired': '事前の通知が必要',

  'out.termination.reasons': '契約解除の理由（条項）',
  'out.termination.noticeRequired': '事前の通知が必要',

  'out.courseChange.from': '変更前のコース',
  'out.courseChange.to': '変更後のコース',

  'out.cancellationNotice.deadline': '解約の申出期限（最終日）',

  'out.outageWaiver.waivedDays': '支払いを要しない日数',
  'out.outageWaiver.waivedHours': '支払いを要しない時間数',
  'out.outageWaiver.amount': '支払いを要しない料金（税抜）',
  'out.outageWaiver.refund': '返還する料金（税抜、第25条第3項）',
  'out.outageWaiver.dailyRate': '1日あたりの料金',

  'out.settlement.amount': '解約精算金（税抜）',
  'out.settlement.tax': '消費税相当額',
  'out.settlement.total': '合計（税込）',
  'out.settlement.monthsUsed': '利用月数',
  'out.settlement.paid': '支払済みの月額利用料（税抜）',
  'out.settlement.grossAmount': '支払済み分を差し引く前の額（税抜）',
  'out.settlement.basisCourse': '精算の基準としたコース',

  'out.damages.days': '利用できなかった日数（24時間単位）',
  'out.damages.amount': '損害賠償額',

  'out.cancellation.noticeOnTime': '申出が期限内',
  'out.cancellation.plannedEndDate': '解約予定日',
  'out.cancellation.cancellationDate': '解約日',
  'out.cancellation.feesUntil': '料金が発生する最終日',
  'out.cancellation.lateReturnDays': '返還が遅れた日数',
  'out.cancellation.lateReturnCharge': 'サービス料相当額（税抜、第47条第3項）',
  'out.cancellation.tax': '消費税相当額',
  'out.cancellation.total': '合計（税込）',

  'out.equipmentLoss.amount': '契約者の負担額（税抜）',
  'out.equipmentLoss.terminationAllowed': '当社が契約を解除できる',

  'out.paymentAllocation.allocations': '支払いの充当',
  'out.paymentAllocation.allocations.payment': '支払い（番号）',
  'out.paymentAllocation.allocations.bill': '請求',
  'out.paymentAllocation.allocations.amount': '充当額',
  'out.paymentAllocation.bills': '請求ごとの状況',
  'out.paymentAllocation.bills.id': '請求',
  'out.paymentAllocation.bills.paid': '支払済み額',
  'out.paymentAllocation.bills.outstanding': '未払い額',
  'out.paymentAllocation.bills.settledDate': '完済日',
  'out.paymentAllocation.unapplied': 'どの請求にも充当されない額',

  'out.billingCorrection.difference': '差額（税込）',

  'out.lateInterest.days': '延滞の日数',
  'out.lateInterest.amount': '延滞利息',

  'out.surcharge.amount': '割増金（税抜）',
  'out.surcharge.tax': '消費税相当額',
  'out.surcharge.total': '合計（税込）',

  'out.monthlyCharge.lines': '明細',
  'out.monthlyCharge.lines.item': '項目',
  'out.monthlyCharge.lines.amount': '金額（税抜）',
  'out.monthlyCharge.lines.clause': '条項',
  'out.monthlyCharge.subtotal': '小計（税抜）',
  'out.monthlyCharge.tax': '消費税相当額',
  'out.monthlyCharge.total': '合計（税込）',
  'out.monthlyCharge.contractMonth': '契約何か月目',

  'interp.partialMonthFee': '一部利用の月の月額利用料',
  'interp.monthsUsed': '利用月数の数え方',
  'interp.freePeriod': '無料期間の範囲',
  'interp.dailyRate': '1日あたりの料金',
  'interp.interestDayBasis': '延滞利息の日数計算',
  'interp.graceEndOnHoliday': '15日の猶予の末日が休日のとき',
  'interp.businessDays': '営業日',
  'interp.noticeDeadline': '５営業日前までの意味',
  'interp.partialOutage': 'カメラかクラウドが使えるときの障害',
  'interp.initialFeeScope': '初期費の適用範囲',
  'interp.plusCourseChange': '＋コースのコース変更',
  'interp.freeMonthsScope': '無料月に無料となる料金',
  'interp.grossNegligenceUnit': '故意・重大な過失の時間の数え方',
  'interp.damagesAndWaiver': '損害賠償と料金の減免の関係',
  'interp.feesAfterPlannedEnd': '解約予定日後、返還までの料金',
  'interp.lateReturnTax': 'サービス料相当額への消費税',
};

export type ExplorerOutputKey = keyof typeof explorerOutputJa;

export const explorerOutputEn: Record<ExplorerOutputKey, string> = {
  'out.discretionary': "The company's right (not a duty)",

  'out.approval.reasons': 'Grounds for refusal (clauses)',

  'out.suspension.reasons': 'Grounds for suspension (clauses)',
  'out.suspension.maxMonths': 'Longest suspension (months)',
  'out.suspension.noticeRequired': 'Notice required beforehand',

  'out.termination.reasons': 'Grounds for termination (clauses)',
  'out.termination.noticeRequired': 'Notice required beforehand',

  'out.courseChange.from': 'Course before',
  'out.courseChange.to': 'Course after',

  'out.cancellationNotice.deadline': 'Last day to request',

  'out.outageWaiver.waivedDays': 'Days waived',
  'out.outageWaiver.waivedHours': 'Hours waived',
  'out.outageWaiver.amount': 'Fee waived (ex-tax)',
  'out.outageWaiver.refund': 'Refund (ex-tax, Art. 25(3))',
  'out.outageWaiver.dailyRate': 'Fee per day',

  'out.settlement.amount': 'Cancellation settlement (ex-tax)',
  'out.settlement.tax': 'Consumption tax',
  'out.settlement.total': 'Total (tax included)',
  'out.settlement.monthsUsed': 'Months used',
  'out.settlement.paid': 'Monthly fees already paid (ex-tax)',
  'out.settlement.grossAmount': 'Amount before fees paid are deducted (ex-tax)',
  'out.settlement.basisCourse': 'Course the settlement is based on',

  'out.damages.days': 'Days unusable (24-hour blocks)',
  'out.damages.amount': 'Damages',

  'out.cancellation.noticeOnTime': 'Request on time',
  'out.cancellation.plannedEndDate': 'Planned end date',
  'out.cancellation.cancellationDate': 'Cancellation date',
  'out.cancellation.feesUntil': 'Fees run until',
  'out.cancellation.lateReturnDays': 'Days of late return',
  'out.cancellation.lateReturnCharge': 'Fee-equivalent charge (ex-tax, Art. 47(3))',
  'out.cancellation.tax': 'Consumption tax',
  'out.cancellation.total': 'Total (tax included)',

  'out.equipmentLoss.amount': "Contractor's share (ex-tax)",
  'out.equipmentLoss.terminationAllowed': 'The company may terminate',

  'out.paymentAllocation.allocations': 'Payments applied',
  'out.paymentAllocation.allocations.payment': 'Payment (index)',
  'out.paymentAllocation.allocations.bill': 'Bill',
  'out.paymentAllocation.allocations.amount': 'Amount applied',
  'out.paymentAllocation.bills': 'Bills',
  'out.paymentAllocation.bills.id': 'Bill',
  'out.paymentAllocation.bills.paid': 'Paid',
  'out.paymentAllocation.bills.outstanding': 'Outstanding',
  'out.paymentAllocation.bills.settledDate': 'Settled on',
  'out.paymentAllocation.unapplied': 'Paid beyond every bill',

  'out.billingCorrection.difference': 'Difference (tax included)',

  'out.lateInterest.days': 'Days late',
  'out.lateInterest.amount': 'Late interest',

  'out.surcharge.amount': 'Surcharge (ex-tax)',
  'out.surcharge.tax': 'Consumption tax',
  'out.surcharge.total': 'Total (tax included)',

  'out.monthlyCharge.lines': 'Lines',
  'out.monthlyCharge.lines.item': 'Item',
  'out.monthlyCharge.lines.amount': 'Amount (ex-tax)',
  'out.monthlyCharge.lines.clause': 'Clause',
  'out.monthlyCharge.subtotal': 'Subtotal (ex-tax)',
  'out.monthlyCharge.tax': 'Consumption tax',
  'out.monthlyCharge.total': 'Total (tax included)',
  'out.monthlyCharge.contractMonth': 'Month of the contract',

  'interp.partialMonthFee': 'Fee of a month used in part',
  'interp.monthsUsed': 'Counting the months used',
  'interp.freePeriod': 'Days a free period covers',
  'interp.dailyRate': 'Fee of one day',
  'interp.interestDayBasis': 'Day count of late interest',
  'interp.graceEndOnHoliday': '15-day grace ending on a day off',
  'interp.businessDays': 'Business days',
  'interp.noticeDeadline': 'Five business days before',
  'interp.partialOutage': 'Outage with camera or cloud usable',
  'interp.initialFeeScope': 'Courses an initial fee applies to',
  'interp.plusCourseChange': 'Course changes of the ＋ courses',
  'interp.freeMonthsScope': 'What a free month makes free',
  'interp.grossNegligenceUnit': 'Counting time lost to gross negligence',
  'interp.damagesAndWaiver': 'Damages and the fee waiver together',
  'interp.feesAfterPlannedEnd': 'Fees between the planned end and the return',
  'interp.lateReturnTax': 'Tax on the late-return charge',
};
