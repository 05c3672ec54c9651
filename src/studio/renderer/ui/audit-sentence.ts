import { AUDIT_FIELDS, AUDIT_SENTENCES, AUDIT_TARGETS, AUDIT_WORDS } from '../i18n/audit-messages.js';
import { PARAMETER_TEXTS, INTERPRETATION_TEXTS } from '../i18n/rule-text-messages.js';
import { ruleTitle } from '../i18n/rule-texts.js';
import { en, ja, type MessageKey } from '../i18n/messages.js';
import { tokyoTime } from './tokyo-time.js';
import { parameterValueText } from '../../../engine/review/parameter-texts.js';
import { PARAMETER_UNITS, type ParameterUnit } from '../../../engine/rule-types.js';
import { INTERPRETATION_FIELD_LABELS_JA, RULE_FIELD_LABELS_JA } from '../../../engine/review/event-labels.js';
import { TABLES } from '../../../tariff-model/tariff-tables.js';
import { TABLE_IDS, type TableId } from '../../../tariff-model/table-id.js';

type Lang = 'ja' | 'en';
type Entry = { at: string; actor: string; action: string; target: string; before: unknown; after: unknown };

/**
 * An audit entry as a reader wants it: one sentence (when, in Japan time; who; what; to which
 * version) and, for an edit, what changed from what to what, each field by its label. The raw
 * before/after stay with the entry (the page folds them under the sentence).
 */
export type AuditText = { sentence: string; changes: string[]; known: boolean };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const fill = (text: string, vars: Record<string, string | number>): string => text.replace(/\{(\w+)\}/gu, (m, k: string) => (k in vars ? String(vars[k]) : m));
/** `record[key]` when the record has it as its own. */
const own = <T>(record: Record<string, T>, key: string): T | undefined => (Object.hasOwn(record, key) ? record[key] : undefined);
const message = (key: string, lang: Lang): string | null => (Object.hasOwn(ja, key) ? (lang === 'ja' ? ja : en)[key as MessageKey] : null);

/** Whether the catalogs give every action a sentence in both languages (the unit test's check). */
export const hasSentence = (action: string): boolean => {
  const s = own(AUDIT_SENTENCES, action);
  return s !== undefined && s.ja !== '' && s.en !== '';
};

/** The effective date of a version by its target (`rule:12`), from the version lists the page holds. */
export type EffectiveOf = (target: string) => string | undefined;

/** What an entry is about, in words: `ルールのバージョン #2（施行日 2025-04-01）`, `シナリオ #3「…」`, the target as stored when no catalog names its kind. */
export function targetText(e: Entry, lang: Lang, effectiveOf?: EffectiveOf): string {
  const m = /^([a-z]+):(.+)$/u.exec(e.target);
  const kind = m?.[1] ?? e.target;
  const entry = own(AUDIT_TARGETS, kind);
  if (!entry) return e.target;
  let text = fill(entry[lang], { id: m?.[2] ?? '' });
  const side = [e.after, e.before].find((s) => isObject(s) && typeof s.effective === 'string') as Record<string, unknown> | undefined;
  const effective = effectiveOf?.(e.target) ?? (side ? String(side.effective) : undefined);
  if ((kind === 'rule' || kind === 'tariff') && effective !== undefined) text += fill(AUDIT_WORDS[lang].effective, { date: effective });
  if (kind === 'scenario') {
    const named = [e.after, e.before].find((s) => isObject(s) && typeof s.name === 'string') as Record<string, unknown> | undefined;
    if (named) text += lang === 'ja' ? `「${String(named.name)}」` : ` “${String(named.name)}”`;
  }
  return text;
}

const quoted = (s: string, lang: Lang) => (lang === 'ja' ? `「${s}」` : `“${s}”`);

/** What an edit is about: the rule by its title (from the catalog), the parameter or interpretation by its Japanese name. */
function subjectText(e: Entry, lang: Lang): string {
  const sides = [e.after, e.before].filter(isObject);
  const rule = sides.map((s) => s.rule).find(isObject);
  if (rule && typeof rule.id === 'string') return quoted(ruleTitle({ id: rule.id, name: typeof rule.name === 'string' ? rule.name : rule.id }, lang), lang);
  const ruleId = sides.map((s) => s.ruleId).find((x): x is string => typeof x === 'string');
  if (ruleId) return quoted(ruleTitle({ id: ruleId, name: ruleId }, lang), lang);
  const side = sides[0];
  if (!side) return '';
  if (typeof side.decision === 'string' && typeof side.name === 'string') {
    const key = `${side.decision}.${side.name}`;
    return quoted(own(PARAMETER_TEXTS, key)?.[lang] ?? side.name, lang);
  }
  if (typeof side.name === 'string') {
    const label = message(`interp.${side.name}`, lang) ?? own(INTERPRETATION_TEXTS, side.name)?.[lang] ?? side.name;
    return quoted(label, lang);
  }
  return '';
}

function leaves(v: Record<string, unknown>, prefix: string, out: Map<string, unknown>): Map<string, unknown> {
  for (const [k, x] of Object.entries(v)) {
    const path = prefix ? `${prefix}.${k}` : k;
    // A rule's conditions and an event's params are one field each: a reader compares them as wholes.
    if (isObject(x) && Object.keys(x).length > 0 && !/(^|\.)(conditions|params)$/u.test(path)) leaves(x, path, out);
    else out.set(path, x);
  }
  return out;
}

/** A field's label, or null for a field no catalog names (counted, left to the JSON). */
function label(path: string, lang: Lang): string | null {
  // A rule's and an interpretation's fields by the words the diff and the rule sentences use (event-labels.ts).
  const [head, field = ''] = path.split('.', 2);
  if (lang === 'ja' && path.split('.').length === 2) {
    const shared = head === 'rule' ? own(RULE_FIELD_LABELS_JA, field) : head === 'interpretation' ? own(INTERPRETATION_FIELD_LABELS_JA, field) : undefined;
    if (shared !== undefined) return shared;
  }
  const exact = own(AUDIT_FIELDS, path);
  if (exact) return exact[lang];
  const last = path.split('.').pop() ?? path;
  return path.startsWith('replaces.') ? null : (own(AUDIT_FIELDS, last)?.[lang] ?? null);
}

function valueText(path: string, v: unknown, lang: Lang): string {
  const w = AUDIT_WORDS[lang];
  if (v === null || v === undefined) return w.none;
  if (typeof v === 'boolean') return v ? w.yes : w.no;
  if (typeof v === 'number') return v.toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-US');
  if (typeof v === 'string') {
    const last = path.split('.').pop();
    if (last === 'status') return message(`status.${v}`, lang) ?? v;
    if (last === 'role') return message(`role.${v}`, lang) ?? v;
    if (/At$|Until$/u.test(last ?? '')) return tokyoTime(v);
    if (/^-?\d+(\.\d+)?$|^\d{4}-\d\d-\d\d$/u.test(v)) return v;
    return quoted(v, lang);
  }
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v.join(lang === 'ja' ? '、' : ', ') || w.none;
  return w.structured;
}

/** The fields that differ between before and after, each as `label: before → after`. */
function changesOf(before: unknown, after: unknown, lang: Lang): string[] {
  // A rule's title as the rule list shows it: the catalog's Japanese for the shipped English, an edited title as written.
  const ruleId = [after, before]
    .filter(isObject)
    .map((s) => s.rule)
    .find(isObject)?.id;
  // A parameter's value with its unit (14.6％ → 14.0％), as the diff and the change notice show it.
  const parameterKey = [after, before].filter(isObject).find((x) => typeof x.decision === 'string' && typeof x.name === 'string');
  // The unit its file declares (a parameter a draft added), when the catalog has none.
  const declared = [after, before]
    .filter(isObject)
    .map((s) => s.parameter)
    .filter(isObject)
    .map((x) => x.unit)
    .find((u): u is ParameterUnit => typeof u === 'string' && (PARAMETER_UNITS as readonly string[]).includes(u));
  const shown = (path: string, v: unknown) =>
    path === 'rule.name' && typeof ruleId === 'string' && typeof v === 'string'
      ? quoted(ruleTitle({ id: ruleId, name: v }, lang), lang)
      : path === 'parameter.value' && parameterKey && v !== null && v !== undefined
        ? parameterValueText(`${String(parameterKey.decision)}.${String(parameterKey.name)}`, v, lang, declared)
        : valueText(path, v, lang);
  const w = AUDIT_WORDS[lang];
  if (Array.isArray(before) || Array.isArray(after)) {
    const n = Math.max(Array.isArray(before) ? before.length : 0, Array.isArray(after) ? after.length : 0);
    return n ? [fill(w.cells, { n })] : [];
  }
  const b = isObject(before) ? leaves(before, '', new Map()) : new Map<string, unknown>();
  const a = isObject(after) ? leaves(after, '', new Map()) : new Map<string, unknown>();
  const out: string[] = [];
  let unnamed = 0;
  for (const path of new Set([...b.keys(), ...a.keys()])) {
    if (JSON.stringify(b.get(path)) === JSON.stringify(a.get(path))) continue;
    // The rule id of an added/deleted rule is its subject already; `from` and `rule: null` say nothing more.
    if (path === 'from' || path === 'rule') continue;
    const l = label(path, lang);
    if (l === null) {
      unnamed++;
      continue;
    }
    if (!b.has(path)) out.push(fill(w.set, { label: l, after: shown(path, a.get(path)) }));
    else if (!a.has(path)) out.push(fill(w.removed, { label: l, before: shown(path, b.get(path)) }));
    else out.push(fill(w.change, { label: l, before: shown(path, b.get(path)), after: shown(path, a.get(path)) }));
  }
  if (unnamed) out.push(fill(w.more, { n: unnamed }));
  return out;
}

/** The most cell lines an entry lists; the rest are counted (the JSON holds them all). */
export const TARIFF_LINES_SHOWN = 30;

const isTable = (t: unknown): t is TableId => typeof t === 'string' && (TABLE_IDS as readonly string[]).includes(t);

/** A tariff cell's value as the grid shows it: yen and numbers with separators, blank as blank, lists joined. */
function cellValueText(table: TableId, field: string | null, v: unknown, lang: Lang): string {
  const w = AUDIT_WORDS[lang];
  if (v === null || v === undefined || v === '') return w.blank;
  const col = TABLES[table].columns.find((c) => c.key === field);
  if (typeof v === 'number') {
    const n = v.toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-US');
    return col?.kind === 'yen' ? fill(w.yen, { n }) : n;
  }
  if (Array.isArray(v)) return v.map(String).join(lang === 'ja' ? '、' : ', ');
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/**
 * A tariff edit, cell by cell: which table (as its sheet is named), which row (its key: the course
 * or option code…), which column, from what to what; a row added or removed says so. The cells are
 * the entry's after side (each with its table, key, column, value and kind of change) paired with
 * its before side. An entry written before the cells were kept whole holds each change as the line
 * `表1 コース M5525N-1M-C7-SN 月額料金（円）: 14080 → 15000` on its after side: shown as written.
 * Null when the entry holds no such list.
 */
export function tariffCellLines(before: unknown, after: unknown, lang: Lang): string[] | null {
  if (!Array.isArray(after) || after.length === 0) return null;
  const w = AUDIT_WORDS[lang];
  const olds = (Array.isArray(before) ? before : isObject(before) && Array.isArray(before.cells) ? before.cells : []) as unknown[];
  const lines: string[] = [];
  for (const item of after) {
    if (typeof item === 'string') {
      lines.push(item);
      continue;
    }
    if (!isObject(item) || !isTable(item.table) || typeof item.key !== 'string') return null;
    const table = TABLES[item.table];
    const field = typeof item.field === 'string' ? item.field : null;
    const row = fill(w.row, { table: lang === 'ja' ? table.sheet : table.en, key: item.key });
    if (item.change === 'added' || item.change === 'removed') {
      lines.push(`${row}: ${item.change === 'added' ? w.rowAdded : w.rowRemoved}`);
      continue;
    }
    const col = table.columns.find((c) => c.key === field);
    const old = olds.find((b): b is Record<string, unknown> => isObject(b) && b.table === item.table && b.key === item.key && b.field === field);
    lines.push(
      fill(w.cell, {
        row,
        column: col ? col[lang] : (field ?? ''),
        before: cellValueText(item.table, field, old?.value, lang),
        after: cellValueText(item.table, field, item.value, lang),
      }),
    );
  }
  if (lines.length <= TARIFF_LINES_SHOWN) return lines;
  return [...lines.slice(0, TARIFF_LINES_SHOWN), fill(w.moreCells, { n: lines.length - TARIFF_LINES_SHOWN })];
}

/** A new draft: the version it starts from (its id, date and status then), and its own date and title. */
function createdFrom(e: Entry, lang: Lang): string[] {
  const b = isObject(e.before) ? e.before : {};
  const a = isObject(e.after) ? e.after : {};
  const w = AUDIT_WORDS[lang];
  const out: string[] = [];
  if (b.version !== undefined)
    out.push(
      fill(w.set, {
        label: AUDIT_FIELDS.version![lang],
        after: `#${String(b.version)}${typeof b.effective === 'string' ? fill(w.effective, { date: b.effective }) : ''}${typeof b.status === 'string' ? `${lang === 'ja' ? '・' : ', '}${valueText('status', b.status, lang)}` : ''}`,
      }),
    );
  if (typeof a.effective === 'string') out.push(fill(w.set, { label: AUDIT_FIELDS.effective![lang], after: a.effective }));
  if (typeof a.title === 'string') out.push(fill(w.set, { label: AUDIT_FIELDS.title![lang], after: quoted(a.title, lang) }));
  return out;
}

export function auditSentence(e: Entry, lang: Lang, effectiveOf?: EffectiveOf): AuditText {
  const known = own(AUDIT_SENTENCES, e.action);
  const template = known ? known[lang] : `{actor}: ${e.action} {target}`;
  const sentence =
    fill(AUDIT_WORDS[lang].at, { at: tokyoTime(e.at) }) + fill(template, { actor: e.actor, target: targetText(e, lang, effectiveOf), subject: subjectText(e, lang) });
  // A rule added or deleted: the change is the rule itself, named in the sentence.
  const cells = e.action.startsWith('tariff.draft.') ? tariffCellLines(e.before, e.after, lang) : null;
  const changes =
    e.action === 'rule.added' || e.action === 'rule.deleted' ? [] : e.action.endsWith('.draft.created') ? createdFrom(e, lang) : (cells ?? changesOf(e.before, e.after, lang));
  return { sentence, changes, known: known !== undefined };
}
