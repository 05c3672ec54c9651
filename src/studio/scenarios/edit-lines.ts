import type { RuleVersion } from '../../engine/rule-types.js';
import type { OptionPrice, TariffVersion } from '../../engine/tariff-types.js';
import type { Edit } from '../../camera-sim/scenario-types.js';
import { editSchema } from '../../camera-sim/scenario-schema.js';
import { applyEdit, type NewCourseUptake } from '../../camera-sim/version-edits.js';
import { schemaErrors } from '../../engine/validate-data.js';
import type { EditChange, EditLine } from '../api/contract.js';

/**
 * A side's edits as lines the Scenarios page words in its language (docs/studio-scenarios.md
 * § Edits): each edit is applied in order, as the simulator applies it (`applyEdit` of
 * camera-sim/version-edits.ts, on copies), and what it changed is read off by comparing the
 * versions before and after it: a course's monthly fee from 1,980 to 1,480 yen, an option's price,
 * an initial fee, a course's settlement policy, a new course or policy, an interpretation's
 * default, a rule parameter, how contracts started before the horizon are billed. An edit that
 * cannot apply (its shape refused by the scenario schema, or the tariff refusing it) says why
 * (`problem`, with its pointer under the edit) and changes nothing.
 */
const change = (kind: EditChange['kind'], subject: string, from: EditChange['from'], to: EditChange['to'], more: Partial<EditChange> = {}): EditChange => ({
  kind,
  subject,
  name: '',
  key: '',
  from,
  to,
  detail: '',
  courses: [],
  share: null,
  ...more,
});

/** An option price as keyed amounts: '' for a flat price. */
const amounts = (p: OptionPrice | undefined): Map<string, number> => {
  if (!p) return new Map();
  return p.kind === 'flat' ? new Map([['', p.amount]]) : new Map(Object.entries(p.amounts));
};

/** A settlement policy's clause refused by its pattern, in words. */
const CLAUSE_FORMS = 'write the clause as the terms do: 第N条, 第N条第M項, 第N条第M項第K号, 別紙N or 別紙N表M';

/** What the versions after an edit differ in from the versions before it. */
function changesOf(before: { r: RuleVersion; t: TariffVersion }, after: { r: RuleVersion; t: TariffVersion }, uptakes: readonly NewCourseUptake[]): EditChange[] {
  const out: EditChange[] = [];
  const { t: t0, r: r0 } = before;
  const { t: t1, r: r1 } = after;
  const courseName = new Map(t1.courses.map((c) => [c.code, c.name]));
  const oldCourses = new Map(t0.courses.map((c) => [c.code, c]));
  for (const c of t1.courses) {
    const was = oldCourses.get(c.code);
    if (!was) {
      const u = uptakes.find((x) => x.course === c.code);
      out.push(change('new-course', c.code, null, c.monthlyFee, { name: c.name, courses: (u?.from ?? []).map((code) => courseName.get(code) ?? code), share: u ? u.share : null }));
      continue;
    }
    if (was.monthlyFee !== c.monthlyFee) out.push(change('course-fee', c.code, was.monthlyFee, c.monthlyFee, { name: c.name }));
    if (was.settlementPolicy !== c.settlementPolicy) out.push(change('course-policy', c.code, was.settlementPolicy, c.settlementPolicy, { name: c.name }));
  }
  const oldOptions = new Map(t0.options.map((o) => [o.code, o]));
  for (const o of t1.options) {
    const [a, b] = [amounts(oldOptions.get(o.code)?.price), amounts(o.price)];
    for (const key of [...new Set([...a.keys(), ...b.keys()])])
      if (a.get(key) !== b.get(key)) out.push(change('option-price', o.code, a.get(key) ?? null, b.get(key) ?? null, { name: o.name, key, detail: o.price.kind }));
  }
  const oldGroups = new Map(t0.initialFeeGroups.map((g) => [g.group, g.amount]));
  for (const g of t1.initialFeeGroups) if (oldGroups.get(g.group) !== g.amount) out.push(change('initial-fee', g.group, oldGroups.get(g.group) ?? null, g.amount));
  const oldPolicies = new Set(t0.policies.map((p) => p.id));
  for (const p of t1.policies) if (!oldPolicies.has(p.id)) out.push(change('new-policy', p.id, null, p.months ?? null, { detail: p.kind }));
  const oldDefaults = new Map(r0.interpretations.map((d) => [d.name, d.default]));
  for (const d of r1.interpretations) if (oldDefaults.get(d.name) !== d.default) out.push(change('interpretation', d.name, oldDefaults.get(d.name) ?? null, d.default));
  for (const [decision, file] of Object.entries(r1.decisions))
    for (const [parameter, p] of Object.entries(file.parameters ?? {})) {
      const was = r0.decisions[decision as keyof RuleVersion['decisions']]?.parameters?.[parameter]?.value;
      if (was !== p.value) out.push(change('parameter', `${decision}.${parameter}`, was ?? null, p.value, { detail: p.clause }));
    }
  const [e0, e1] = [t0.existingContracts ?? { policy: 'new-price', clause: '' }, t1.existingContracts ?? { policy: 'new-price', clause: '' }];
  if (e0.policy !== e1.policy || e0.clause !== e1.clause) out.push(change('existing-contracts', '', e0.policy, e1.policy, { detail: e1.clause }));
  return out;
}

/** The lines of a side's edits, applied in order to copies of its versions (as stored, before edits); `pointer` is the side's edits in the form (`/proposal/edits`). */
export function editLines(rules: RuleVersion, tariff: TariffVersion, edits: readonly Edit[], pointer: string): EditLine[] {
  let now = { r: rules, t: tariff };
  return edits.map((e, index) => {
    const next = { r: structuredClone(now.r), t: structuredClone(now.t) };
    // The edit's shape first, with the simulator's own schema (an amount left empty, a field missing).
    const problems = schemaErrors(editSchema, e, '', 'SCENARIO_SCHEMA').map((x) => `${pointer}/${index}${x.pointer}: ${x.pointer.endsWith('/clause') && x.message.startsWith('must match pattern') ? CLAUSE_FORMS : x.message}`);
    const uptakes: NewCourseUptake[] = [];
    if (!problems.length)
      try {
        applyEdit(next.r, next.t, e, (message, at) => problems.push(`${pointer}/${index}${at ?? ''}: ${message}`), uptakes);
      } catch (x) {
        // Past the schema, only a defect would throw here: it is said on the line, not thrown at the page.
        problems.push(`${pointer}/${index}: ${x instanceof Error ? x.message : String(x)}`);
      }
    const note = typeof e.note === 'string' ? e.note : '';
    if (problems.length) return { index, edit: String(e.edit), note, changes: [], problem: problems.length === 1 ? problems[0]! : `${problems[0]!} (and ${problems.length - 1} more like it)` };
    const line: EditLine = { index, edit: e.edit, note, changes: changesOf(now, next, uptakes), problem: null, ...(e.edit === 'course-fee' && e.changePercent !== undefined ? { percent: e.changePercent } : {}) };
    now = next;
    return line;
  });
}
