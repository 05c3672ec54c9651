// One-off provenance script: reads 別紙3表1 from the terms (../shared/seed) and writes
// tariffs/2023-09-19/courses.json. The committed JSON is the source of truth; this script
// documents where every figure came from and can be re-run to check it:
//   node scripts/extract-tariffs.mjs ../shared/seed/000_358c671d6db722b1.txt > /tmp/courses.json
import { readFileSync } from 'node:fs';

const text = readFileSync(process.argv[2], 'utf8');
const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l.startsWith('どこでも“me”REC') && l.includes('円／月'));
const yen = (s) => Number(s.replace(/,/g, ''));
const legacy = {
  'どこでも“me”REC 短期コース': { code: 'SHORT', kind: 'short', group: 'SHORT-LONG', policy: 'none', min: null },
  'どこでも“me”REC長期コース': { code: 'LONG', kind: 'long', group: 'SHORT-LONG', policy: 'remaining-of-12-months', min: 12 },
  'どこでも“me”REC短期コース 雲台セット': { code: 'SHORT-MOUNT', kind: 'short-mount', group: 'MOUNT', policy: 'none', min: null },
  'どこでも“me”REC長期コース 雲台セット': { code: 'LONG-MOUNT', kind: 'long-mount', group: 'MOUNT', policy: 'remaining-of-12-months', min: 12 },
  'どこでも“me”REC＋ 短期コース': { code: 'PLUS-SHORT', kind: 'plus-short', group: 'PLUS', policy: 'none', min: null },
  'どこでも“me”REC＋ 長期コース': { code: 'PLUS-LONG', kind: 'plus-long', group: 'PLUS', policy: 'remaining-of-12-months', min: 12 },
};
const terms = { '単月': ['1M', 1], '半年': ['6M', 6], '1年': ['1Y', 12], '2年': ['2Y', 24], '3年': ['3Y', 36], '5年': ['5Y', 60] };
const courses = [];
const groups = new Map();
for (const line of lines) {
  const m = line.match(/^(.*?)\s+(?:([\d,]+) 円\s+)?([\d,]+) 円／月$/);
  if (!m) throw new Error(`unparsed: ${line}`);
  const [, name, initial, monthly] = m;
  const base = { name, monthlyFee: yen(monthly) };
  let course;
  if (legacy[name]) {
    const l = legacy[name];
    course = { code: l.code, ...base, series: 'legacy', legacyKind: l.kind, model: null, sim: null, cloudDays: null,
      termMonths: null, initialFeeGroup: l.group, settlementPolicy: l.policy, minimumPeriodMonths: l.min };
  } else {
    const mm = name.match(/^どこでも“me”REC (M(5525|2035)[ND])・(単月|半年|1年|2年|3年|5年)コース・クラウド\s*([７7]|14|30)・(SN|S18)$/);
    if (!mm) throw new Error(`unparsed name: ${name}`);
    const [, model, series, termName, cloudRaw, sim] = mm;
    const cloudDays = cloudRaw === '７' ? 7 : Number(cloudRaw);
    const [termCode, termMonths] = terms[termName];
    course = { code: `${model}-${termCode}-C${cloudDays}-${sim}`, ...base, series: `M${series}`, legacyKind: null, model, sim, cloudDays,
      termMonths, initialFeeGroup: `${model}-${sim}`, settlementPolicy: termMonths === 1 ? 'none' : 'longest-satisfied-same-family',
      minimumPeriodMonths: null };
  }
  if (initial) {
    if (groups.has(course.initialFeeGroup)) throw new Error(`two initial fees for ${course.initialFeeGroup}`);
    groups.set(course.initialFeeGroup, { group: course.initialFeeGroup, amount: yen(initial), printedOn: course.code });
  }
  courses.push(course);
}
process.stdout.write(JSON.stringify({ courses, initialFeeGroups: [...groups.values()] }, null, 2) + '\n');
