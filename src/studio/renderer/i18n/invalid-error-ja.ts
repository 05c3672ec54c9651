import { CourseResolver } from '../../../engine/course-resolver.js';
import type { FieldError } from '../../../engine/errors.js';
import type { Output } from '../../../engine/output-types.js';
import { MAX_YEN } from '../../../engine/money.js';
import { inputFactLabel } from '../../../engine/review/fact-labels.js';
import { valueAtPointer } from '../../../engine/schema-errors.js';

/**
 * An `invalid` answer's error said in Japanese. The engine's message is English and stays so (the
 * CLI, the case files and the decision service print it as case-files.md has it); the studio says
 * it again from the error's structure: its `code` (the kind: FACT_TYPE, FACT_REQUIRED, RANGE, …),
 * its JSON pointer (which fact: the field's Japanese label, the form's own), the decision's facts
 * schema at that pointer (what to enter) and the facts sent (the value found). The message's text
 * is never parsed. A kind or a pointer not listed here is undefined: the page shows the engine's
 * own message.
 */
export type InvalidErrorJa = { label: string | null; text: string };

/** What the studio knows about the case that was answered. */
export type InvalidErrorContext = {
  decision: string;
  facts: unknown;
  asOf?: string;
  interpretations?: Record<string, string>;
  /** The decision's facts schema (the explorer's form has it); without it the kinds that need it are left to the engine's message. */
  schema?: object;
  /** The courses of the tariff answered from (the closest names to an unknown one). */
  courses?: readonly { code: string; name: string }[];
};

type Node = {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  properties?: Record<string, Node>;
  items?: Node;
  oneOf?: Node[];
};

/** The labels of the keys inside a list's entry (monthlyCharge's options, paymentAllocation's bills and payments). */
const ENTRY_KEY_JA: Record<string, Record<string, string>> = {
  options: { code: 'オプションコード', from: '利用を始めた月' },
  bills: { id: 'id', dueDate: '支払期日', amount: '税込額' },
  payments: { date: '支払日', amount: '額' },
};

const segmentsOf = (pointer: string): string[] =>
  pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/gu, '/').replace(/~0/gu, '~'));

const isIndex = (s: string | undefined): s is string => s !== undefined && /^\d+$/u.test(s);

/** The schema of the value at `segments` below the facts (a `oneOf` entry: the branch that has the next key). */
const schemaAt = (schema: object | undefined, segments: readonly string[]): Node | undefined => {
  let node = schema as Node | undefined;
  for (const s of segments) {
    if (!node) return undefined;
    const branches = node.oneOf ?? [node];
    node = branches.map((b) => (isIndex(s) && b.items ? b.items : b.properties?.[s])).find((n) => n !== undefined);
  }
  return node;
};

/** The field's label: a fact's as the form shows it, an entry of a list by its place, the case's own keys by name. */
function labelOf(pointer: string, decision: string): string | null {
  const [head, fact, index, key] = segmentsOf(pointer);
  if (head === 'asOf') return '基準日（asOf）';
  if (head === 'decision') return '判定';
  if (head === 'interpretations') return fact === undefined ? '名前付きの解釈' : `名前付きの解釈 ${fact}`;
  if (head !== 'facts') return null;
  if (fact === undefined) return 'ファクト';
  const label = inputFactLabel(decision, fact, 'ja');
  if (!isIndex(index)) return label;
  const entry = `${label}（${Number(index) + 1} 件目）`;
  return key === undefined ? entry : `${entry}の${ENTRY_KEY_JA[fact]?.[key] ?? key}`;
}

const shown = (v: unknown): string =>
  v === null ? '空（null）' : typeof v === 'string' ? `「${v}」` : Array.isArray(v) ? '一覧' : typeof v === 'object' ? 'オブジェクト' : `「${String(v)}」`;

const FORMAT_JA: Record<string, string> = {
  'iso-date': '日付（YYYY-MM-DD、例 2025-04-01）',
  'iso-month': '月（YYYY-MM、例 2025-04）',
  'iso-datetime': '日時（例 2025-03-10T09:00。時差を書かなければ日本時間）',
};

const typesOf = (n: Node): string[] => (n.oneOf ? n.oneOf.flatMap(typesOf) : n.type === undefined ? [] : Array.isArray(n.type) ? n.type : [n.type]);

/** What to enter where the schema says `n`: a date, a whole number of yen, true or false, one of a list… */
function expectedJa(n: Node, entryOf?: string): string | undefined {
  if (n.enum) return `${n.enum.map((v) => (v === null ? '空' : String(v))).join('、')} のいずれか`;
  const one = (t: string, node: Node): string | undefined => {
    switch (t) {
      case 'boolean':
        return 'true（はい）か false（いいえ）';
      case 'integer':
      case 'number': {
        const whole = t === 'integer' ? '整数' : '数';
        if (node.maximum === MAX_YEN) return `${node.minimum ?? 0} 以上の${whole}（円、${MAX_YEN.toLocaleString('ja-JP')}円まで）`;
        // A bound below 0 is no floor a writer keeps in mind (a bill's id: any number JSON writes exactly).
        return node.minimum === undefined || node.minimum < 0 ? whole : `${node.minimum} 以上の${whole}`;
      }
      case 'string':
        if (node.format !== undefined) return FORMAT_JA[node.format];
        return entryOf === 'options' ? 'オプションコード' : entryOf === 'course' ? 'コースコード、または別紙3表1 のとおりのコース名' : '空でない文字';
      case 'array':
        return entryOf === undefined ? '一覧（JSON の配列）' : undefined;
      case 'object':
        return entryOf === 'options' ? '{"code": オプションコード, "from": "YYYY-MM"}' : 'JSON のオブジェクト';
      case 'null':
        return '空（null）';
      default:
        return undefined;
    }
  };
  const branches = n.oneOf ?? [n];
  const said = branches.flatMap((b) => typesOf(b).map((t) => one(t, b)));
  return said.length === 0 || said.some((s) => s === undefined) ? undefined : [...new Set(said)].join('、または ');
}

const yenJa = (n: number): string => `${n.toLocaleString('ja-JP')}円`;
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** A RANGE error: two facts out of order, said by the pointer of the one the engine names and the values of both. */
function rangeJa(pointer: string, decision: string, facts: Record<string, unknown>): string | undefined {
  const [, fact, index, key] = segmentsOf(pointer);
  const f = (name: string) => str(facts[name]);
  const startDate = f('startDate');
  switch (fact) {
    case 'endDate':
      return `利用終了日（${f('endDate')}）が利用開始日（${startDate}）より前です。どちらかの日付を直してください。`;
    case 'month': {
      const month = f('month');
      if (startDate !== undefined && month !== undefined && month < startDate.slice(0, 7))
        return `請求月（${month}）が利用開始日（${startDate}）の月より前です。開始前の月には請求がありません。${startDate.slice(0, 7)} 以降の月を入力してください。`;
      return `請求月（${month}）が利用終了日（${f('endDate')}）より後です。${f('endDate')?.slice(0, 7)} までの月を入力してください。`;
    }
    case 'restoredAt':
      return `復旧した時刻（${f('restoredAt')}）が当社が知った時刻（${f('knownAt')}）より前です。入れ替えるか、時刻を直してください。`;
    case 'returnedDate':
      return `返還された日（${f('returnedDate')}）が申出日（${f('requestDate')}）より前です。どちらかの日付を直してください。`;
    case 'startDate': {
      const other = decision === 'cancellation' ? `申出日（${f('requestDate')}）` : `当社が知った日（${f('knownAt')?.slice(0, 10)}）`;
      return `利用開始日（${startDate}）が${other}より後です。契約が始まった日（その日以前）を入力してください。`;
    }
    case 'options': {
      if (key !== 'from' || !isIndex(index) || startDate === undefined) return undefined;
      const entry = valueAtPointer(facts, `/options/${index}`) as { code?: unknown; from?: unknown } | undefined;
      return `オプション「${str(entry?.code)}」を使い始めた月（${str(entry?.from)}）が契約の最初の月（${startDate.slice(0, 7)}）より前です。${startDate.slice(0, 7)} 以降の月を入力してください。`;
    }
    default:
      return undefined;
  }
}

/** The option code an option error points at (`/facts/options/2` or its `/code`). */
const optionCodeAt = (facts: unknown, pointer: string): string | undefined => {
  const [, , index] = segmentsOf(pointer);
  const entry = isIndex(index) ? valueAtPointer(facts, `/options/${index}`) : undefined;
  return typeof entry === 'string' ? entry : str((entry as { code?: unknown } | undefined)?.code);
};

/** The error in Japanese, or undefined when its kind (or where it points) is not one the studio says again. */
export function invalidErrorJa(e: FieldError, at: InvalidErrorContext): InvalidErrorJa | undefined {
  const segments = segmentsOf(e.path);
  const inFacts = segments[0] === 'facts';
  const value = valueAtPointer({ asOf: at.asOf, facts: at.facts, interpretations: at.interpretations }, e.path);
  const node = inFacts ? schemaAt(at.schema, segments.slice(1)) : undefined;
  // An entry of a list (an option, a bill) is said by the list it is in; a course fact as a course (the form's own reading, explorer-handlers' fieldOf).
  const entryOf = segments.length === 3 && isIndex(segments[2]) ? segments[1] : segments.length === 2 && ['course', 'from', 'to'].includes(segments[1]!) ? 'course' : undefined;
  const expected = node ? expectedJa(node, entryOf) : undefined;
  const label = labelOf(e.path, at.decision);
  const facts = (at.facts !== null && typeof at.facts === 'object' ? at.facts : {}) as Record<string, unknown>;
  const said = (text: string | undefined): InvalidErrorJa | undefined => (text === undefined ? undefined : { label, text });
  switch (e.code) {
    case 'FACT_TYPE':
    case 'FACT_FORMAT':
      // `/asOf` has no facts schema: the engine checks it as a calendar date.
      if (e.path === '/asOf') return said(`${shown(value)}は受け付けられません。${FORMAT_JA['iso-date']}を入力してください。`);
      return expected === undefined || !inFacts || segments.length === 1 ? undefined : said(`${shown(value)}は受け付けられません。${expected}を入力してください。`);
    case 'FACT_REQUIRED': {
      // A fact the schema leaves optional that the decision needs for the other facts given (equipmentLoss: the cost its event is paid at).
      const required = (at.schema as { required?: unknown } | undefined)?.required;
      const conditional = Array.isArray(required) && segments.length === 2 && !required.includes(segments[1]);
      const why = conditional ? 'ほかのファクトの値により、この項目が必要です。' : '';
      return said(expected === undefined ? `入力がありません。${why || 'この判定に必要な項目です。'}` : `入力がありません。${why}${expected}を入力してください。`);
    }
    case 'FACT_ADDITIONALPROPERTIES': {
      // A key inside an entry of a list (an option's {code, from}, a bill) is no fact of the decision: said as a key of that entry, with the keys it takes.
      if (inFacts && segments.length > 2) {
        const parent = schemaAt(at.schema, segments.slice(1, -1));
        const keys = parent ? (parent.oneOf ?? [parent]).flatMap((b) => Object.keys(b.properties ?? {})) : [];
        const names = keys.map((k) => `${ENTRY_KEY_JA[segments[1]!]?.[k] ?? k}（${k}）`).join('、');
        return {
          label: labelOf(`/${segments.slice(0, -1).join('/')}`, at.decision),
          text: `項目「${segments.at(-1)}」はここにはありません。${names ? `使える項目: ${names}。` : ''}削除するか、項目名の綴りを確かめてください。`,
        };
      }
      return { label: `項目「${segments.at(-1)}」`, text: 'この判定にはない項目です。削除するか、項目名の綴りを確かめてください。' };
    }
    case 'FACT_ENUM':
      return node?.enum ? said(`${shown(value)}は選べません。${expectedJa(node)}を選んでください。`) : undefined;
    case 'FACT_MINIMUM':
      return typeof node?.minimum === 'number' ? said(`${shown(value)}は小さすぎます。${node.minimum} 以上を入力してください。`) : undefined;
    case 'FACT_MAXIMUM':
      // A bill's id past 2^53 − 1: JSON rounds its last digits, so it is written as text instead.
      if (segments[1] === 'bills' && segments[3] === 'id')
        return said(`${shown(value)}は数としては長すぎます（末尾の桁が丸められます）。長い id は "…" で囲んで文字として入力してください。`);
      return typeof node?.maximum === 'number'
        ? said(
            `${shown(value)}は大きすぎます。${node.maximum === MAX_YEN ? `${yenJa(MAX_YEN)}（エンジンが受け付ける最大の額）` : node.maximum.toLocaleString('ja-JP')} 以下を入力してください。`,
          )
        : undefined;
    case 'FACT_MINLENGTH':
      return node?.minLength === 1 ? said('空にはできません。値を入力するか、任意の項目なら空欄のままにしてください。') : undefined;
    case 'FACT_UNIQUEITEMS':
      return said('同じものが二度挙がっています。一度だけにしてください。');
    case 'UNKNOWN_COURSE': {
      const v = str(value) ?? '';
      const closest = at.courses && at.courses.length > 0 ? new CourseResolver(at.courses).closest(v) : [];
      return said(
        `コース「${v}」は料金表にありません。コースコードか、別紙3表1 のとおりのコース名を入力してください。${closest.length ? `近いコース: ${closest.join('、')}` : ''}`,
      );
    }
    case 'UNKNOWN_OPTION':
      return said(`オプション「${optionCodeAt(at.facts, e.path)}」は料金表（別紙3表3）にありません。別紙3表3 のオプションコードを入力してください。`);
    case 'OPTION_NOT_ALLOWED':
      return said(`オプション「${optionCodeAt(at.facts, e.path)}」はこのコースでは選べません（別紙3表3）。オプションを外すか、コースを確かめてください。`);
    case 'DUPLICATE_OPTION':
      return said(`オプション「${optionCodeAt(at.facts, e.path)}」が二度挙がっています。各オプションは一度だけにしてください。`);
    case 'DUPLICATE_ID': {
      // 1 and "1" are one id (the engine's reading): said when the two are written differently.
      const bills = Array.isArray(facts.bills) ? (facts.bills as { id?: unknown }[]) : [];
      const other = bills.find((b, i) => i < Number(segments[2]) && String(b?.id) === String(value))?.id;
      const why = other !== undefined && typeof other !== typeof value ? '（数の 1 と文字の "1" のように、書き方が違っても同じ数字なら同じ id です）' : '';
      return said(`id ${shown(value)}がほかの請求と同じです${why}。請求ごとに別の id にしてください。`);
    }
    case 'RANGE':
      return inFacts ? said(rangeJa(e.path, at.decision, facts)) : undefined;
    case 'DATE_RANGE':
      return said('これらのファクトから求めた日付が、YYYY-MM-DD で書ける 0000〜9999 年の外になります。ケースの日付（と無料期間の月数）を確かめてください。');
    case 'AMOUNT_OUT_OF_RANGE':
      return said(`答えの金額が扱える範囲を超えます。金額のファクトはそれぞれ ${yenJa(MAX_YEN)} 以下にしてください。`);
    case 'NO_VERSION_IN_FORCE':
      return said(`基準日（${at.asOf}）に施行中の承認済みバージョンがありません。施行日以降の基準日にするか、バージョンを承認してください。`);
    case 'UNKNOWN_INTERPRETATION':
      return said('この名前の解釈はありません。一覧の解釈から選んでください。');
    case 'UNKNOWN_INTERPRETATION_VALUE':
      return said(`${shown(value)}はこの解釈の値ではありません。一覧の値から選んでください。`);
    case 'INTERNAL':
      return said('エンジンの内部エラーです。このケースを開発担当に報告してください。');
    default:
      return undefined;
  }
}

/**
 * A regression's case answered invalid: its decision, facts, asOf and interpretations as the page
 * has them (no schema: a draft cannot make a case's facts the wrong type, so the kinds that need
 * one do not arise there; if one did, it shows the engine's message).
 */
export const invalidAt = (o: Output, c: { facts?: Record<string, unknown>; interpretations?: Record<string, unknown> }): InvalidErrorContext => ({
  decision: String(o.decision),
  facts: c.facts ?? {},
  asOf: o.asOf,
  interpretations: Object.fromEntries(Object.entries(c.interpretations ?? {}).map(([k, v]) => [k, String(v)])),
});
