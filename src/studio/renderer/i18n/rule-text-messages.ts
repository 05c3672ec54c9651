/**
 * The Japanese of the shipped rules' titles and of the named interpretations' descriptions, for the
 * Rules, Explorer and diff views (the rule files hold them in English, and an approved version is
 * sealed: its files and hashes never change for a translation). Each entry keeps the English it
 * translates (`en`): a rule or interpretation whose own text no longer reads so (renamed or
 * re-described in a draft) shows its own text, never a stale translation, and so does a rule id or
 * interpretation the catalog does not know (one a reviewer authored in the studio). The Japanese
 * takes the terms' own words (提供区域, 技術上著しく困難, 反社会的勢力, 日割り …); quotes of the
 * terms are shown from the rule itself, never from here. test/studio/rule-texts.test.ts fails, naming
 * the rule id or interpretation, when a shipped rule or value has no entry or its English differs;
 * likewise for the parameters' descriptions (PARAMETER_TEXTS) and the notes of the clause coverage
 * (COVERAGE_NOTES).
 */
export type Translated = { en: string; ja: string };
export type InterpretationText = Translated & { values: Record<string, Translated> };

/** The Japanese of the shipped rules' titles, by rule id: kept beside the engine's review texts, since the change notice (`src/io/change-notice.ts`) names rules by them too. */
export { RULE_TITLES } from '../../../engine/review/rule-titles.js';

export const INTERPRETATION_TEXTS: Record<string, InterpretationText> = {
  partialMonthFee: {
    en: 'How the monthly fee of a month used only in part is billed.',
    ja: '一部の日だけ利用した月の月額利用料の請求の仕方。',
    values: {
      'full-month': { en: 'a month with any day of use bills the whole monthly fee', ja: '1日でも利用した月は月額利用料の全額を請求する' },
      'daily-prorate': { en: 'monthly fee × days used ÷ days in that month', ja: '日割り：月額利用料 × 利用日数 ÷ その月の日数' },
    },
  },
  monthsUsed: {
    en: 'How the months used (実際にご利用頂いた月数, 12ヶ月分) are counted, and which courses count campaign free months (第7条 moves only the minimum period of 別紙6).',
    ja: '利用月数（実際にご利用頂いた月数、12ヶ月分）の数え方と、キャンペーン等の無料月を数えるコース（第7条が動かすのは別紙6の最低利用期間だけ）。',
    values: {
      'calendar-months': {
        en: 'calendar months from the start month to the end month, both counted; for a course with a 12-month minimum period (別紙6: the 長期 courses, 雲台セット and ＋ included) the free months are not counted (第7条 starts the minimum period after them); for every other course (短期 courses, M-series), which have none, free months are months of use and count',
        ja: '利用開始月から利用終了月までの暦月（両端の月を含む）。12ヶ月の最低利用期間があるコース（別紙6：長期コース、雲台セット・＋を含む）では無料月を数えない（第7条により最低利用期間は無料期間の後に始まる）。最低利用期間のないその他のコース（短期コース、Mシリーズ）では無料月も利用した月として数える',
      },
      elapsed: {
        en: 'whole months elapsed from startDate to the day after endDate (民法143条), less free months where the course has a minimum period',
        ja: 'startDate から endDate の翌日までに経過した満月数（民法143条）。最低利用期間のあるコースでは無料月を差し引く',
      },
    },
  },
  freePeriod: {
    en: 'Which days a campaign period of n free months (キャンペーン等…無料として設定した期間) covers.',
    ja: 'n か月の無料期間（キャンペーン等…無料として設定した期間）がどの日を含むか。',
    values: {
      'calendar-months': {
        en: 'the free months are the first calendar months billed, the start month being the first',
        ja: '無料月は、利用開始月を1か月目として、請求する最初の暦月',
      },
      'from-start-date': {
        en: 'n months counted from startDate (民法143条); the minimum period starts in the month holding the day after the free period ends (第7条), and the month in which the free period ends is billed only for its days after the free period: monthly fee × those days ÷ days of the month, floored',
        ja: 'startDate から起算して n か月（民法143条）。最低利用期間は無料期間の終了日の翌日を含む月から始まり（第7条）、無料期間が終わる月は無料期間後の日数分だけを請求する：月額利用料 × その日数 ÷ その月の日数（1円未満切り捨て）',
      },
    },
  },
  dailyRate: {
    en: 'The fee of one day (その日数に対応する本サービスについての料金; その日数に対応する本サービスの月額利用料; サービス料相当額 per day).',
    ja: '1日あたりの料金（その日数に対応する本サービスについての料金／その日数に対応する本サービスの月額利用料／1日あたりのサービス料相当額）。',
    values: {
      'own-month': {
        en: 'each day is rated at the monthly fee ÷ the days of the month it falls in (a 24-hour block counted from knownAt falls in the month where it starts; an hour likewise); the exact sum is floored once',
        ja: '各日を、その日が属する月の月額利用料 ÷ その月の日数で計算する（knownAt から数えた24時間はその始まる月に属する。1時間も同様）。合計を最後に1回だけ1円未満切り捨て',
      },
      'known-month': {
        en: 'monthly fee ÷ the days of the month of knownAt, for every day (for a late return: of the month of the first day charged)',
        ja: 'すべての日を、knownAt の属する月の月額利用料 ÷ その月の日数で計算する（返還遅延では、請求する最初の日の属する月）',
      },
      'thirty-days': { en: 'monthly fee ÷ 30', ja: '月額利用料 ÷ 30' },
    },
  },
  interestDayBasis: {
    en: 'The day count of the annual rate of late interest.',
    ja: '延滞利息の年利の日数計算。',
    values: {
      '365': { en: '365 days a year, leap years too', ja: '1年を365日とする（うるう年も同じ）' },
      actual: {
        en: "actual days of the year: each day's interest uses 365 or 366 by its own year",
        ja: '実日数：各日の利息を、その日の属する年の日数（365日又は366日）で計算する',
      },
    },
  },
  graceEndOnHoliday: {
    en: 'Whether the 15-day grace of 第27条 (支払期日の翌日から起算して15日以内) is extended when its last day is a day off.',
    ja: '第27条の猶予（支払期日の翌日から起算して15日以内）の末日が休日のとき、猶予が延びるか。',
    values: {
      none: { en: 'the 15 days of 第27条 are calendar days, whatever day the 15th is', ja: '第27条の15日は暦日で数え、15日目が何曜日でも延ばさない' },
      'civil-code-142': {
        en: 'when the 15th day is a Sunday, a national holiday or 29 December to 3 January, the grace ends on the next business day (民法142条)',
        ja: '15日目が日曜日・国民の祝日・12月29日から1月3日までの日のときは、猶予は翌営業日に満了する（民法142条）',
      },
    },
  },
  businessDays: {
    en: 'What a business day (営業日) is.',
    ja: '営業日とは何か。',
    values: {
      'weekdays-less-holidays-and-year-end': {
        en: "Monday to Friday, less Japanese national holidays (substitute and citizens' holidays included) and 29 December to 3 January",
        ja: '月曜日から金曜日まで。ただし国民の祝日（振替休日・国民の休日を含む）及び12月29日から1月3日までを除く',
      },
    },
  },
  noticeDeadline: {
    en: 'What 契約終了希望日の５営業日前までに means.',
    ja: '「契約終了希望日の５営業日前までに」の意味。',
    values: {
      'fifth-business-day-before': {
        en: 'the request is on time if made on or before the 5th business day counted back from desiredEndDate, that day itself not counted (desired 2024-05-07 → deadline 2024-04-25)',
        ja: 'desiredEndDate から、その日を数えずに5営業日さかのぼった日までにした申出は期限内（希望日 2024-05-07 → 期限 2024-04-25）',
      },
    },
  },
  partialOutage: {
    en: 'Whether an outage where the camera or the cloud still works is a total outage.',
    ja: 'カメラ装置又はカメラクラウドが利用できる障害を、全く利用できない状態とみるか。',
    values: {
      billed: {
        en: 'when the camera or the cloud is still usable, nothing is waived (the (注) of 第25条第2項 says so for 短期/長期 courses, 雲台セット and ＋ included; the M-series follow the same reading)',
        ja: 'カメラ装置又はカメラクラウドが利用できるときは、支払いを要しない料金はない（第25条第2項の（注）が短期コース/長期コース（雲台セット・＋を含む）について定めるとおり。Mシリーズも同じ読み方による）',
      },
      'm-series-waive': { en: 'for M-series courses a partial outage counts as total', ja: 'Mシリーズのコースでは、一部の障害も全く利用できない状態とみる' },
    },
  },
  initialFeeScope: {
    en: 'Which courses an initial fee printed once for a group applies to.',
    ja: '別紙3表1でグループに1回だけ記載された初期費が、どのコースに適用されるか。',
    values: {
      group: {
        en: 'the 初期費 printed once per group in 別紙3表1 applies to every course of the group (M-series: same model and SIM; 短期/長期 pairs)',
        ja: '別紙3表1でグループに1回記載された初期費は、グループのすべてのコースに適用する（Mシリーズ：同じ機種・SIM、短期/長期の組）',
      },
      'printed-row': { en: 'only the course on whose row it is printed', ja: 'その初期費が記載された行のコースだけに適用する' },
    },
  },
  plusCourseChange: {
    en: "Whether 第15条's transitions apply to the どこでも“me”REC＋ courses.",
    ja: '第15条のコース変更がどこでも“me”REC＋のコースに適用されるか。',
    values: {
      'same-line': {
        en: "第15条's 短期コースから長期コースに is read within the どこでも“me”REC＋ line too: ＋ 短期コース may change to ＋ 長期コース; no other change involving a ＋ course is allowed",
        ja: '第15条の「短期コースから長期コースに」をどこでも“me”REC＋の系列内にも読む：＋短期コースは＋長期コースに変更できる。＋コースに関するその他の変更はできない',
      },
      'named-only': { en: 'only the courses 第15条 names by name; no ＋ course may change', ja: '第15条が名前で挙げるコースに限る：＋コースは変更できない' },
    },
  },
  freeMonthsScope: {
    en: 'What a campaign month at no fee (第7条) makes free.',
    ja: 'キャンペーン等で無料とした月（第7条）に何が無料となるか。',
    values: {
      'course-fee-only': {
        en: "campaign free months waive the course's monthly fee (本サービスの月額利用料) only; options of 別紙3表3 and the initial fee are still charged",
        ja: '無料月に無料となるのはコースの月額利用料（本サービスの月額利用料）だけ。別紙3表3のオプションと初期費は請求する',
      },
      'course-and-options': { en: 'options are free in campaign months too', ja: 'オプションも無料月は無料とする' },
    },
  },
  grossNegligenceUnit: {
    en: "What counts of the time lost to the company's wilful act or gross negligence (その時間に対応する本サービスについての料金).",
    ja: '当社の故意又は重大な過失により失われた時間（その時間に対応する本サービスについての料金）のうち、何を数えるか。',
    values: {
      'whole-hours': { en: 'only whole hours from knownAt count', ja: 'knownAt からの1時間に満たない端数は数えない（時間単位）' },
      minutes: {
        en: 'every whole minute counts, at the hourly rate ÷ 60 (own month per minute); waivedHours = whole hours, waivedDays = whole 24-hour blocks, for reading',
        ja: '1分単位で数え、1時間あたりの料金 ÷ 60 で計算する（各分をその属する月で計算）。waivedHours は時間数、waivedDays は24時間ごとの日数として表示する',
      },
    },
  },
  damagesAndWaiver: {
    en: 'Whether 第34条 damages for an outage and the 第25条第2項 waiver of its fee are owed together.',
    ja: '障害についての第34条の損害賠償と、第25条第2項の料金の支払いを要しないこととする扱いが併せて生じるか。',
    values: {
      separate: {
        en: '第34条 compensation is owed besides the 第25条第2項 waiver of the same hours',
        ja: '第34条の賠償は、同じ時間についての第25条第2項の支払いを要しない料金とは別に生じる',
      },
      offset: {
        en: 'the fee waived under 第25条第2項 for the same outage is deducted from the compensation (never below 0)',
        ja: '同じ障害について第25条第2項により支払いを要しないこととされた料金を賠償額から差し引く（0円未満にはしない）',
      },
    },
  },
  feesAfterPlannedEnd: {
    en: 'What the contractor owes for the days between the planned end date (解約予定日) and a late return.',
    ja: '解約予定日から返還が遅れた日までの間に、契約者が支払うもの。',
    values: {
      'late-return-charge': {
        en: 'monthly fees run to the planned end date (or to the return, if earlier); after it, only the 第47条第3項 charge, and only when the late return was not announced; when it was announced, fees run to the return (第25条第1項)',
        ja: '月額利用料は解約予定日（それより前に返還したときは返還日）まで。その後は、事前の申出なく返還が遅れたときに限り第47条第3項のサービス料相当額だけ。申し出ていたときは返還日まで利用料金が発生する（第25条第1項）',
      },
      'monthly-fee-until-return': {
        en: 'monthly fees run to the return in every case and no separate 第47条第3項 charge is added',
        ja: 'いずれの場合も返還日まで月額利用料が発生し、第47条第3項の額は別に加算しない',
      },
    },
  },
  lateReturnTax: {
    en: 'Whether consumption tax (第32条) is added to the 第47条第3項 late-return charge (サービス料相当額).',
    ja: '第47条第3項の返還遅延の額（サービス料相当額）に消費税相当額（第32条）を加算するか。',
    values: {
      taxed: { en: 'the 第47条第3項 charge is a fee equivalent and bears tax (第32条)', ja: '第47条第3項の額は料金相当額であり、消費税相当額を加算する（第32条）' },
      untaxed: { en: 'it is damages, without tax', ja: '損害賠償であり、消費税相当額を加算しない' },
    },
  },
};

/** The Japanese of the parameters' descriptions, by `decision.name`: kept beside the engine's review texts, since the change notice (`src/io/change-notice.ts`) names parameters by them too. */
export { PARAMETER_TEXTS } from '../../../engine/review/parameter-texts.js';

/** The Japanese of the clause coverage notes (`rules/<version>/coverage.json`: what the engine carries of a paragraph, or why a paragraph decides nothing), by paragraph. */
export const COVERAGE_NOTES: Record<string, Translated> = {
  第9条第1項: {
    en: 'approval answers approve with this clause when no ground of 第5条, 第9条第2項 or 第43条第1項 is found (src/engine/decisions/grounds.ts)',
    ja: 'approval は、第5条・第9条第2項・第43条第1項のいずれの事由もないときに、この条項により承諾と答える（src/engine/decisions/grounds.ts）',
  },
  第28条第1項: {
    en: "fees are computed per 料金月, a calendar month (monthlyCharge, settlement's default paid; partialMonthFee reads a month used in part)",
    ja: '料金は料金月（暦月）に従って計算する（monthlyCharge、settlement の既定の支払済み額。一部だけ利用した月の扱いは partialMonthFee）',
  },
  第28条第2項: {
    en: 'a paid amount above the settlement total is never paid back by settlement (docs/engine.md); refunds only where a clause says so (第25条第3項)',
    ja: '解約清算金の合計を超えて支払われた額を settlement が返金することはない（docs/engine.md）。返金は条項が定める場合（第25条第3項）に限る',
  },
  第29条: {
    en: 'every amount is floored to the yen once, where it is produced: floorYen in src/engine/money.ts, the one rounding',
    ja: '金額は算出した所で1回だけ1円未満を切り捨てる：src/engine/money.ts の floorYen が唯一の端数処理',
  },
  第1条: {
    en: 'purpose of the terms; a separate agreement (別段の合意) overrides them, and the engine answers under the terms only',
    ja: '本規約の目的。別段の合意が優先するが、エンジンは本規約だけに基づいて答える',
  },
  第2条第1項: {
    en: 'the company may change the terms: each change is a new effective-dated rule and tariff version',
    ja: '当社は本規約を変更できる：変更ごとに施行日つきの新しいルール・料金表のバージョンとなる',
  },
  第2条第2項: { en: 'how a change is announced: the change notice (tariff notice) of a version', ja: '変更の周知の方法：バージョンの変更通知（tariff notice）' },
  第2条第3項: {
    en: 'which announcements count as the explanation under the 電気通信事業法; no fee or outcome',
    ja: '電気通信事業法上の説明とみなす周知の方法。料金・結果は生じない',
  },
  第3条: { en: "definitions of the terms' words, used by the decisions' facts", ja: '用語の定義。各判定のファクトで使う' },
  第4条: { en: 'the functions provided (別紙2); nothing to decide', ja: '提供する機能（別紙2）。判定することはない' },
  第6条: { en: 'one contract per internet line: the unit every decision answers for', ja: 'インターネット回線ごとに1契約：各判定が答える単位' },
  第8条: { en: 'how to apply (the details to give); a procedure', ja: '申込の方法（記載事項）。手続' },
  第10条第1項: { en: "the contractor may ask to change the application's details; a procedure", ja: '契約者は申込内容の変更を請求できる。手続' },
  第10条第2項: { en: 'a change request is handled like an application: ask the approval decision', ja: '変更の請求は申込と同様に扱う：承諾の判定（approval）で答える' },
  第11条: {
    en: 'the contractor may not transfer the right to the service; a prohibition with no fee or outcome',
    ja: '契約者は本サービスの利用権を譲渡できない。料金・結果の生じない禁止事項',
  },
  第12条第1項: { en: 'succession is notified with documents; a procedure', ja: '地位の承継は書類を添えて届け出る。手続' },
  第12条第2項: { en: 'several successors name a representative; a procedure', ja: '承継人が複数のときは代表者を定める。手続' },
  第12条第3項: { en: 'who represents successors until one is named; a procedure', ja: '代表者が定まるまでの代表者。手続' },
  第12条第4項: {
    en: 'the service may be withheld until the succession papers are in; not a decision of the spec (no suspension ground, no fee)',
    ja: '承継の書類が揃うまで本サービスを提供しないことがある。仕様の判定ではない（利用停止事由・料金はない）',
  },
  第13条第1項: { en: 'changes of name or address are notified; a procedure', ja: '氏名・住所の変更の届出。手続' },
  第13条第2項: { en: 'a mailed bill to the old address counts as notice; a procedure', ja: '旧住所への郵送による請求は通知とみなす。手続' },
  第13条第3項: { en: 'the company may ask for documents proving a change; a procedure', ja: '当社は変更を証明する書類を求めることができる。手続' },
  第14条第1項: { en: "the contractor provides the camera's site; a duty with no fee or outcome", ja: '契約者はカメラ装置の設置場所を提供する。料金・結果の生じない義務' },
  第14条第2項: { en: "the contractor provides the camera's electricity; a duty with no fee or outcome", ja: '契約者はカメラ装置の電気を提供する。料金・結果の生じない義務' },
  第16条: {
    en: 'no business use of the service; a prohibition (its breach reaches suspension only through 第37条)',
    ja: '本サービスの営業目的の利用の禁止（違反は第37条を通じてのみ利用停止に至る）',
  },
  第17条第1項: { en: 'who owns the rights in what the company provides', ja: '当社が提供するものの権利の帰属' },
  第17条第2項: {
    en: "how the contractor treats those materials; a breach is suspension's fact breachOfArticle17or37 (第19条第1項第4号)",
    ja: '契約者によるその資料の取扱い。違反は利用停止のファクト breachOfArticle17or37（第19条第1項第4号）',
  },
  第18条第1項: {
    en: 'the company may interrupt the service for maintenance; its effect on fees is 第25条第2項 (outageWaiver)',
    ja: '当社は保守のため本サービスを中止できる。料金への影響は第25条第2項（outageWaiver）',
  },
  第18条第2項: { en: "an interruption is announced on the company's web site; a procedure", ja: '中止は当社のウェブサイトで周知する。手続' },
  第20条: {
    en: 'the company may restrict use in emergencies; its effect on fees is 第25条第2項 (outageWaiver)',
    ja: '当社は非常事態に利用を制限できる。料金への影響は第25条第2項（outageWaiver）',
  },
  第21条第1項: {
    en: "the company may end the service; this is termination's fact serviceEnded (第23条第2号)",
    ja: '当社は本サービスの提供を終了できる：契約解除のファクト serviceEnded（第23条第2号）',
  },
  第21条第2項: {
    en: 'how the end of the service is announced and that its end date is the cancellation date; no fee',
    ja: '提供の終了の周知と、終了日を解約日とすること。料金は生じない',
  },
  第30条第1項: {
    en: "fees are paid by bank transfer by the company's due date; the due date is a fact of lateInterest",
    ja: '料金は当社の定める支払期日までに振込で支払う。支払期日は lateInterest のファクト',
  },
  第31条: { en: "the company may ask for two or more months' fees at once; the amounts do not change", ja: '当社は2か月以上の料金をまとめて請求できる。金額は変わらない' },
  第33条: {
    en: 'the company may reduce fees in a disaster at its discretion, with no criterion or amount the engine could apply',
    ja: '当社は災害時に裁量で料金を減免できるが、エンジンが適用できる基準・金額がない',
  },
  第35条第1項: { en: 'no guarantee that inquiries are taken at once', ja: '問合せを遅滞なく受け付けることは保証しない' },
  第35条第2項: { en: "no guarantee that the contractor's problems are solved", ja: '契約者の問題の解決は保証しない' },
  第35条第3項: { en: "the service is not the makers' official support", ja: '本サービスはメーカーの公式サポートではない' },
  第35条第4項: { en: "no guarantee of work the contractor does on the operator's advice", ja: '運用者の助言により契約者が行う作業は保証しない' },
  第35条第5項: {
    en: 'no liability for such work except as 第34条第1項 provides; damages answers 第34条',
    ja: 'その作業について、第34条第1項の場合を除き責任を負わない。損害賠償は第34条で答える',
  },
  第35条第6項: {
    en: 'the contractor settles damage it causes third parties; damages excludes it under 第34条第1項第1号',
    ja: '契約者が第三者に与えた損害は契約者が解決する。damages は第34条第1項第1号により免責とする',
  },
  第35条第7項: {
    en: "no liability for damage from interruption, suspension, restriction or end of the service; not a fact of the spec's damages",
    ja: '本サービスの中止・停止・制限・終了による損害について責任を負わない。仕様の damages のファクトではない',
  },
  第35条第8項: {
    en: "no liability for cyber-terrorism, disasters or third-party interference; such causes are damages' cause other",
    ja: 'サイバーテロ・災害・第三者の妨害について責任を負わない。その原因は damages の原因 other',
  },
  第35条第9項: { en: 'the company may change the support number; a procedure', ja: '当社はサポートの電話番号を変更できる。手続' },
  第35条第10項: {
    en: "requests from an identified contractor are deemed the contractor's; no fee or outcome",
    ja: '本人確認された契約者からの依頼は契約者のものとみなす。料金・結果は生じない',
  },
  第35条第11項: { en: 'no liability for lost frames caused by the line or the camera', ja: '回線又はカメラ装置によるコマ落ちについて責任を負わない' },
  第35条第12項: { en: 'no liability for loss or leak of recordings in the camera cloud', ja: 'カメラクラウド内の録画の消失・漏えいについて責任を負わない' },
  第35条第13項: { en: "the company does not handle the contractor's images except in support", ja: '当社はサポート以外で契約者の映像を扱わない' },
  第36条第1項: { en: 'consent to the company knowing personal information', ja: '当社が個人情報を知ることへの同意' },
  第36条第2項: { en: 'personal information follows the privacy policy', ja: '個人情報はプライバシーポリシーに従う' },
  第36条第3項: { en: 'purposes of using personal information', ja: '個人情報の利用目的' },
  第36条第4項: { en: 'purposes of using personal information for support', ja: 'サポートのための個人情報の利用目的' },
  第36条第5項: { en: "e-mail addresses given to the camera cloud's licensor", ja: 'カメラクラウドのライセンサーへのメールアドレスの提供' },
  第36条第6項: { en: 'corporate information is treated alike', ja: '法人の情報も同様に扱う' },
  第36条第7項: { en: 'personal information may be given to contractors of the company', ja: '個人情報を当社の委託先に提供することがある' },
  第37条第1項: {
    en: "the contractor's duties in using the service; a breach is suspension's fact breachOfArticle17or37 (第19条第1項第4号)",
    ja: '本サービスの利用に係る契約者の義務。違反は利用停止のファクト breachOfArticle17or37（第19条第1項第4号）',
  },
  第37条第2項: {
    en: "the contractor's duties when receiving support; a breach is suspension's fact breachOfArticle17or37",
    ja: 'サポートを受ける際の契約者の義務。違反は利用停止のファクト breachOfArticle17or37',
  },
  第38条: { en: 'the cooperation the contractor gives; a procedure', ja: '契約者の協力。手続' },
  第39条: {
    en: 'the company may decline to provide service in listed cases; not a decision of the spec (no fee or ground it answers)',
    ja: '当社は列挙された場合にサービスの提供を断ることができる。仕様の判定ではない（答える料金・事由がない）',
  },
  第40条: { en: 'matters the law provides follow the law', ja: '法令に定めのある事項は法令に従う' },
  第41条: { en: 'governing law: Japanese law', ja: '準拠法：日本法' },
  第42条第1項: { en: 'disputes are settled in good faith', ja: '紛争は誠意をもって解決する' },
  第42条第2項: { en: 'the Tokyo District Court has jurisdiction', ja: '東京地方裁判所を管轄裁判所とする' },
  第44条: { en: 'the contractor bears shipping costs; the terms give no amount to compute', ja: '送料は契約者の負担。本規約に計算する金額がない' },
  第45条第1項: { en: 'the contractor may exchange equipment for maintained equipment; a procedure', ja: '契約者は保守済みの機器と交換できる。手続' },
  第45条第2項: {
    en: "yearly battery exchange, the camera unusable meanwhile by agreement; outageWaiver's facts do not model it (docs/engine.md)",
    ja: '年1回のバッテリー交換（その間の利用不可は合意による）。outageWaiver のファクトでは扱わない（docs/engine.md）',
  },
  第45条第3項: { en: 'the company bears the costs of maintenance exchanges; no amount to compute', ja: '保守のための交換の費用は当社の負担。計算する金額はない' },
  第47条第2項: {
    en: 'the contractor erases data before returning the camera; no liability for data after return; no fee or outcome',
    ja: '契約者は返還前にデータを消去する。返還後のデータについて責任を負わない。料金・結果は生じない',
  },
  第48条第1項: { en: 'the BP SIM terms apply too', ja: 'BP SIM の規約も適用する' },
  第48条第2項: { en: 'these terms prevail over the BP SIM terms', ja: '本規約は BP SIM の規約に優先する' },
  別紙1: { en: 'support hours', ja: 'サポートの受付時間' },
  別紙2: { en: 'the functions provided', ja: '提供する機能' },
  別紙3: { en: 'index of the fee tables 別紙3表1 and 表2', ja: '料金表 別紙3表1・表2の目次' },
  別紙4: { en: 'the information collected for support', ja: 'サポートのために取得する情報' },
};
