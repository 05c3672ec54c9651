#!/usr/bin/env node
// Writes docs/spec-coverage.md: every normative sentence of ../shared/spec/case-files.md with the
// case files under test/cases that pin it (an `expect` that checks the sentence's own field, not
// only `outcome`) and, for the CLI's sentences, the unit tests. Usage:
//   node scripts/spec-coverage.mjs [--check]
// --check exits 1 when a sentence has no pinning case or test (nothing is written then).
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const CASES = path.join(ROOT, 'test/cases');
const OUT = path.join(ROOT, 'docs/spec-coverage.md');

/** Every case of every file under test/cases, with its file relative to test/cases. */
const loadCases = () => {
  const files = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (p.endsWith('.json')) files.push(p);
    }
  };
  walk(CASES);
  const cases = [];
  for (const f of files) {
    let json;
    try {
      json = JSON.parse(fs.readFileSync(f, 'utf8'));
    } catch {
      continue;
    }
    const rel = path.relative(CASES, f);
    const single = !Array.isArray(json);
    for (const c of single ? [json] : json) if (c && typeof c === 'object' && c.expect) cases.push({ ...c, file: rel, single });
  }
  return cases;
};

// Predicate helpers over one case.
const dec = (c, d) => c.decision === d;
const has = (c, k) => c.expect && Object.prototype.hasOwnProperty.call(c.expect, k);
const ex = (c, k) => c.expect?.[k];
const fact = (c, k) => c.facts?.[k];
const interp = (c, k, v) => c.interpretations?.[k] === v;
const lists = (c, k, clause) => Array.isArray(ex(c, k)) && ex(c, k).includes(clause);
const reasonCase = (d, clause) => (c) => dec(c, d) && lists(c, 'reasons', clause);
const interpListed = (d, name) => (c) => dec(c, d) && ex(c, 'interpretations') && name in ex(c, 'interpretations');
const all =
  (...ps) =>
  (c) =>
    ps.every((p) => p(c));
const D = (d) => (c) => dec(c, d);
const H = (k) => (c) => has(c, k);
const isCode = (s) => typeof s === 'string' && /^[A-Z0-9][A-Z0-9-]+$/.test(s);
const errCase = (pred) => (c) => ex(c, 'outcome') === 'invalid' && Array.isArray(ex(c, 'errors')) && pred(c);
const errPath = (re) => errCase((c) => ex(c, 'errors').some((e) => typeof e.path === 'string' && re.test(e.path)));
const OPTIONS = ['image-api-100k', 'image-api-500k', 'image-api-1m', 'image-api-fhd', 'event-api', 'video-api', 'place-ai', 'place-ai-views', 'poe-injector', 'pipe-mount'];
const optionCodes = (c) => (Array.isArray(fact(c, 'options')) ? fact(c, 'options').map((o) => (typeof o === 'string' ? o : o?.code)) : []);
const charged = (c) => has(c, 'lines') || has(c, 'subtotal');
const offsetDatetime = (v) => typeof v === 'string' && /T.*(Z|[+-]\d\d:?\d\d)$/.test(v) && !/\+09:?00$/.test(v);
const noOffsetDatetime = (v) => typeof v === 'string' && /T\d\d:\d\d(:\d\d(\.\d+)?)?$/.test(v);

/** [section, sentence, predicate | {tests: [...]}]. The sentence is quoted or closely cut from the spec. */
const SENTENCES = [
  ['File format', 'A file is one JSON object or an array of them', (c) => c.single],
  ['File format', '(a directory is read recursively, in name order)', { tests: ['test/unit/cli.test.ts › reads folders recursively in name order'] }],
  ['File format', '`name`: free text, shown in reports', { tests: ['test/unit/cli.test.ts › a failing case prints file, name, …'] }],
  ['File format', '`asOf`: the date whose rule and tariff versions apply (the version in force on that day)', H('versions')],
  ['File format', '`asOf` … default: today', (c) => !('asOf' in c) && has(c, 'outcome')],
  ['File format', 'a case dated before the first version is `invalid` (issue 3)', errPath(/^\/asOf$/)],
  ['File format', '`decision`: one of the decisions below (an unknown one is `invalid`)', errPath(/^\/decision$/)],
  [
    'File format',
    '`interpretations`: optional overrides of named interpretations',
    (c) => c.interpretations && Object.keys(c.interpretations).length > 0 && has(c, 'interpretations'),
  ],
  ['File format', '`expect`: deep subset match … arrays are compared as multisets', { tests: ['test/unit/expect.test.ts'] }],
  ['Conventions', 'dates `YYYY-MM-DD`', errPath(/Date$|\/month$|\/date$|\/dueDate$/)],
  [
    'Conventions',
    'datetimes ISO 8601, Asia/Tokyo when no offset is written',
    (c) => noOffsetDatetime(fact(c, 'knownAt')) && (has(c, 'waivedHours') || has(c, 'days') || has(c, 'waivedDays')),
  ],
  [
    'Conventions',
    'Datetimes with another offset are converted to Asia/Tokyo before any day, month or hour is counted',
    (c) => (offsetDatetime(fact(c, 'knownAt')) || offsetDatetime(fact(c, 'restoredAt'))) && (has(c, 'amount') || has(c, 'days') || has(c, 'waivedHours')),
  ],
  ['Conventions', 'money integer yen excluding consumption tax unless the field is `tax` or `total`', (c) => has(c, 'amount') && has(c, 'tax') && has(c, 'total')],
  [
    'Conventions',
    'every amount is floored to the yen once, where it is produced (第29条); rates and fractions in between stay exact',
    (c) =>
      (dec(c, 'outageWaiver') || dec(c, 'damages') || dec(c, 'cancellation')) &&
      (has(c, 'amount') || has(c, 'lateReturnCharge')) &&
      typeof fact(c, 'knownAt') === 'string' &&
      fact(c, 'knownAt').slice(5, 7) !== String(fact(c, 'restoredAt') ?? '').slice(5, 7),
  ],
  [
    'Conventions',
    'Consumption tax is 10% of the ex-tax amount, floored (第32条)',
    (c) =>
      has(c, 'tax') &&
      Number.isInteger(ex(c, 'amount') ?? ex(c, 'subtotal') ?? ex(c, 'lateReturnCharge')) &&
      (ex(c, 'amount') ?? ex(c, 'subtotal') ?? ex(c, 'lateReturnCharge')) % 10 !== 0,
  ],
  [
    'Conventions',
    '… applied by the decision that produces a billable amount (and no tax on interest, damages, equipment loss)',
    (c) => (dec(c, 'lateInterest') || dec(c, 'damages') || dec(c, 'equipmentLoss')) && has(c, 'amount') && ex(c, 'amount') > 0 && ex(c, 'tax') === 0,
  ],
  ['Courses', "a course may be named by the project's own course code", (c) => ['course', 'from', 'to'].some((k) => isCode(fact(c, k))) && ex(c, 'outcome') !== 'invalid'],
  [
    'Courses',
    '… or by its Japanese name as the terms print it, with the `どこでも“me”REC` prefix',
    (c) => String(fact(c, 'course') ?? fact(c, 'from') ?? '').startsWith('どこでも“me”REC') && ex(c, 'outcome') !== 'invalid',
  ],
  [
    'Courses',
    '… or without the prefix',
    (c) => ['course', 'from', 'to'].some((k) => typeof fact(c, k) === 'string' && !isCode(fact(c, k)) && !fact(c, k).startsWith('どこでも')) && ex(c, 'outcome') !== 'invalid',
  ],
  [
    'Courses',
    'names match after NFKC normalization and removal of all white space',
    (c) =>
      ['course', 'from', 'to'].some((k) => typeof fact(c, k) === 'string' && /[\s\u3000]{2,}|クラウド７|クラウド\s*[0-9]|ｸﾗｳﾄﾞ|Ｍ|[\u3000]/.test(fact(c, k))) &&
      ex(c, 'outcome') !== 'invalid',
  ],
  [
    'Courses',
    'An unknown name is an `invalid` outcome whose message lists the closest course names',
    errCase((c) => ex(c, 'errors').some((e) => e.code === 'UNKNOWN_COURSE' || /closest|近い|did you mean/i.test(String(e.message ?? '')))),
  ],
  ['Clauses', "Clause references use the terms' own citation style: `第9条第2項第3号`, `第25条第2項`, `別紙3表2`", (c) => has(c, 'clauses') && ex(c, 'clauses').length > 0],
  [
    'Decisions',
    'Every output has `outcome` and `clauses` … and a `trace` (which rules fired, in order, with the facts they read); `expect` may check any of them',
    (c) => Array.isArray(ex(c, 'trace')) && ex(c, 'trace').some((t) => t && t.facts),
  ],
  ['approval', 'facts `inServiceArea` … `antisocialForces`: booleans (wrong type → invalid)', all(D('approval'), errPath(/^\/facts\//))],
  ['approval', '`outcome`: `approve`', (c) => dec(c, 'approval') && ex(c, 'outcome') === 'approve' && has(c, 'reasons')],
  ['approval', '`reasons`: 第5条 for outside the area', reasonCase('approval', '第5条')],
  ['approval', '`reasons`: 第9条第2項第1号 (technically infeasible)', reasonCase('approval', '第9条第2項第1号')],
  ['approval', '`reasons`: 第9条第2項第2号 (payment delinquent, this or another service, actual or feared)', reasonCase('approval', '第9条第2項第2号')],
  ['approval', '`reasons`: 第9条第2項第3号 (false declaration)', reasonCase('approval', '第9条第2項第3号')],
  ['approval', '`reasons`: 第9条第2項第4号 (business hindrance)', reasonCase('approval', '第9条第2項第4号')],
  ['approval', '`reasons`: 第43条第1項 (antisocial forces)', reasonCase('approval', '第43条第1項')],
  ['approval', '`reasons`: one per ground found (several at once)', (c) => dec(c, 'approval') && Array.isArray(ex(c, 'reasons')) && ex(c, 'reasons').length >= 3],
  ['suspension', '`reasons` 第19条第1項第1号 (`overdue`)', reasonCase('suspension', '第19条第1項第1号')],
  ['suspension', '`reasons` 第19条第1項第2号 (`otherServiceOverdue`)', reasonCase('suspension', '第19条第1項第2号')],
  ['suspension', '`reasons` 第19条第1項第3号 (`defamation`)', reasonCase('suspension', '第19条第1項第3号')],
  ['suspension', '`reasons` 第19条第1項第4号 (`breachOfArticle17or37`)', reasonCase('suspension', '第19条第1項第4号')],
  ['suspension', '`reasons` 第19条第1項第5号 (`excessiveInquiries`)', reasonCase('suspension', '第19条第1項第5号')],
  ['suspension', '`reasons` 第19条第1項第6号 (`interferenceWithFacilities`)', reasonCase('suspension', '第19条第1項第6号')],
  ['suspension', '`reasons` 第19条第1項第7号 (`outOfSpecUseNotImproved`)', reasonCase('suspension', '第19条第1項第7号')],
  ['suspension', '`reasons` 第19条第1項第8号 (`causedDamage`)', reasonCase('suspension', '第19条第1項第8号')],
  ['suspension', '`outcome` `none` when no ground', (c) => dec(c, 'suspension') && ex(c, 'outcome') === 'none' && has(c, 'reasons')],
  ['suspension', '`maxMonths`: 6', (c) => dec(c, 'suspension') && ex(c, 'maxMonths') === 6],
  ['suspension', '`noticeRequired`: true unless `emergency`', (c) => dec(c, 'suspension') && ex(c, 'noticeRequired') === true],
  ['suspension', '… false when `emergency` (第19条第2項)', (c) => dec(c, 'suspension') && ex(c, 'noticeRequired') === false],
  ['termination', '`reasons` 第23条第1号 (`suspendedAndUnremedied`)', reasonCase('termination', '第23条第1号')],
  ['termination', '`reasons` 第23条第2号 (`serviceEnded`)', reasonCase('termination', '第23条第2号')],
  [
    'termination',
    '`insolvencyEvent` `payment-suspension` → 第23条第3号',
    (c) => reasonCase('termination', '第23条第3号')(c) && fact(c, 'insolvencyEvent') === 'payment-suspension',
  ],
  [
    'termination',
    '`insolvencyEvent` `clearinghouse-suspension` → 第23条第3号',
    (c) => reasonCase('termination', '第23条第3号')(c) && fact(c, 'insolvencyEvent') === 'clearinghouse-suspension',
  ],
  ['termination', '`insolvencyEvent` `seizure` → 第23条第3号', (c) => reasonCase('termination', '第23条第3号')(c) && fact(c, 'insolvencyEvent') === 'seizure'],
  ['termination', '`insolvencyEvent` `insolvency-filing` → 第23条第3号', (c) => reasonCase('termination', '第23条第3号')(c) && fact(c, 'insolvencyEvent') === 'insolvency-filing'],
  ['termination', '`insolvencyEvent`: null or one of the four (any other value → invalid)', all(D('termination'), errPath(/insolvencyEvent/))],
  [
    'termination',
    '`antisocialForces` → 第43条第2項 (第1号)',
    (c) => dec(c, 'termination') && Array.isArray(ex(c, 'reasons')) && ex(c, 'reasons').some((r) => r.startsWith('第43条第2項')) && fact(c, 'antisocialForces') === true,
  ],
  [
    'termination',
    '`antisocialConduct` → 第43条第2項 (第2号)',
    (c) => dec(c, 'termination') && Array.isArray(ex(c, 'reasons')) && ex(c, 'reasons').some((r) => r.startsWith('第43条第2項')) && fact(c, 'antisocialConduct') === true,
  ],
  ['termination', '`noticeRequired`: false for 第23条第3号 grounds', (c) => dec(c, 'termination') && ex(c, 'noticeRequired') === false && fact(c, 'insolvencyEvent')],
  [
    'termination',
    '`noticeRequired`: false for 第43条第2項 grounds',
    (c) => dec(c, 'termination') && ex(c, 'noticeRequired') === false && (fact(c, 'antisocialForces') || fact(c, 'antisocialConduct')),
  ],
  ['termination', '`noticeRequired`: true otherwise', (c) => dec(c, 'termination') && ex(c, 'noticeRequired') === true && ex(c, 'outcome') === 'terminate'],
  ['termination', '`outcome` `none` when no ground', (c) => dec(c, 'termination') && ex(c, 'outcome') === 'none' && has(c, 'reasons')],
  [
    'termination',
    '`approvalGroundFound` `technically-infeasible` → 第9条第3項',
    (c) => reasonCase('termination', '第9条第3項')(c) && fact(c, 'approvalGroundFound') === 'technically-infeasible',
  ],
  [
    'termination',
    '`approvalGroundFound` `payment-delinquent` → 第9条第3項',
    (c) => reasonCase('termination', '第9条第3項')(c) && fact(c, 'approvalGroundFound') === 'payment-delinquent',
  ],
  [
    'termination',
    '`approvalGroundFound` `false-declaration` → 第9条第3項',
    (c) => reasonCase('termination', '第9条第3項')(c) && fact(c, 'approvalGroundFound') === 'false-declaration',
  ],
  [
    'termination',
    '`approvalGroundFound` `business-hindrance` → 第9条第3項',
    (c) => reasonCase('termination', '第9条第3項')(c) && fact(c, 'approvalGroundFound') === 'business-hindrance',
  ],
  ['termination', '`equipmentRemedyExcessive` → 第46条第3項', reasonCase('termination', '第46条第3項')],
  [
    'termination',
    'Both are optional (default null and false)',
    (c) => dec(c, 'termination') && !('approvalGroundFound' in (c.facts ?? {})) && !('equipmentRemedyExcessive' in (c.facts ?? {})) && has(c, 'reasons'),
  ],
  [
    'termination',
    '`noticeRequired` follows the existing rule for the new grounds (true for 第9条第3項 / 第46条第3項 alone)',
    (c) => dec(c, 'termination') && ex(c, 'noticeRequired') === true && (fact(c, 'approvalGroundFound') || fact(c, 'equipmentRemedyExcessive')),
  ],
  [
    'courseChange',
    '`allowed`: 短期コース → 長期コース',
    (c) =>
      dec(c, 'courseChange') &&
      ex(c, 'outcome') === 'allowed' &&
      /短期コース$|^SHORT$|PLUS-SHORT|＋ ?短期/.test(String(fact(c, 'from')).trim()) &&
      /長期コース$|^LONG$|PLUS-LONG/.test(String(fact(c, 'to')).trim()),
  ],
  [
    'courseChange',
    '`allowed`: 短期コース → 短期コース雲台セット',
    (c) => dec(c, 'courseChange') && ex(c, 'outcome') === 'allowed' && /短期コース\s*雲台セット|SHORT-MOUNT/.test(String(fact(c, 'to'))),
  ],
  [
    'courseChange',
    '`allowed`: 短期コース → 長期コース雲台セット',
    (c) =>
      dec(c, 'courseChange') &&
      ex(c, 'outcome') === 'allowed' &&
      /^(?!.*雲台)(.*短期|SHORT$)/.test(String(fact(c, 'from'))) &&
      /長期コース\s*雲台セット|LONG-MOUNT/.test(String(fact(c, 'to'))),
  ],
  [
    'courseChange',
    '`allowed`: 短期コース雲台セット → 長期コース雲台セット',
    (c) =>
      dec(c, 'courseChange') &&
      ex(c, 'outcome') === 'allowed' &&
      /短期コース\s*雲台セット|SHORT-MOUNT/.test(String(fact(c, 'from'))) &&
      /長期コース\s*雲台セット|LONG-MOUNT/.test(String(fact(c, 'to'))),
  ],
  [
    'courseChange',
    '`allowed`: 長期コース → 長期コース雲台セット',
    (c) =>
      dec(c, 'courseChange') &&
      ex(c, 'outcome') === 'allowed' &&
      /^(?!.*雲台)(.*長期|LONG$)/.test(String(fact(c, 'from'))) &&
      /長期コース\s*雲台セット|LONG-MOUNT/.test(String(fact(c, 'to'))),
  ],
  ['courseChange', '`refused`: every other pair (reverse, M-series, same course)', (c) => dec(c, 'courseChange') && ex(c, 'outcome') === 'refused'],
  ['courseChange', '`from`, `to`: courses (unknown → invalid at /facts/from or /facts/to)', all(D('courseChange'), errPath(/^\/facts\/(from|to)$/))],
  [
    'cancellationNotice',
    '`outcome` `accepted`, `deadline` the last day the request could be made',
    (c) => dec(c, 'cancellationNotice') && ex(c, 'outcome') === 'accepted' && has(c, 'deadline'),
  ],
  ['cancellationNotice', '`outcome` `late`', (c) => dec(c, 'cancellationNotice') && ex(c, 'outcome') === 'late' && has(c, 'deadline')],
  ['outageWaiver', '`cause` `contractor` → nothing waived', (c) => dec(c, 'outageWaiver') && fact(c, 'cause') === 'contractor' && ex(c, 'outcome') === 'none'],
  [
    'outageWaiver',
    'For `other`: nothing below 24 consecutive hours from `knownAt`',
    (c) => dec(c, 'outageWaiver') && fact(c, 'cause') === 'other' && ex(c, 'outcome') === 'none' && has(c, 'waivedDays'),
  ],
  ['outageWaiver', '… else `waivedDays` = whole 24-hour blocks', (c) => dec(c, 'outageWaiver') && fact(c, 'cause') === 'other' && ex(c, 'waivedDays') > 0],
  ['outageWaiver', '`waivedHours` = `waivedDays` × 24', (c) => dec(c, 'outageWaiver') && fact(c, 'cause') === 'other' && ex(c, 'waivedHours') > 0 && has(c, 'waivedDays')],
  ['outageWaiver', '`amount` = daily rate × `waivedDays`', (c) => dec(c, 'outageWaiver') && fact(c, 'cause') === 'other' && ex(c, 'amount') > 0],
  [
    'outageWaiver',
    'For `company-gross-negligence`: every whole hour from `knownAt` counts',
    (c) => dec(c, 'outageWaiver') && fact(c, 'cause') === 'company-gross-negligence' && has(c, 'waivedHours'),
  ],
  ['outageWaiver', '`amount` = daily rate × `waivedHours` ÷ 24', (c) => dec(c, 'outageWaiver') && fact(c, 'cause') === 'company-gross-negligence' && ex(c, 'amount') > 0],
  [
    'outageWaiver',
    '`cameraUsable` / `cloudUsable` (partial outage → see `partialOutage`)',
    (c) => dec(c, 'outageWaiver') && (fact(c, 'cameraUsable') || fact(c, 'cloudUsable')) && has(c, 'amount'),
  ],
  ['outageWaiver', '`refund` = the smaller of `amount` and `paidAmount` (第25条第3項)', (c) => dec(c, 'outageWaiver') && ex(c, 'refund') > 0],
  ['outageWaiver', '… clause listed when above 0', (c) => dec(c, 'outageWaiver') && lists(c, 'clauses', '第25条第3項')],
  ['outageWaiver', '… 0 when nothing is waived', (c) => dec(c, 'outageWaiver') && ex(c, 'refund') === 0 && fact(c, 'paidAmount') > 0],
  [
    'settlement',
    '`outcome` `settle` with `amount`, `tax`, `total`',
    (c) => dec(c, 'settlement') && ex(c, 'outcome') === 'settle' && has(c, 'amount') && has(c, 'tax') && has(c, 'total'),
  ],
  ['settlement', '`outcome` `none` (短期, 単月, minimum period served)', (c) => dec(c, 'settlement') && ex(c, 'outcome') === 'none' && has(c, 'amount')],
  ['settlement', '`monthsUsed`', (c) => dec(c, 'settlement') && has(c, 'monthsUsed')],
  [
    'settlement',
    "`basisCourse` (the course whose fee sets the total, when 別紙3表2's same-family rule applies)",
    (c) => dec(c, 'settlement') && typeof ex(c, 'basisCourse') === 'string',
  ],
  ['settlement', '`basisCourse` null when the same-family rule does not apply', (c) => dec(c, 'settlement') && ex(c, 'basisCourse') === null],
  ['settlement', '`freeMonths` (campaign months at no fee, default 0)', (c) => dec(c, 'settlement') && fact(c, 'freeMonths') > 0 && has(c, 'amount')],
  [
    'settlement',
    "`paid` … default: the course's monthly fee × the months billed",
    (c) => dec(c, 'settlement') && !('paid' in (c.facts ?? {})) && ex(c, 'outcome') === 'settle' && has(c, 'amount'),
  ],
  ['settlement', '`paid` given (ex-tax yen of monthly fees already paid)', (c) => dec(c, 'settlement') && 'paid' in (c.facts ?? {}) && has(c, 'amount')],
  [
    'settlement',
    '別紙3表2 長期: 12 ヶ月分の利用料金から既に支払い済みの料金を除いた残額',
    (c) => dec(c, 'settlement') && /長期|LONG/.test(String(fact(c, 'course'))) && ex(c, 'outcome') === 'settle' && has(c, 'amount'),
  ],
  [
    'settlement',
    '別紙3表2 M-series: 実際にご利用頂いた月数が満たす最長のコースの月額料金 × 月数 − 支払い済み',
    (c) => dec(c, 'settlement') && /M\d{4}/.test(String(fact(c, 'course'))) && ex(c, 'outcome') === 'settle' && has(c, 'amount') && has(c, 'basisCourse'),
  ],
  ['lateInterest', '`outcome` `charge` / `none`; `days` from the day after `dueDate` to the day before `paidDate`', (c) => dec(c, 'lateInterest') && has(c, 'days')],
  ['lateInterest', '`none` within 15 days of the day after `dueDate` (第27条 ただし書)', (c) => dec(c, 'lateInterest') && ex(c, 'outcome') === 'none' && has(c, 'amount')],
  ['lateInterest', '`amount` at 14.6% a year', (c) => dec(c, 'lateInterest') && ex(c, 'amount') > 0],
  [
    'lateInterest',
    '(no tax is added to interest): `tax` 0, `total` the interest',
    (c) => dec(c, 'lateInterest') && ex(c, 'amount') > 0 && ex(c, 'tax') === 0 && ex(c, 'total') === ex(c, 'amount'),
  ],
  [
    'surcharge',
    '`outcome` `charge`; `amount` (twice the evaded amount), `tax`, `total`',
    (c) => dec(c, 'surcharge') && ex(c, 'outcome') === 'charge' && has(c, 'amount') && has(c, 'total'),
  ],
  ['surcharge', '`none` when nothing was evaded (0)', (c) => dec(c, 'surcharge') && ex(c, 'outcome') === 'none'],
  [
    'monthlyCharge',
    '`lines`: `{item, amount, clause}` each',
    (c) => dec(c, 'monthlyCharge') && Array.isArray(ex(c, 'lines')) && ex(c, 'lines').some((l) => 'item' in l && 'amount' in l && 'clause' in l),
  ],
  ['monthlyCharge', '`subtotal`, `tax`, `total`', (c) => dec(c, 'monthlyCharge') && has(c, 'subtotal') && has(c, 'tax') && has(c, 'total')],
  ['monthlyCharge', '`freeMonths`', (c) => dec(c, 'monthlyCharge') && fact(c, 'freeMonths') > 0 && charged(c)],
  [
    'monthlyCharge',
    '`month` (`YYYY-MM`) before the start month',
    (c) => dec(c, 'monthlyCharge') && typeof fact(c, 'month') === 'string' && typeof fact(c, 'startDate') === 'string' && fact(c, 'month') < fact(c, 'startDate').slice(0, 7),
  ],
  [
    'monthlyCharge',
    'an entry of `options` may be a code',
    (c) => dec(c, 'monthlyCharge') && Array.isArray(fact(c, 'options')) && fact(c, 'options').some((o) => typeof o === 'string') && charged(c),
  ],
  [
    'monthlyCharge',
    "… or `{code, from}`, `from` default the contract's first month",
    (c) => dec(c, 'monthlyCharge') && Array.isArray(fact(c, 'options')) && fact(c, 'options').some((o) => o && typeof o === 'object') && charged(c),
  ],
  ['monthlyCharge', "a `from` before the contract's first month is `invalid`", all(D('monthlyCharge'), errPath(/^\/facts\/options\/\d+\/from$/))],
  [
    'monthlyCharge',
    'A monthly option is charged from its `from` month on',
    (c) =>
      dec(c, 'monthlyCharge') &&
      Array.isArray(fact(c, 'options')) &&
      fact(c, 'options').some((o) => o && typeof o === 'object' && o.code !== 'pipe-mount' && o.from && o.from !== String(fact(c, 'startDate')).slice(0, 7)) &&
      charged(c),
  ],
  [
    'monthlyCharge',
    'a one-time option (`pipe-mount`) only in its `from` month',
    (c) => dec(c, 'monthlyCharge') && Array.isArray(fact(c, 'options')) && fact(c, 'options').some((o) => o && typeof o === 'object' && o.code === 'pipe-mount') && charged(c),
  ],
  [
    'damages',
    '`compensate` for `company`: `days` whole 24-hour blocks; `amount` the monthly fee for those days at the daily rate (第34条第2項)',
    (c) => dec(c, 'damages') && ex(c, 'outcome') === 'compensate' && has(c, 'days') && has(c, 'amount'),
  ],
  ['damages', '… never above `claimedAmount` when given', (c) => dec(c, 'damages') && typeof fact(c, 'claimedAmount') === 'number' && has(c, 'amount')],
  [
    'damages',
    '… no tax (damages are no 別紙3 fee): `tax` 0, `total` the amount',
    (c) => dec(c, 'damages') && ex(c, 'outcome') === 'compensate' && ex(c, 'amount') > 0 && ex(c, 'tax') === 0,
  ],
  ['damages', '`none` when the cause is `other` (第1項第2号)', (c) => dec(c, 'damages') && fact(c, 'cause') === 'other' && ex(c, 'outcome') === 'none'],
  ['damages', '`none` when the camera cloud was usable', (c) => dec(c, 'damages') && fact(c, 'cloudUsable') === true && ex(c, 'outcome') === 'none'],
  [
    'damages',
    '`none` when the outage lasted under 24 consecutive hours',
    (c) => dec(c, 'damages') && fact(c, 'cause') === 'company' && fact(c, 'cloudUsable') === false && ex(c, 'outcome') === 'none' && ex(c, 'days') === 0,
  ],
  ['damages', '`none` when `lossKind` is `third-party` (第1項第1号)', (c) => dec(c, 'damages') && fact(c, 'lossKind') === 'third-party' && ex(c, 'outcome') === 'none'],
  [
    'damages',
    '`none` when `lossKind` is `special-circumstances` (第3号)',
    (c) => dec(c, 'damages') && fact(c, 'lossKind') === 'special-circumstances' && ex(c, 'outcome') === 'none',
  ],
  ['damages', '`none` when `lossKind` is `lost-profit` (第4号)', (c) => dec(c, 'damages') && fact(c, 'lossKind') === 'lost-profit' && ex(c, 'outcome') === 'none'],
  ['damages', '`lossKind` `direct` (default)', (c) => dec(c, 'damages') && !('lossKind' in (c.facts ?? {})) && ex(c, 'outcome') === 'compensate'],
  ['damages', '`not-limited` for `company-gross-negligence` (`amount` null)', (c) => dec(c, 'damages') && ex(c, 'outcome') === 'not-limited' && ex(c, 'amount') === null],
  [
    'damages',
    '`not-limited` whatever the other facts (第3項 lifts every limit, its exclusions included)',
    (c) => dec(c, 'damages') && ex(c, 'outcome') === 'not-limited' && (fact(c, 'cloudUsable') === true || (fact(c, 'lossKind') && fact(c, 'lossKind') !== 'direct')),
  ],
  [
    'damages',
    'Under `damagesAndWaiver` = `offset` the outcome stays `compensate`, the offset comes before the `claimedAmount` cap, and `amount` may be 0',
    (c) => dec(c, 'damages') && interp(c, 'damagesAndWaiver', 'offset') && ex(c, 'outcome') === 'compensate' && has(c, 'amount'),
  ],
  [
    'cancellation',
    '`outcome` `cancelled`; `cancellationDate`: `returnedDate` (第22条)',
    (c) => dec(c, 'cancellation') && ex(c, 'outcome') === 'cancelled' && has(c, 'cancellationDate'),
  ],
  ['cancellation', '`pending` while not returned', (c) => dec(c, 'cancellation') && ex(c, 'outcome') === 'pending'],
  ['cancellation', '`noticeOnTime` (as `cancellationNotice`)', (c) => dec(c, 'cancellation') && has(c, 'noticeOnTime')],
  [
    'cancellation',
    '`plannedEndDate`: `desiredEndDate` when on time',
    (c) => dec(c, 'cancellation') && ex(c, 'noticeOnTime') === true && ex(c, 'plannedEndDate') === fact(c, 'desiredEndDate'),
  ],
  [
    'cancellation',
    '… else the first date whose notice deadline is on or after `requestDate`',
    (c) => dec(c, 'cancellation') && ex(c, 'noticeOnTime') === false && has(c, 'plannedEndDate'),
  ],
  ['cancellation', '`feesUntil` (per `feesAfterPlannedEnd`)', (c) => dec(c, 'cancellation') && typeof ex(c, 'feesUntil') === 'string'],
  [
    'cancellation',
    '`lateReturnDays`: from the day after `plannedEndDate` to `returnedDate`, both counted, when returned later and not announced',
    (c) => dec(c, 'cancellation') && ex(c, 'lateReturnDays') > 0,
  ],
  ['cancellation', '… else 0 (announced, or returned on time)', (c) => dec(c, 'cancellation') && ex(c, 'lateReturnDays') === 0 && ex(c, 'outcome') === 'cancelled'],
  ['cancellation', '`returnDelayAnnounced`: boolean, default false', (c) => dec(c, 'cancellation') && fact(c, 'returnDelayAnnounced') === true && has(c, 'lateReturnDays')],
  [
    'cancellation',
    "`lateReturnCharge` (the course's fee for those days at the daily rate, floored once), `tax`, `total`",
    (c) => dec(c, 'cancellation') && ex(c, 'lateReturnCharge') > 0 && has(c, 'tax') && has(c, 'total'),
  ],
  [
    'cancellation',
    'while `pending`: `cancellationDate` and `feesUntil` are null, `lateReturnDays`, `lateReturnCharge`, `tax` and `total` are 0',
    (c) =>
      dec(c, 'cancellation') &&
      ex(c, 'outcome') === 'pending' &&
      ex(c, 'cancellationDate') === null &&
      ex(c, 'feesUntil') === null &&
      has(c, 'lateReturnCharge') &&
      has(c, 'total'),
  ],
  [
    'cancellation',
    'Under `monthly-fee-until-return`, `lateReturnDays` is still given (for reading) and the charge, tax and total are 0',
    (c) => dec(c, 'cancellation') && interp(c, 'feesAfterPlannedEnd', 'monthly-fee-until-return') && ex(c, 'lateReturnDays') > 0 && ex(c, 'lateReturnCharge') === 0,
  ],
  [
    'equipmentLoss',
    '`contractor-pays` (第46条第1項): `amount` `replacementCost` for a loss',
    (c) => dec(c, 'equipmentLoss') && ex(c, 'outcome') === 'contractor-pays' && fact(c, 'event') === 'loss' && has(c, 'amount'),
  ],
  ['equipmentLoss', '… `repairCost` for damage', (c) => dec(c, 'equipmentLoss') && ex(c, 'outcome') === 'contractor-pays' && fact(c, 'event') === 'damage' && has(c, 'amount')],
  ['equipmentLoss', '`company-bears` (第2項): 0', (c) => dec(c, 'equipmentLoss') && ex(c, 'outcome') === 'company-bears' && ex(c, 'amount') === 0],
  ['equipmentLoss', 'no tax: `tax` 0, `total` the amount', (c) => dec(c, 'equipmentLoss') && ex(c, 'amount') > 0 && ex(c, 'tax') === 0 && ex(c, 'total') === ex(c, 'amount')],
  ['equipmentLoss', '`repairCost`: required for `damage`', all(D('equipmentLoss'), errPath(/repairCost/))],
  [
    'equipmentLoss',
    '`terminationAllowed`: true when the company bears it and the remedy needs excessive cost or time (第46条第3項)',
    (c) => dec(c, 'equipmentLoss') && ex(c, 'terminationAllowed') === true,
  ],
  [
    'equipmentLoss',
    '`terminationAllowed` false otherwise (contractor pays, or not excessive; `remedyExcessive` default false)',
    (c) => dec(c, 'equipmentLoss') && ex(c, 'terminationAllowed') === false,
  ],
  [
    'paymentAllocation',
    '`outcome`: `allocated`; `allocations`: `[{payment, bill, amount}]` (`payment` the index in `payments`)',
    (c) => dec(c, 'paymentAllocation') && Array.isArray(ex(c, 'allocations')) && ex(c, 'allocations').length > 0,
  ],
  [
    'paymentAllocation',
    'Payments, in date order, settle the bills in the order their due dates arrive',
    (c) =>
      dec(c, 'paymentAllocation') &&
      Array.isArray(fact(c, 'bills')) &&
      fact(c, 'bills').some((b, i, a) => i > 0 && String(b.dueDate) < String(a[i - 1].dueDate)) &&
      has(c, 'allocations'),
  ],
  [
    'paymentAllocation',
    '(ties: the order given)',
    (c) =>
      dec(c, 'paymentAllocation') &&
      Array.isArray(fact(c, 'bills')) &&
      new Set(fact(c, 'bills').map((b) => b.dueDate)).size < fact(c, 'bills').length &&
      (has(c, 'allocations') || has(c, 'bills')),
  ],
  [
    'paymentAllocation',
    'a payment spilling over to the next bill',
    (c) => dec(c, 'paymentAllocation') && Array.isArray(ex(c, 'allocations')) && ex(c, 'allocations').some((a, i, all) => all.some((b, j) => j !== i && b.payment === a.payment)),
  ],
  [
    'paymentAllocation',
    '`bills`: `[{id, paid, outstanding, settledDate}]` … in due-date order',
    (c) => dec(c, 'paymentAllocation') && Array.isArray(ex(c, 'bills')) && ex(c, 'bills').some((b) => 'settledDate' in b),
  ],
  [
    'paymentAllocation',
    '`bills`: `[{id, dueDate, amount}]`: `id` given no type, so a number is an id too, echoed as given',
    (c) =>
      dec(c, 'paymentAllocation') &&
      Array.isArray(fact(c, 'bills')) &&
      fact(c, 'bills').some((b) => typeof b?.id === 'number') &&
      Array.isArray(ex(c, 'bills')) &&
      ex(c, 'bills').some((b) => typeof b.id === 'number'),
  ],
  ['paymentAllocation', '`settledDate` … or null', (c) => dec(c, 'paymentAllocation') && Array.isArray(ex(c, 'bills')) && ex(c, 'bills').some((b) => b.settledDate === null)],
  ['paymentAllocation', '`unapplied`: yen paid beyond every bill', (c) => dec(c, 'paymentAllocation') && ex(c, 'unapplied') > 0],
  [
    'paymentAllocation',
    'payments of the same date apply in the order given',
    (c) =>
      dec(c, 'paymentAllocation') &&
      Array.isArray(fact(c, 'payments')) &&
      new Set(fact(c, 'payments').map((p) => p.date)).size < fact(c, 'payments').length &&
      has(c, 'allocations'),
  ],
  ['billingCorrection', '`collect` (the contractor owes the difference)', (c) => dec(c, 'billingCorrection') && ex(c, 'outcome') === 'collect' && has(c, 'difference')],
  ['billingCorrection', '`waived` (under-billed, but 別紙5 applies)', (c) => dec(c, 'billingCorrection') && ex(c, 'outcome') === 'waived' && has(c, 'difference')],
  ['billingCorrection', '`none` (nothing under-billed); `difference` 0', (c) => dec(c, 'billingCorrection') && ex(c, 'outcome') === 'none' && ex(c, 'difference') === 0],
  [
    'billingCorrection',
    '`collectionCostExcessive` default false',
    (c) => dec(c, 'billingCorrection') && !('collectionCostExcessive' in (c.facts ?? {})) && ex(c, 'outcome') === 'collect',
  ],
  ['Quotes', 'Every rule quotes the terms verbatim; a gap is marked `…`', { tests: ['test/unit/terms-quotes.test.ts'] }],
  ['Quotes', '`discretionary: true` where the clause says the company *may* act', (c) => ex(c, 'discretionary') === true],
  ['Quotes', "`discretionary: false` for a duty or a decision of the contractor's own", (c) => ex(c, 'discretionary') === false],
  ...OPTIONS.map((o) => [
    'Options',
    `option \`${o}\` charged`,
    (c) => dec(c, 'monthlyCharge') && optionCodes(c).includes(o) && (has(c, 'lines') || has(c, 'subtotal')) && ex(c, 'outcome') !== 'invalid',
  ]),
  ['Options', "`poe-injector`: price by the course's term", (c) => dec(c, 'monthlyCharge') && optionCodes(c).includes('poe-injector') && Array.isArray(ex(c, 'lines'))],
  [
    'Options',
    '`poe-injector`: M5525/M2035 SN courses only (else invalid naming it)',
    (c) => dec(c, 'monthlyCharge') && optionCodes(c).includes('poe-injector') && ex(c, 'outcome') === 'invalid',
  ],
  [
    'Options',
    '`pipe-mount`: one-time, first month only, price by camera model',
    (c) => dec(c, 'monthlyCharge') && optionCodes(c).includes('pipe-mount') && Array.isArray(ex(c, 'lines')),
  ],
  [
    'Options',
    '`pipe-mount`: M5525/M2035 courses only (else invalid naming it)',
    (c) => dec(c, 'monthlyCharge') && optionCodes(c).includes('pipe-mount') && ex(c, 'outcome') === 'invalid',
  ],
  [
    'Options',
    'An option that the course does not allow is an `invalid` outcome naming the option and the reason',
    errCase((c) => dec(c, 'monthlyCharge') && ex(c, 'errors').some((e) => /^\/facts\/options\/\d+/.test(String(e.path)))),
  ],
  ['Invalid input', 'A fact of the wrong type → `invalid` with `errors` `{path, message}`', errCase((c) => ex(c, 'errors').some((e) => /^\/facts\//.test(String(e.path))))],
  ['Invalid input', 'a missing required fact → `invalid`', errCase((c) => ex(c, 'errors').some((e) => /required|missing/i.test(String(e.message ?? '') + String(e.code ?? ''))))],
  ['Invalid input', 'an unknown decision → `invalid`', errPath(/^\/decision$/)],
  ['Invalid input', '`path` a JSON pointer into the case (`/facts/startDate`)', errPath(/^\/facts\/startDate$/)],
  ['Invalid input', 'pointer into nested facts (`/facts/bills/0/dueDate`, `/facts/options/1`)', errPath(/^\/facts\/\w+\/\d+/)],
  [
    'Invalid input',
    'A file that is not JSON is an error of the whole run (exit 2), naming the file and the position',
    { tests: ['test/unit/cli.test.ts › a file that is not JSON is an error of the whole run naming file and position; exit 2', 'test/unit/json-locate.test.ts'] },
  ],
  ...[
    ['partialMonthFee', 'full-month', 'daily-prorate', ['settlement', 'monthlyCharge']],
    ['monthsUsed', 'calendar-months', 'elapsed', ['settlement']],
    ['dailyRate', 'own-month', 'known-month', ['outageWaiver', 'damages', 'cancellation']],
    ['dailyRate', 'own-month', 'thirty-days', ['outageWaiver', 'damages', 'cancellation']],
    ['interestDayBasis', '365', 'actual', ['lateInterest']],
    ['businessDays', 'weekdays-less-holidays-and-year-end', null, ['cancellationNotice', 'cancellation']],
    ['noticeDeadline', 'fifth-business-day-before', null, ['cancellationNotice', 'cancellation']],
    ['partialOutage', 'billed', 'm-series-waive', ['outageWaiver']],
    ['initialFeeScope', 'group', 'printed-row', ['monthlyCharge']],
    ['freePeriod', 'calendar-months', 'from-start-date', ['settlement', 'monthlyCharge']],
    ['graceEndOnHoliday', 'none', 'civil-code-142', ['lateInterest']],
    ['grossNegligenceUnit', 'whole-hours', 'minutes', ['outageWaiver']],
    ['damagesAndWaiver', 'separate', 'offset', ['damages']],
    ['feesAfterPlannedEnd', 'late-return-charge', 'monthly-fee-until-return', ['cancellation']],
    ['lateReturnTax', 'taxed', 'untaxed', ['cancellation']],
  ].flatMap(([name, dflt, alt, decisions]) => {
    const rows = [
      ['Interpretations', `\`${name}\` default (\`${dflt}\`) listed in \`interpretations\` by ${decisions.join(', ')}`, (c) => decisions.some((d) => interpListed(d, name)(c))],
    ];
    if (alt)
      rows.push([
        'Interpretations',
        `\`${name}\` = \`${alt}\` changes the answer`,
        (c) =>
          decisions.includes(c.decision) &&
          interp(c, name, alt) &&
          Object.keys(c.expect).some((k) => !['outcome', 'interpretations', 'clauses', 'trace', 'errors'].includes(k)) &&
          ex(c, 'outcome') !== 'invalid',
      ]);
    return rows;
  }),
  ['Interpretations', 'an unknown interpretation name or value is `invalid` at `/interpretations/…`', errPath(/^\/interpretations\//)],
  ['Test runner', '`tariff test PATH...` runs every case that has `expect`', { tests: ['test/unit/cli.test.ts › passing cases end with "N passed, N failed" and exit 0'] }],
  [
    'Test runner',
    'prints one line per failing case (file, name, the first differing key with expected and actual)',
    { tests: ['test/unit/cli.test.ts › a failing case prints file, name, the first differing key with expected and actual; exit 1'] },
  ],
  ['Test runner', 'ends with the line `N passed, N failed`', { tests: ['test/unit/cli.test.ts › passing cases end with "N passed, N failed" and exit 0'] }],
  ['Test runner', 'Exit 0 when all pass, 1 when any fails, 2 when a file cannot be read', { tests: ['test/unit/cli.test.ts (exit 0, 1, 2: not JSON, not a case, missing path)'] }],
  [
    'Test runner',
    "`tariff decide FILE` prints each case's full output as JSON",
    {
      tests: [
        'test/unit/cli.test.ts › decide: prints the full output as JSON with clauses, trace and interpretations',
        'test/unit/cli.test.ts › decide: bad input is an invalid outcome with JSON pointers, never a crash',
      ],
    },
  ],
];

/**
 * A named test is there: its file exists and, when the name gives a title after `›` (an ellipsis
 * ending it cut short), the file holds that title. A renamed or deleted test unpins its sentence.
 */
const testExists = (named) => {
  const [file, title] = named.split(' › ');
  const at = path.join(ROOT, file.replace(/ \(.*\)$/, ''));
  if (!fs.existsSync(at)) return false;
  return title === undefined || fs.readFileSync(at, 'utf8').includes(title.replace(/…$/, '').trim());
};

const cases = loadCases();
const rows = SENTENCES.map(([section, sentence, p]) => {
  if (typeof p !== 'function') return { section, sentence, count: p.tests.filter(testExists).length, where: p.tests, acc7: 0 };
  const hits = cases.filter((c) => {
    try {
      return p(c);
    } catch {
      return false;
    }
  });
  const byFile = new Map();
  for (const h of hits) byFile.set(h.file, (byFile.get(h.file) ?? 0) + 1);
  const files = [...byFile.entries()].sort((a, b) => b[1] - a[1]);
  return {
    section,
    sentence,
    count: hits.length,
    where: files
      .slice(0, 3)
      .map(([f, n]) => `${f} (${n})`)
      .concat(files.length > 3 ? [`+${files.length - 3} more files`] : []),
    acc7: hits.filter((h) => h.file.startsWith('acceptance-7/')).length,
  };
});

const missing = rows.filter((r) => r.count === 0);
if (process.argv.includes('--check')) {
  for (const r of missing) console.log(`not pinned: [${r.section}] ${r.sentence}`);
  console.log(`${rows.length - missing.length} of ${rows.length} sentences pinned`);
  process.exit(missing.length ? 1 : 0);
}

const esc = (s) => s.replaceAll('|', '\\|');
const table = [
  '<!-- spec-coverage:start (generated by scripts/spec-coverage.mjs; edit outside these marks) -->',
  '',
  '| § | sentence | cases | acc7 | where |',
  '| --- | --- | ---: | ---: | --- |',
  ...rows.map((r) => `| ${r.section} | ${esc(r.sentence)} | ${r.count} | ${r.acc7} | ${esc(r.where.join('<br>'))} |`),
  '',
  `${rows.length - missing.length} of ${rows.length} sentences pinned (${cases.length} cases with \`expect\` read).`,
  '',
  '<!-- spec-coverage:end -->',
].join('\n');
const START = '<!-- spec-coverage:start';
const END = '<!-- spec-coverage:end -->';
const before = fs.existsSync(OUT) ? fs.readFileSync(OUT, 'utf8') : '';
const text =
  before.includes(START) && before.includes(END)
    ? before.slice(0, before.indexOf(START)) + table + before.slice(before.indexOf(END) + END.length)
    : `# Spec coverage\n\n${table}\n`;
// Formatted as `npm run lint` checks it (prettier aligns the table).
const prettier = await import('prettier');
fs.writeFileSync(OUT, await prettier.format(text, { ...(await prettier.resolveConfig(OUT)), filepath: OUT }));
console.log(`wrote ${path.relative(ROOT, OUT)}: ${rows.length - missing.length} of ${rows.length} sentences pinned`);
