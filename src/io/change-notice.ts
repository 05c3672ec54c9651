import ExcelJS from 'exceljs';
import { clauseText } from '../engine/review/clause-text.js';
import { fieldLabelJa, INTERPRETATION_FIELD_LABELS_JA, RULE_FIELD_LABELS_JA } from '../engine/review/event-labels.js';
import { PARAMETER_TEXTS, parameterValueText } from '../engine/review/parameter-texts.js';
import { RULE_TITLES } from '../engine/review/rule-titles.js';
import type { Interpretation, RuleVersion } from '../engine/rule-types.js';
import type { TariffVersion } from '../engine/tariff-types.js';
import type { TableId } from '../tariff-model/table-id.js';
import { columnOf, TABLES } from '../tariff-model/tariff-tables.js';
import {
  changedClauses,
  diffRuleVersions,
  diffTariffVersions,
  type InterpretationChange,
  type ParameterChange,
  type RowChange,
  type RuleChange,
} from '../engine/review/version-diff.js';

/**
 * The notice of a change to the terms (第2条第2項: 本規約を変更する旨及び変更後の規約の内容並びに
 * 効力発生時期を…周知します): for a new version, its effective date, the clauses it changes (with
 * the text of each) and the prices it changes, as Markdown and as an Excel workbook.
 */
export type NoticeInput = {
  effective: string;
  before: { rules: RuleVersion; tariff: TariffVersion };
  after: { rules: RuleVersion; tariff: TariffVersion };
  terms: string;
};

export type Notice = {
  effective: string;
  clauses: { clause: string; text: string; changes: string[] }[];
  prices: { table: string; key: string; label: string; kind: string; field: string; before: unknown; after: unknown }[];
  /** What the new version says of contracts started before it (ExistingContracts), when it says anything. */
  existingContracts?: { policy: 'new-price' | 'keep-price'; clause: string };
  /** The workspace audit head the notice was made at (an anchor: `tariff audit verify --since-anchor`). Absent for a notice made from folders. */
  audit?: { entries: number; head: string };
};

/** The notice is in Japanese: what happened to a rule or an interpretation, and the names of its fields (`../engine/review/event-labels.ts`; a field not listed keeps its name). */
const KIND_JA = { added: '追加', removed: '削除', changed: '変更' } as const;

const show = (v: unknown): string => (v === undefined ? '—' : typeof v === 'number' ? v.toLocaleString('ja-JP') : typeof v === 'string' ? v : JSON.stringify(v));

/** Every value of an interpretation with its description and aliases, in value order: the same for a version that only chose another default. */
const valuesOf = (i: Interpretation) =>
  [
    { value: i.default, description: i.defaultDescription, aliases: i.defaultAliases ?? [] },
    ...i.alternatives.map((a) => ({ value: a.value, description: a.description, aliases: a.aliases ?? [] })),
  ].sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));

/**
 * The changes of an interpretation a notice lists. Choosing another default moves the default's
 * description and aliases into the alternatives and back: that is one change, the default, and the
 * notice says only that. Any other change is listed field by field, the alternatives by value.
 */
function interpretationChanges(i: InterpretationChange): InterpretationChange['changes'] {
  if (i.kind !== 'changed' || !i.before || !i.after) return i.changes;
  const onlyDefault = JSON.stringify(valuesOf(i.before)) === JSON.stringify(valuesOf(i.after));
  return onlyDefault ? i.changes.filter((c) => c.field === 'default') : i.changes;
}

/**
 * A changed parameter by its name in Japanese, its code beside it (`延滞利息の年率（lateInterest.annualRatePercent）`):
 * the catalog's Japanese while the parameter's own description is still the English it translates,
 * else the description as written (a draft re-described it), else the code alone.
 */
export const parameterNameJa = (p: ParameterChange): string => {
  const key = `${p.decision}.${p.name}`;
  const own = (p.after ?? p.before)?.description;
  const entry = Object.hasOwn(PARAMETER_TEXTS, key) ? PARAMETER_TEXTS[key] : undefined;
  const name = entry && (own === undefined || own === entry.en) ? entry.ja : own;
  return name ? `${name}（${key}）` : key;
};

/**
 * A changed rule by its title in Japanese, its id beside it (`ルール「本サービスを提供することが技術上著しく困難」（approval/technically-infeasible）`):
 * the catalog's Japanese while the rule's own title is still the English it translates, else its title as
 * written (a draft retitled it or authored it), the title of the version that has the rule (the new one when both do).
 */
export const ruleNameJa = (r: RuleChange): string => {
  const own = (r.after ?? r.before)!.name;
  const entry = Object.hasOwn(RULE_TITLES, r.id) ? RULE_TITLES[r.id] : undefined;
  return `ルール「${entry && own === entry.en ? entry.ja : own}」（${r.id}）`;
};

/** The notice's tables as the tariff workbook names its sheets (`表1 コース`), a table the workbook does not have by its code. */
const TABLE_OF: Record<string, TableId> = { courses: 'courses', options: 'options', initialFeeGroups: 'initialFees', policies: 'policies', existingContracts: 'existingContracts' };
const tableJa = (table: string): string => (Object.hasOwn(TABLE_OF, table) ? TABLES[TABLE_OF[table]!].sheet : table);
/** A changed price's column in Japanese as the tariff page heads it (`月額料金（円）`); a row added or removed is `行`. */
const fieldJa = (table: string, field: string): string =>
  field === '(row)' ? '行' : ((Object.hasOwn(TABLE_OF, table) ? columnOf(TABLE_OF[table]!, field)?.ja : undefined) ?? field);

const showField = (field: string, v: unknown): string =>
  field === 'alternatives' && Array.isArray(v) ? v.map((a) => String((a as { value?: unknown }).value)).join('、') : show(v);

export function buildNotice(input: NoticeInput): Notice {
  const rd = diffRuleVersions(input.before.rules, input.after.rules);
  const clauses = changedClauses(rd).map((clause) => ({
    clause,
    text: clauseText(input.terms, clause) ?? '',
    changes: [
      ...rd.rules
        .filter((r) => r.clause === clause)
        .map((r) => `${ruleNameJa(r)}を${KIND_JA[r.kind]}${r.changes.length ? `（${r.changes.map((c) => fieldLabelJa(RULE_FIELD_LABELS_JA, c.field)).join('、')}）` : ''}`),
      ...rd.parameters
        .filter((p) => p.clause === clause)
        .map(
          (p) =>
            `${parameterNameJa(p)}: ${parameterValueText(`${p.decision}.${p.name}`, p.before?.value, 'ja', p.before?.unit)} → ${parameterValueText(`${p.decision}.${p.name}`, p.after?.value, 'ja', p.after?.unit)}`,
        ),
      ...rd.interpretations
        .filter((i) => (i.after ?? i.before)!.clauses.includes(clause))
        .map((i) => {
          const changes = interpretationChanges(i);
          return `解釈 ${i.name} を${KIND_JA[i.kind]}${changes.length ? `：${changes.map((c) => `${fieldLabelJa(INTERPRETATION_FIELD_LABELS_JA, c.field)} ${showField(c.field, c.before)} → ${showField(c.field, c.after)}`).join('；')}` : ''}`;
        }),
    ],
  }));
  const prices = diffTariffVersions(input.before.tariff, input.after.tariff).flatMap((r: RowChange) =>
    (r.kind === 'changed' ? r.changes : [{ field: '(row)', before: r.kind === 'removed' ? r.label : undefined, after: r.kind === 'added' ? r.label : undefined }]).map((c) => ({
      table: r.table,
      key: r.key,
      label: r.label,
      kind: r.kind,
      field: c.field,
      before: c.before,
      after: c.after,
    })),
  );
  const existing = input.after.tariff.existingContracts;
  return { effective: input.effective, clauses, prices, ...(existing ? { existingContracts: { policy: existing.policy, clause: existing.clause } } : {}) };
}

/** The notice's sentence on existing contracts (ExistingContracts), in Japanese. */
export const existingContractsText = (n: Notice): string | undefined =>
  n.existingContracts
    ? `${n.effective} より前に開始した契約には、${n.existingContracts.policy === 'keep-price' ? '契約開始日に適用されていた料金を引き続き適用します' : '変更後の料金を適用します'}（${n.existingContracts.clause}）。`
    : undefined;

export function noticeMarkdown(n: Notice): string {
  const lines = [
    `# 利用規約変更のお知らせ（${n.effective} 施行）`,
    '',
    `どこでも“me”REC サービス利用規約を変更します。変更後の規約は ${n.effective} から効力を生じます（第2条第2項）。`,
    '',
    '## 変更する条項',
    '',
  ];
  if (!n.clauses.length) lines.push('条項の変更はありません。', '');
  for (const c of n.clauses) lines.push(`### ${c.clause}`, '', ...c.text.split('\n').map((l) => `> ${l}`), '', ...c.changes.map((x) => `- ${x}`), '');
  const existing = existingContractsText(n);
  if (existing) lines.push('## 既存の契約への適用', '', existing, '');
  lines.push('## 変更する料金', '');
  if (!n.prices.length) lines.push('料金の変更はありません。');
  else {
    lines.push('| 表 | コード | 名称 | 項目 | 変更前 | 変更後 |', '| --- | --- | --- | --- | ---: | ---: |');
    for (const p of n.prices) lines.push(`| ${tableJa(p.table)} | ${p.key} | ${p.label} | ${fieldJa(p.table, p.field)} | ${show(p.before)} | ${show(p.after)} |`);
  }
  if (n.audit)
    lines.push(
      '',
      '## 監査ログ（作成時点）',
      '',
      `- 記録数: ${n.audit.entries}`,
      `- 先頭ハッシュ: \`${n.audit.head}\``,
      '',
      '`tariff audit verify --workspace FILE --expect-head <先頭ハッシュ>` で、ワークスペースの監査ログがこの時点から改ざんされていないことを確認できます。',
    );
  return `${lines.join('\n')}\n`;
}

export async function noticeWorkbook(n: Notice): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Tariff Studio';
  const about = wb.addWorksheet('概要');
  about.columns = [{ width: 18 }, { width: 60 }];
  about.addRows([
    ['施行日', n.effective],
    ['変更条項数', n.clauses.length],
    ['料金変更数', n.prices.length],
    ['根拠', '第2条第2項（変更の周知）'],
    ...(existingContractsText(n) ? [['既存の契約', existingContractsText(n)!]] : []),
    ...(n.audit
      ? [
          ['監査ログ記録数', n.audit.entries],
          ['監査ログ先頭ハッシュ', n.audit.head],
        ]
      : []),
  ]);
  const clauses = wb.addWorksheet('変更条項', { views: [{ state: 'frozen', ySplit: 1 }] });
  clauses.columns = [
    { header: '条項', key: 'clause', width: 16 },
    { header: '変更内容', key: 'changes', width: 60 },
    { header: '条文', key: 'text', width: 100 },
  ];
  for (const c of n.clauses) clauses.addRow({ clause: c.clause, changes: c.changes.join('\n'), text: c.text }).alignment = { wrapText: true, vertical: 'top' };
  clauses.getRow(1).font = { bold: true };
  const prices = wb.addWorksheet('変更料金', { views: [{ state: 'frozen', ySplit: 1 }] });
  prices.columns = [
    { header: '表', key: 'table', width: 14 },
    { header: 'コード', key: 'key', width: 22 },
    { header: '名称', key: 'label', width: 56 },
    { header: '項目', key: 'field', width: 16 },
    { header: '変更前', key: 'before', width: 14, style: { numFmt: '#,##0"円"' } },
    { header: '変更後', key: 'after', width: 14, style: { numFmt: '#,##0"円"' } },
  ];
  for (const p of n.prices)
    prices.addRow({
      ...p,
      table: tableJa(p.table),
      field: fieldJa(p.table, p.field),
      before: typeof p.before === 'number' ? p.before : show(p.before),
      after: typeof p.after === 'number' ? p.after : show(p.after),
    });
  prices.getRow(1).font = { bold: true };
  if (n.prices.length) prices.autoFilter = { from: 'A1', to: `F${n.prices.length + 1}` };
  return wb;
}
