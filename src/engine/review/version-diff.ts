import type { DecisionName, Interpretation, Parameter, RuleDoc, RuleVersion } from '../rule-types.js';
import { DECISIONS } from '../rule-types.js';
import type { TariffVersion } from '../tariff-types.js';

/**
 * Diffs of two versions, clause by clause: rules (added, removed, changed field by field),
 * rule parameters, interpretations, and tariffs (courses, options, policies, initial fees).
 * Pure data in, data out: the studio renders it side by side, the change notice exports it.
 */
export type FieldChange = { field: string; before: unknown; after: unknown };
export type RuleChange = { decision: DecisionName; id: string; clause: string; kind: 'added' | 'removed' | 'changed'; before?: RuleDoc; after?: RuleDoc; changes: FieldChange[] };
export type ParameterChange = { decision: DecisionName; name: string; clause: string; before?: Parameter; after?: Parameter };
export type InterpretationChange = { name: string; kind: 'added' | 'removed' | 'changed'; before?: Interpretation; after?: Interpretation; changes: FieldChange[] };
export type RowChange = {
  table: 'courses' | 'options' | 'policies' | 'initialFeeGroups' | 'existingContracts';
  key: string;
  label: string;
  kind: 'added' | 'removed' | 'changed';
  changes: FieldChange[];
};

export type RuleVersionDiff = { rules: RuleChange[]; parameters: ParameterChange[]; interpretations: InterpretationChange[] };

const same = (a: unknown, b: unknown): boolean => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));

/** JSON with object keys sorted, so key order never counts as a change. */
export const canonical = (v: unknown): unknown => {
  if (Array.isArray(v)) return v.map(canonical);
  if (v && typeof v === 'object')
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
    );
  return v;
};

const fieldChanges = (a: Record<string, unknown>, b: Record<string, unknown>): FieldChange[] => {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  return keys.filter((k) => !same(a[k], b[k])).map((field) => ({ field, before: a[field], after: b[field] }));
};

const keyed = <T>(rows: readonly T[], key: (t: T) => string): Map<string, T> => new Map(rows.map((r) => [key(r), r]));

function diffRows<T extends object>(table: RowChange['table'], a: readonly T[], b: readonly T[], key: (t: T) => string, label: (t: T) => string): RowChange[] {
  const before = keyed(a, key);
  const after = keyed(b, key);
  const out: RowChange[] = [];
  for (const [k, row] of before) {
    const next = after.get(k);
    if (!next) out.push({ table, key: k, label: label(row), kind: 'removed', changes: [] });
    else {
      const changes = fieldChanges(row as Record<string, unknown>, next as Record<string, unknown>);
      if (changes.length) out.push({ table, key: k, label: label(next), kind: 'changed', changes });
    }
  }
  for (const [k, row] of after) if (!before.has(k)) out.push({ table, key: k, label: label(row), kind: 'added', changes: fieldChanges({}, row as Record<string, unknown>) });
  return out;
}

export function diffRuleVersions(a: RuleVersion, b: RuleVersion): RuleVersionDiff {
  const rules: RuleChange[] = [];
  const parameters: ParameterChange[] = [];
  for (const d of DECISIONS) {
    const ra = keyed(a.decisions[d]?.rules ?? [], (r) => r.id);
    const rb = keyed(b.decisions[d]?.rules ?? [], (r) => r.id);
    for (const [id, r] of ra) {
      const n = rb.get(id);
      if (!n) rules.push({ decision: d, id, clause: r.clause, kind: 'removed', before: r, changes: [] });
      else {
        const changes = fieldChanges(r as unknown as Record<string, unknown>, n as unknown as Record<string, unknown>);
        if (changes.length) rules.push({ decision: d, id, clause: n.clause, kind: 'changed', before: r, after: n, changes });
      }
    }
    for (const [id, r] of rb) if (!ra.has(id)) rules.push({ decision: d, id, clause: r.clause, kind: 'added', after: r, changes: [] });
    const pa = a.decisions[d]?.parameters ?? {};
    const pb = b.decisions[d]?.parameters ?? {};
    for (const name of new Set([...Object.keys(pa), ...Object.keys(pb)]))
      if (!same(pa[name], pb[name])) parameters.push({ decision: d, name, clause: (pb[name] ?? pa[name])!.clause, before: pa[name], after: pb[name] });
  }
  const interpretations: InterpretationChange[] = [];
  const ia = keyed(a.interpretations, (i) => i.name);
  const ib = keyed(b.interpretations, (i) => i.name);
  for (const [name, i] of ia) {
    const n = ib.get(name);
    if (!n) interpretations.push({ name, kind: 'removed', before: i, changes: [] });
    else {
      const changes = fieldChanges(i as unknown as Record<string, unknown>, n as unknown as Record<string, unknown>);
      if (changes.length) interpretations.push({ name, kind: 'changed', before: i, after: n, changes });
    }
  }
  for (const [name, i] of ib) if (!ia.has(name)) interpretations.push({ name, kind: 'added', after: i, changes: [] });
  return { rules, parameters, interpretations };
}

export function diffTariffVersions(a: TariffVersion, b: TariffVersion): RowChange[] {
  return [
    ...diffRows(
      'courses',
      a.courses,
      b.courses,
      (c) => c.code,
      (c) => c.name,
    ),
    ...diffRows(
      'options',
      a.options,
      b.options,
      (o) => o.code,
      (o) => o.name,
    ),
    ...diffRows(
      'policies',
      a.policies,
      b.policies,
      (p) => p.id,
      (p) => p.text,
    ),
    ...diffRows(
      'initialFeeGroups',
      a.initialFeeGroups,
      b.initialFeeGroups,
      (g) => g.group,
      (g) => g.group,
    ),
    // How the version applies to contracts started before it (ExistingContracts): one row at most.
    ...diffRows(
      'existingContracts',
      a.existingContracts ? [a.existingContracts] : [],
      b.existingContracts ? [b.existingContracts] : [],
      () => 'existingContracts',
      (e) => `${e.policy} (${e.clause})`,
    ),
  ];
}

/** A citation's place in the terms: articles in number order (第9条 before 第27条), then the appendices (別紙), then anything else; within one, its 項, 号 and 表 in number order. */
const clausePlace = (clause: string): number[] => {
  const m = /^(?:第(\d+)条|別紙(\d+))/u.exec(clause);
  const part = m?.[1] !== undefined ? 0 : m?.[2] !== undefined ? 1 : 2;
  return [part, Number(m?.[1] ?? m?.[2] ?? 0), ...[...clause.slice(m?.[0].length ?? 0).matchAll(/\d+/gu)].map((n) => Number(n[0]))];
};

/** Orders citations as the terms print them, not as strings sort them (which puts 第27条 before 第9条). */
export const compareClauses = (a: string, b: string): number => {
  const pa = clausePlace(a);
  const pb = clausePlace(b);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? -1) - (pb[i] ?? -1);
    if (d !== 0) return d;
  }
  return a < b ? -1 : a > b ? 1 : 0;
};

/** The clauses a rule diff touches, for a change notice (第2条): its rules', parameters' and interpretations', in the terms' order. */
export const changedClauses = (d: RuleVersionDiff): string[] =>
  [...new Set([...d.rules.map((r) => r.clause), ...d.parameters.map((p) => p.clause), ...d.interpretations.flatMap((i) => (i.after ?? i.before)!.clauses)])].sort(compareClauses);
