# Authoring aid kept for provenance: writes rules/2023-09-19/*.json. The JSON files are the
# source of truth that legal reviews; edit them (or the studio) rather than re-running this.
import json, os
out = 'rules/2023-09-19'
Q32 = "第 24 条（利用料金の支払義務）の規定その他本規約の規定により別紙 3（料金表）に定める料金の支払いを要するものとされている額は、当該料金表に定める額に消費税相当額を加算した額とします。"
os.makedirs(out, exist_ok=True)

def leaf(fact, op, value): return {"fact": fact, "operator": op, "value": value}
def rule(id, name, clause, quote, conditions, event, priority=None, also=None):
    r = {"id": id, "name": name, "clause": clause}
    if also: r["alsoCites"] = also
    r["quote"] = quote
    if priority: r["priority"] = priority
    r["conditions"] = conditions
    r["event"] = event
    return r
def write(decision, description, rules, parameters=None):
    doc = {"decision": decision, "description": description}
    if parameters: doc["parameters"] = parameters
    doc["rules"] = rules
    with open(f"{out}/{decision}.json", "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=2); f.write("\n")

Q9_2 = "当社は、前項の規定にかかわらず、次のいずれかに該当すると当社が判断した場合、申込を承諾しないことがあります。"
write("approval", "第5条, 第9条第2項, 第43条第1項: grounds on which an application is refused. Any ground found refuses; none found approves (第9条第1項).", [
  rule("approval/outside-service-area", "Outside the docomo LTE service area", "第5条",
       "当社は、本サービスを、日本国内の株式会社ＮＴＴドコモのＬＴＥサービス提供区域において提供します。",
       {"all": [leaf("inServiceArea", "equal", False)]}, {"type": "refuse", "params": {"reason": "第5条"}}),
  rule("approval/technically-infeasible", "Technically very difficult to provide", "第9条第2項第1号",
       Q9_2 + "(1) 本サービスを提供することが技術上著しく困難なとき。",
       {"all": [leaf("technicallyFeasible", "equal", False)]}, {"type": "refuse", "params": {"reason": "第9条第2項第1号"}}),
  rule("approval/payment-delinquent", "Fails or may fail to pay for this or another service", "第9条第2項第2号",
       Q9_2 + "(2) 本契約の申込をした者が本サービスの料金又は当社が提供するその他サービスの料金若しくは工事に関する費用の支払いを現に怠り、又は怠るおそれがあるとき。",
       {"all": [leaf("paymentDelinquent", "equal", True)]}, {"type": "refuse", "params": {"reason": "第9条第2項第2号"}}),
  rule("approval/false-declaration", "False declaration in the application", "第9条第2項第3号",
       Q9_2 + "(3) 申込の際に虚偽の事項を申告したとき。",
       {"all": [leaf("falseDeclaration", "equal", True)]}, {"type": "refuse", "params": {"reason": "第9条第2項第3号"}}),
  rule("approval/business-hindrance", "Serious hindrance to the company's business", "第9条第2項第4号",
       Q9_2 + "(4) その他当社の業務遂行上著しく支障があるとき。",
       {"all": [leaf("businessHindrance", "equal", True)]}, {"type": "refuse", "params": {"reason": "第9条第2項第4号"}}),
  rule("approval/antisocial-forces", "Antisocial forces (暴力団員等)", "第43条第1項",
       "契約者は、次の各号のいずれにも該当しないことを表明し、将来にわたって次の各号のいずれにも該当しないことを確約します。",
       {"all": [leaf("antisocialForces", "equal", True)]}, {"type": "refuse", "params": {"reason": "第43条第1項"}}),
])

Q19 = "当社は、契約者が次のいずれかに該当するときには、6か月以内で当社が定める期間、本サービスの利用を停止することがあります。"
susp = [
  ("overdue", "overdue", "Charges unpaid after the due date", 1, "(1) 料金その他の債務について、支払期日を経過してもなお支払わないとき。"),
  ("other-service-overdue", "otherServiceOverdue", "Another service's charges unpaid after the due date", 2, "(2) 契約者が当社と契約を締結している又は締結していた他のサービス等に係る料金その他の債務について、支払期日を経過してもなお支払わないとき。"),
  ("defamation", "defamation", "Damaged the company's honour or credit", 3, "(3) 当社の名誉若しくは信用を毀損したとき。"),
  ("breach-17-37", "breachOfArticle17or37", "Breach of 第17条 or 第37条", 4, "(4)第 17 条（著作権等）及び第 37条（利用に係る契約者の義務）の規定に違反したとき。"),
  ("excessive-inquiries", "excessiveInquiries", "Excessive inquiries hindering business", 5, "(5) 契約者が過度に頻繁に問合せ、訪問の要請等を実施し又は本サービスの提供に係る時間を故意に延伸し当社の業務の遂行に支障を及ぼしたと、当社が判断したとき。"),
  ("interference", "interferenceWithFacilities", "Interference with business or facilities", 6, "(6) 当社の業務の遂行又は当社の電気通信設備に支障を及ぼし、又は及ぼすおそれがある行為をしたとき。"),
  ("out-of-spec-use", "outOfSpecUseNotImproved", "Out-of-spec use not improved on request", 7, "(7) 当社が提供するカメラ装置の動作保証外の使い方を行い、かつ当社からの改善要望に対して利用方法の改善を実施しないとき。"),
  ("caused-damage", "causedDamage", "Caused damage to the company", 8, "(8) 当社に損害を与えたとき。"),
]
rules = [rule(f"suspension/{i}", n, f"第19条第1項第{k}号", Q19 + q, {"all": [leaf(f, "equal", True)]},
              {"type": "suspend", "params": {"reason": f"第19条第1項第{k}号"}}) for (i, f, n, k, q) in susp]
rules.append(rule("suspension/emergency-no-notice", "Emergency: no advance notice", "第19条第2項",
  "当社は、前項の規定により本サービスの利用停止をするときは、当社からあらかじめその理由、利用停止をする日及び期間を契約者に通知します。ただし、緊急やむを得ない場合は、この限りではありません。",
  {"all": [leaf("emergency", "equal", True)]}, {"type": "notice-waived"}))
write("suspension", "第19条: grounds for suspending the service for up to 6 months, and when notice is given.", rules, {
  "maxMonths": {"value": 6, "clause": "第19条第1項", "quote": Q19, "description": "the longest suspension the company may set"},
})

Q23 = "当社は、次のいずれかに該当する場合は、あらかじめ契約者に通知した後、本契約を解約することがあります。また、本条第 3 号に該当する場合には、事前の契約者への通知をすることなく本契約を解約できるものとします。"
Q43_2 = "当社は、契約者が次の各号の一に該当するときは、何らの通知、催告を要せず即時に本契約を解除することができます。"
write("termination", "第23条 and 第43条第2項: grounds on which the company ends the contract, and whether notice comes first.", [
  rule("termination/suspended-unremedied", "Suspended and still not remedied", "第23条第1号",
       Q23 + "1 第 19 条（利用停止）の規定により本サービスの利用を停止された契約者が、なおその事実を解消しないとき。",
       {"all": [leaf("suspendedAndUnremedied", "equal", True)]}, {"type": "terminate", "params": {"reason": "第23条第1号", "withoutNotice": False}}),
  rule("termination/service-ended", "The service itself ends (第21条第1項)", "第23条第2号",
       Q23 + "2 第 21 条（本サービス提供の終了）第 1 項に定めるとき。",
       {"all": [leaf("serviceEnded", "equal", True)]}, {"type": "terminate", "params": {"reason": "第23条第2号", "withoutNotice": False}}),
  rule("termination/insolvency", "Insolvency events", "第23条第3号",
       Q23 + "3 契約者に次に定める事由のいずれかが発生したとき。(1) 支払停止状態に陥った場合その他財産状態が悪化し又はそのおそれがあると認められる相当の理由がある場合 (2) 手形交換所の取引停止処分を受けた場合 (3) 差押、仮差押、仮処分、競売、租税滞納処分の申立を受けた場合 (4) 破産、民事再生手続開始、会社更生手続開始、若しくは特別清算開始の申立を受け、又は自ら申立をした場合",
       {"all": [leaf("insolvencyEvent", "in", ["payment-suspension", "clearinghouse-suspension", "seizure", "insolvency-filing"])]},
       {"type": "terminate", "params": {"reason": "第23条第3号", "withoutNotice": True}}),
  rule("termination/antisocial-forces", "Breach of the antisocial-forces representation", "第43条第2項第1号",
       Q43_2 + "(1) 第１項に違反したとき。",
       {"all": [leaf("antisocialForces", "equal", True)]}, {"type": "terminate", "params": {"reason": "第43条第2項第1号", "withoutNotice": True}}),
  rule("termination/antisocial-conduct", "Violent or fraudulent demands and conduct", "第43条第2項第2号",
       Q43_2 + "(2) 自ら又は第三者をして次に掲げる行為をしたとき。",
       {"all": [leaf("antisocialConduct", "equal", True)]}, {"type": "terminate", "params": {"reason": "第43条第2項第2号", "withoutNotice": True}}),
])

Q15 = "契約者は別紙３に示すコースに関して、短期コースから長期コースに、短期コースから短期コース雲台セットに、短期コースから長期コース雲台セットに、短期コース雲台セットから長期コース雲台セットに、長期コースから長期コース雲台セットにそれぞれ変更することが出来ます。"
trans = [("short-to-long", "short", "long", "短期コースから長期コース"), ("short-to-short-mount", "short", "short-mount", "短期コースから短期コース雲台セット"),
         ("short-to-long-mount", "short", "long-mount", "短期コースから長期コース雲台セット"), ("short-mount-to-long-mount", "short-mount", "long-mount", "短期コース雲台セットから長期コース雲台セット"),
         ("long-to-long-mount", "long", "long-mount", "長期コースから長期コース雲台セット")]
rules = [rule(f"courseChange/{i}", n, "第15条", Q15, {"all": [leaf("fromKind", "equal", a), leaf("toKind", "equal", b)]}, {"type": "allow"}) for (i, a, b, n) in trans]
rules.append(rule("courseChange/plus-short-to-plus-long", "＋短期コースから＋長期コース (named interpretation plusCourseChange)", "第15条", Q15,
  {"all": [leaf("fromKind", "equal", "plus-short"), leaf("toKind", "equal", "plus-long"), leaf("interpretation.plusCourseChange", "equal", "same-line")]}, {"type": "allow"}))
write("courseChange", "第15条: the course changes a contractor may make. Any change not listed is refused.", rules)

Q22 = "契約者は、本契約を解約しようとするときは、契約終了希望日の５営業日前までに本サービス取扱所に当社所定の方法により申し出ていただいた上で、カメラ装置及びＳＩＭカードを当社指定の場所に返還頂き、返還された日をもって解約日とします。"
write("cancellationNotice", "第22条: a cancellation request must reach the company 5 business days before the desired end date.", [
  rule("cancellationNotice/on-time", "Request made at least 5 business days before the desired end date", "第22条", Q22,
       {"all": [leaf("businessDaysBeforeEnd", "greaterThanInclusive", {"fact": "noticeBusinessDays"})]}, {"type": "accepted"}),
], {"noticeBusinessDays": {"value": 5, "clause": "第22条", "quote": Q22, "description": "business days of notice before the desired end date"}})

Q25_2 = "契約者は、次の場合を除き、前項の期間において、利用停止等により本サービスを利用できなかった期間中の利用料金の支払いを要します。"
ROW1 = "1 契約者の責めによらない理由により、本サービスを全く利用できない状態（その契約に係る本サービスの利用に著しい支障が生じ、全く利用できない状態と同程度の状態となる場合を含みます。以下この条において同じとします。）が生じた場合（2 欄に該当する場合を除きます。）に、そのことを当社が知った時刻から起算して、24 時間以上その状態が連続したとき。"
ROW1_FEE = "そのことを当社が知った時刻以後の利用できなかった時間（24時間の倍数である部分に限ります。）について、24時間ごとに日数を計算し、その日数に対応する本サービスについての料金"
NOTE = "（注）どこでも“me”REC短期コース/長期コースの場合、カメラ装置またはカメラクラウドのいずれかが利用できる状態の場合、別紙 3（料金表）に規定する月額料金の支払いを要します。"
ROW2 = "2 当社の故意又は重大な過失によりその本サービスを全く利用できない状態が生じたとき。"
ROW2_FEE = "そのことを当社が知った時刻以後の利用できなかった時間について、その時間に対応する本サービスについての料金"
total = {"any": [leaf("totalOutage", "equal", True), {"all": [leaf("interpretation.partialOutage", "equal", "m-series-waive"), leaf("mSeries", "equal", True)]}]}
write("outageWaiver", "第25条第2項: the fees not owed for time the service could not be used, and its (注) for partial outages.", [
  rule("outageWaiver/other-cause-24h", "Not the contractor's fault, 24 consecutive hours or more: whole 24-hour blocks", "第25条第2項",
       Q25_2 + ROW1 + ROW1_FEE,
       {"all": [leaf("cause", "equal", "other"), total, leaf("outageHours", "greaterThanInclusive", {"fact": "minimumConsecutiveHours"})]},
       {"type": "waive-days"}),
  rule("outageWaiver/gross-negligence", "The company's wilful act or gross negligence: every hour", "第25条第2項",
       Q25_2 + ROW2 + ROW2_FEE,
       {"all": [leaf("cause", "equal", "company-gross-negligence"), total, leaf("outageHours", "greaterThanInclusive", 1)]},
       {"type": "waive-hours"}),
  rule("outageWaiver/partial-outage-billed", "Camera or cloud still usable: the monthly fee is owed ((注), named interpretation partialOutage)", "第25条第2項",
       NOTE,
       {"all": [leaf("totalOutage", "equal", False), {"not": {"all": [leaf("interpretation.partialOutage", "equal", "m-series-waive"), leaf("mSeries", "equal", True)]}}]},
       {"type": "no-waiver", "params": {"why": "partial-outage"}}),
], {"minimumConsecutiveHours": {"value": 24, "clause": "第25条第2項", "quote": ROW1, "description": "consecutive hours of total outage before anything is waived (cause other)"}})

Q25_4 = "契約者は、別紙６（最低利用期間）に満たない期間で本サービスを解約した場合、別紙３（料金表）に定める金額を支払うものとします。"
T2_LONG = "12 ヶ月分の利用料金から既に支払い済みの料金を除いた残額をお支払いいただきます。"
T2_M = "コース名で規定されている期間未満での解約の場合は、同一系(注１)のコースのうち、実際にご利用頂いた月数が満たす最長のコースの月額料金に、実際にご利用頂いた月数を乗じた額をお支払い総額とし、既にお支払い済みの額を除いた残額をお支払いいただきます。"
write("settlement", "第7条, 第25条第4項, 第28条第3項, 別紙3表2, 別紙6: what a contractor pays on cancelling before the minimum period or the course's term.", [
  rule("settlement/legacy-within-minimum-period", "Long course cancelled within its 12-month minimum period", "別紙3表2", T2_LONG,
       {"all": [leaf("policyKind", "equal", "remaining-of-months"), leaf("monthsUsed", "lessThan", {"fact": "policyMonths"})]},
       {"type": "settle-remaining"}, also=["第25条第4項", "第28条第3項", "別紙6"]),
  rule("settlement/m-series-before-term", "M-series course cancelled before its term: same-family rule", "別紙3表2", T2_M,
       {"all": [leaf("policyKind", "equal", "longest-satisfied-same-family"), leaf("monthsUsed", "lessThan", {"fact": "termMonths"})]},
       {"type": "settle-same-family"}, also=["第25条第4項", "第28条第3項", "別紙6"]),
  rule("settlement/no-settlement-policy", "Course without a settlement (なし)", "別紙3表2", "なし",
       {"all": [leaf("policyKind", "equal", "none")]}, {"type": "no-settlement"}),
  rule("settlement/minimum-period-served", "Minimum period or term already served", "第25条第4項", Q25_4,
       {"any": [{"all": [leaf("policyKind", "equal", "remaining-of-months"), leaf("monthsUsed", "greaterThanInclusive", {"fact": "policyMonths"})]},
                {"all": [leaf("policyKind", "equal", "longest-satisfied-same-family"), leaf("monthsUsed", "greaterThanInclusive", {"fact": "termMonths"})]}]},
       {"type": "no-settlement"}),
  rule("settlement/free-months-excluded", "Campaign free months are not part of the minimum period", "第7条",
       "なお、キャンペーン等当社が本サービスの月額利用料を無料として設定した期間は最低利用期間に含めないものとし、当該無料として設定した期間を経過した日を含む月から最低利用期間を設定するものとします。",
       {"all": [leaf("freeMonths", "greaterThan", 0)]}, {"type": "free-months-excluded"}, priority=2),
], {"taxRatePercent": {"value": 10, "clause": "第32条", "quote": Q32, "description": "consumption tax rate (消費税相当額), 10% per case-files.md"}})

Q27 = "契約者は、料金その他の債務（延滞利息を除きます。）について支払期日を経過してもなお支払いがない場合には、支払期日の翌日から起算して支払いの日の前日までの期間について年 14.6％の割合で計算して得た額を延滞利息として支払っていただきます。ただし、支払期日の翌日から起算して 15日以内に支払いがあった場合は、この限りでありません。"
write("lateInterest", "第27条: late interest at 14.6% a year, not charged when paid within 15 days of the day after the due date.", [
  rule("lateInterest/after-grace-period", "Paid later than 15 days from the day after the due date", "第27条", Q27,
       {"all": [leaf("daysAfterDue", "greaterThan", {"fact": "graceDays"})]}, {"type": "charge-interest"}),
], {"annualRatePercent": {"value": "14.6", "clause": "第27条", "quote": Q27, "description": "annual rate of late interest"},
    "graceDays": {"value": 15, "clause": "第27条", "quote": Q27, "description": "days from the day after the due date within which payment is free of interest"}})

Q26 = "契約者は、料金の支払いを不法に免れた場合は、その免れた額のほか、その免れた額（消費税相当額を加算しない額とします｡）の 2 倍に相当する額に消費税相当額を加算した額を割増金として支払っていただきます。"
Q32_ = "第 24 条（利用料金の支払義務）の規定その他本規約の規定により別紙 3（料金表）に定める料金の支払いを要するものとされている額は、当該料金表に定める額に消費税相当額を加算した額とします。"
write("surcharge", "第26条: a surcharge of twice the unlawfully evaded amount, plus consumption tax.", [
  rule("surcharge/evaded-charges", "Charges unlawfully evaded", "第26条", Q26,
       {"all": [leaf("evadedAmount", "greaterThanInclusive", 0)]}, {"type": "charge-surcharge"}),
], {"multiplier": {"value": 2, "clause": "第26条", "quote": Q26, "description": "times the evaded amount"},
    "taxRatePercent": {"value": 10, "clause": "第32条", "quote": Q32, "description": "consumption tax rate (消費税相当額), 10% per case-files.md"}})

write("monthlyCharge", "第24条, 第32条, 別紙3表1, 表3: the charges of one billing month.", [
  rule("monthlyCharge/course-fee", "Monthly fee of the course", "別紙3表1", "当社が提供する本サービスの料金は、別紙 3（料金表）に定めるところによります。",
       {"all": [leaf("contractMonth", "greaterThan", {"fact": "freeMonths"})]}, {"type": "charge-monthly-fee"}, also=["第24条"]),
  rule("monthlyCharge/free-month", "Campaign month at no monthly fee", "第7条",
       "なお、キャンペーン等当社が本サービスの月額利用料を無料として設定した期間は最低利用期間に含めないものとし、当該無料として設定した期間を経過した日を含む月から最低利用期間を設定するものとします。",
       {"all": [leaf("contractMonth", "lessThanInclusive", {"fact": "freeMonths"})]}, {"type": "free-month"}),
  rule("monthlyCharge/initial-fee", "Initial fee in the first month (named interpretation initialFeeScope)", "別紙3表1", "初期費 別紙 3 表 1（コース別料金表）による",
       {"all": [leaf("contractMonth", "equal", 1), {"any": [leaf("initialFeePrintedOnCourse", "equal", True),
                 {"all": [leaf("interpretation.initialFeeScope", "equal", "group"), leaf("inInitialFeeGroup", "equal", True)]}]}]},
       {"type": "charge-initial-fee"}),
  rule("monthlyCharge/options", "Options of 別紙3表3", "別紙3表3", "別紙 3 表 3（オプション料金表）",
       {"all": [leaf("optionCount", "greaterThan", 0)]}, {"type": "charge-options"}),
], {"taxRatePercent": {"value": 10, "clause": "第32条", "quote": Q32, "description": "consumption tax rate (消費税相当額), 10% per case-files.md"}})
print("ok")
