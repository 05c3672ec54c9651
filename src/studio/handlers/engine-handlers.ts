import { daysInMonth, monthIndex, monthLabel } from '../../engine/dates.js';
import { decideFast, DECISION_DEFS } from '../../engine/decide.js';
import type { Output } from '../../engine/output-types.js';
import { Registry } from '../../engine/registry.js';
import type { RuleVersion } from '../../engine/rule-types.js';
import type { Course, TariffVersion } from '../../engine/tariff-types.js';
import type { ChargeAnswer, CourseAnswer, SettlementAnswer } from '../api/contract.js';
import type { Handlers } from '../api/dispatcher.js';
import { StudioError } from '../../tariff-model/studio-error.js';
import { matchRows } from '../../tariff-model/tariff-diff.js';
import { TABLES } from '../../tariff-model/tariff-tables.js';
import { rulesFor } from '../workspace/rule-store.js';
import { getTariffVersion } from '../workspace/tariff-store.js';
import type { StudioContext } from './studio-context.js';

/**
 * The engine panel: what the engine answers for one course under a version. A contract is
 * taken to start on the first day of the month after the version takes effect; the first month
 * carries the initial fee, the second is a regular month, and the settlement is for cancelling
 * at the end of month N. The draft is passed to the engine as the tariff to answer from, never
 * put in force by date.
 */
const firstOfNextMonth = (iso: string): string => `${monthLabel(monthIndex(iso) + 1)}-01`;
const lastDayOf = (month: string): string => `${month}-${String(daysInMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7)))).padStart(2, '0')}`;

function answer(rules: RuleVersion, tariff: TariffVersion, versionId: number, course: Course, months: number): CourseAnswer {
  const registry = new Registry([rules], []);
  const startDate = firstOfNextMonth(tariff.effective);
  const first = monthLabel(monthIndex(startDate));
  const second = monthLabel(monthIndex(startDate) + 1);
  const endDate = lastDayOf(monthLabel(monthIndex(startDate) + months - 1));
  const opts = { today: startDate, rules, tariff };
  const cases = [
    { decision: 'monthlyCharge' as const, facts: { course: course.code, startDate, month: first } },
    { decision: 'monthlyCharge' as const, facts: { course: course.code, startDate, month: second } },
    { decision: 'settlement' as const, facts: { course: course.code, startDate, endDate } },
  ];
  const outputs = cases.map((c) => decideFast(registry, { asOf: startDate, ...c }, opts));
  const bad = outputs.findIndex((o) => o.outcome === 'invalid');
  const head = { versionId, effective: tariff.effective, code: course.code };
  // The first case answered invalid, with the engine's errors as they are (the panel says them in the page's language).
  if (bad >= 0) {
    const c = cases[bad]!;
    return { ok: false, ...head, ...c, asOf: startDate, months, schema: DECISION_DEFS[c.decision].factsSchema, errors: outputs[bad]!.errors ?? [] };
  }
  const [o1, o2, s] = outputs as [Output, Output, Output];
  const asCharge = (o: Output, month: string): ChargeAnswer => ({
    month,
    outcome: o.outcome,
    subtotal: Number(o.subtotal),
    tax: Number(o.tax),
    total: Number(o.total),
    lines: (o.lines as ChargeAnswer['lines']).map((l) => ({ item: l.item, amount: l.amount, clause: l.clause })),
    clauses: o.clauses,
  });
  const settlement: SettlementAnswer = {
    months,
    startDate,
    endDate,
    outcome: s.outcome,
    amount: Number(s.amount),
    tax: Number(s.tax),
    total: Number(s.total),
    basisCourse: typeof s.basisCourse === 'string' ? s.basisCourse : null,
    clauses: s.clauses,
  };
  return { ok: true, ...head, name: course.name, monthlyFee: course.monthlyFee, firstMonth: asCharge(o1, first), regularMonth: asCharge(o2, second), settlement };
}

export const engineHandlers = (ctx: StudioContext): Handlers['engine'] => ({
  coursePreview: ({ versionId, index, months }) => {
    const v = getTariffVersion(ctx.ws, versionId);
    const course = v.version.courses[index];
    if (!course) throw new StudioError('ROW_NOT_FOUND', `tariff version ${v.effective} has no course row ${index + 1}`, [], 'Reload the version.');
    const after = answer(rulesFor(ctx.ws, v.effective), v.version, v.id, course, months);
    if (v.basedOn === null) return { before: null, after };
    const base = getTariffVersion(ctx.ws, v.basedOn);
    const baseIndex = matchRows(TABLES.courses.rows(base.version), TABLES.courses.rows(v.version), 'code')[index];
    const baseCourse = baseIndex === null || baseIndex === undefined ? undefined : base.version.courses[baseIndex];
    // "Before" answers as if the base's prices applied on the draft's date, so only the edit differs.
    const before = baseCourse ? answer(rulesFor(ctx.ws, v.effective), { ...base.version, effective: v.effective }, base.id, baseCourse, months) : null;
    return { before, after };
  },
});
