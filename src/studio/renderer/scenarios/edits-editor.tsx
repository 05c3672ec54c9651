import { useState, type ReactNode } from 'react';
import type { EditLine, ScenarioChoices, ScenarioSideRef } from '../../api/contract.js';
import { useI18n } from '../i18n/i18n-context.js';
import { enumLabel } from '../../../tariff-model/enum-labels.js';
import type { MessageKey } from '../i18n/messages.js';
import { EditLineText } from './edit-lines-view.js';
import { TermOptions, termsOf } from './term-options.js';

/**
 * A scenario side's edits made with controls (docs/studio-scenarios.md § Edits), never typed as
 * JSON: one box per edit with the controls of its kind (a course fee's courses and amount, an
 * option's prices, an initial fee, a settlement policy, how contracts started before the horizon
 * are billed, a new course or policy, an interpretation's default, a rule parameter), its note,
 * a remove button, and beneath it what it changes, from what to what (`lines`, from the studio).
 * A kind picked in the list below is added with the values in force, ready to change. Each control
 * carries its JSON pointer, so a field the studio refuses is outlined.
 */
type Edit = ScenarioSideRef['edits'][number];
type Kind = Edit['edit'];
type Side = 'baseline' | 'proposal';
type CourseMatch = Extract<Edit, { edit: 'course-fee' }>['match'];
type OptionPrice = Extract<Edit, { edit: 'option-price' }>['price'];
type NewCourse = Extract<Edit, { edit: 'add-course' }>;
type NewPolicy = Extract<Edit, { edit: 'add-settlement-policy' }>['policy'];

export const EDIT_KINDS: readonly Kind[] = [
  'course-fee',
  'option-price',
  'initial-fee',
  'settlement-policy',
  'existing-contracts',
  'add-course',
  'add-settlement-policy',
  'interpretation',
  'rule-parameter',
];
const SERIES = ['legacy', 'M5525', 'M2035'] as const;
const POLICY_KINDS: readonly NewPolicy['kind'][] = ['none', 'remaining-of-months', 'longest-satisfied-same-family'];

const num = (s: string): number => (s.trim() === '' ? Number.NaN : Number(s));
const shown = (n: number | undefined): string => (n === undefined || Number.isNaN(n) ? '' : String(n));

/** An option's price as options.json writes it, from the choice's keyed amounts. */
export const optionPriceOf = (p: ScenarioChoices['options'][number]['price']): OptionPrice =>
  p.kind === 'flat' ? { kind: 'flat', amount: p.amounts[''] ?? 0 } : { kind: p.kind, amounts: { ...p.amounts } };

/** A new edit of `kind` with the values in force (the choices), for the user to change. */
export function newEdit(kind: Kind, c: ScenarioChoices): Edit {
  const series = c.courses.find((x) => x.series === 'M2035')?.series ?? c.courses[0]?.series;
  const match: CourseMatch = series ? { series: series as CourseMatch['series'], ...(c.courses.some((x) => x.series === series && x.termMonths === 36) ? { termMonths: 36 } : {}) } : {};
  switch (kind) {
    case 'course-fee':
      return { edit: 'course-fee', match, change: 0 };
    case 'option-price': {
      const o = c.options[0];
      return { edit: 'option-price', option: o?.code ?? '', price: o ? optionPriceOf(o.price) : { kind: 'flat', amount: 0 } };
    }
    case 'initial-fee':
      return { edit: 'initial-fee', group: c.initialFeeGroups[0]?.group ?? '', amount: c.initialFeeGroups[0]?.amount ?? 0 };
    case 'settlement-policy':
      return { edit: 'settlement-policy', match, policy: c.policies[0]?.id ?? '' };
    case 'existing-contracts':
      return { edit: 'existing-contracts', policy: 'keep-price', clause: '' };
    case 'add-course': {
      const base = c.courses.find((x) => x.series === series) ?? c.courses[0];
      return base ? { edit: 'add-course', course: { ...base.row, code: `${base.code}-NEW`, name: `${base.name}（新）` } } : ({ edit: 'add-course' } as Edit);
    }
    case 'add-settlement-policy':
      return { edit: 'add-settlement-policy', policy: { id: 'new-policy', kind: 'remaining-of-months', months: 12, clause: '', text: '' } };
    case 'interpretation': {
      const d = c.interpretations.find((x) => x.values.length > 1) ?? c.interpretations[0];
      return { edit: 'interpretation', name: d?.name ?? '', value: d?.values.find((v) => v !== d.default) ?? d?.default ?? '' };
    }
    case 'rule-parameter': {
      const p = c.parameters[0];
      return { edit: 'rule-parameter', decision: (p?.decision ?? 'outageWaiver') as Extract<Edit, { edit: 'rule-parameter' }>['decision'], parameter: p?.parameter ?? '', value: p?.value ?? 0 };
    }
  }
}

type Ctl = { pointer: string; bad: (pointer: string) => string | undefined; disabled: boolean; testId: string };

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <label className="scn-field">
      <span>{label}</span>
      {children}
    </label>
  );
}

export function EditsEditor(props: { side: Side; edits: Edit[]; onChange: (edits: Edit[]) => void; lines: readonly EditLine[] | null; choices: ScenarioChoices; bad: (pointer: string) => string | undefined; disabled: boolean }) {
  const { t } = useI18n();
  const { side, edits, onChange, lines, choices, bad, disabled } = props;
  const [kind, setKind] = useState<Kind>('course-fee');
  const kindLabel = (k: string) => (EDIT_KINDS.includes(k as Kind) ? t(`se.kind.${k}` as MessageKey) : k);
  return (
    <div className="scn-edits" data-testid={`scn-${side}-edits`}>
      <span className="scn-edits-title">{t('scn.edits')}</span>
      {edits.length === 0 && <p className="muted small">{t('se.noEdits')}</p>}
      {edits.map((e, i) => {
        const line = lines?.[i]?.edit === e.edit ? lines[i] : undefined;
        const pointer = `/${side}/edits/${i}`;
        const testId = `scn-${side}-edit-${i}`;
        const set = (next: Edit) => onChange(edits.map((x, j) => (j === i ? next : x)));
        return (
          <fieldset key={i} className={bad(pointer) ? 'scn-edit field-error' : 'scn-edit'} data-testid={testId} data-edit={e.edit} data-field={pointer}>
            <legend>{t('se.editN', { n: i + 1, kind: kindLabel(e.edit) })}</legend>
            <button type="button" className="icon-button scn-edit-remove" aria-label={t('se.removeN', { n: i + 1 })} onClick={() => onChange(edits.filter((_, j) => j !== i))} disabled={disabled} data-testid={`${testId}-remove`}>
              ×
            </button>
            <div className="scn-edit-controls">
              <EditControls edit={e} set={set} choices={choices} ctl={{ pointer, bad, disabled, testId }} />
              <Field label={t('se.noteLabel')}>
                <input type="text" value={e.note ?? ''} onChange={(x) => set(withNote(e, x.target.value))} disabled={disabled} className="scn-edit-note" data-testid={`${testId}-note`} />
              </Field>
            </div>
            {line && <EditLineText line={line} testId={`${testId}-text`} />}
          </fieldset>
        );
      })}
      <div className="scn-edits-add">
        <label>
          <span>{t('se.addKind')}</span>{' '}
          <select value={kind} onChange={(x) => setKind(x.target.value as Kind)} disabled={disabled} data-testid={`scn-${side}-add-kind`}>
            {EDIT_KINDS.map((k) => (
              <option key={k} value={k}>
                {kindLabel(k)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => onChange([...edits, newEdit(kind, choices)])} disabled={disabled} data-testid={`scn-${side}-add-edit`}>
          {t('se.add')}
        </button>
      </div>
    </div>
  );
}

const withNote = (e: Edit, note: string): Edit => {
  const { note: _old, ...rest } = e;
  return (note === '' ? rest : { ...rest, note }) as Edit;
};

/** The controls of one edit's kind. */
function EditControls({ edit: e, set, choices, ctl }: { edit: Edit; set: (e: Edit) => void; choices: ScenarioChoices; ctl: Ctl }) {
  const { t } = useI18n();
  const { pointer, bad, disabled, testId } = ctl;
  const numberInput = (at: string, value: number | undefined, onValue: (n: number) => void, label: string, id: string, step = '1') => (
    <Field label={label}>
      <input type="number" step={step} className={bad(`${pointer}${at}`)} data-field={`${pointer}${at}`} value={shown(value)} onChange={(x) => onValue(num(x.target.value))} disabled={disabled} data-testid={id} />
    </Field>
  );
  const textInput = (at: string, value: string, onValue: (s: string) => void, label: string, id: string) => (
    <Field label={label}>
      <input type="text" className={bad(`${pointer}${at}`)} data-field={`${pointer}${at}`} value={value} onChange={(x) => onValue(x.target.value)} disabled={disabled} data-testid={id} />
    </Field>
  );
  const select = (at: string, value: string, options: readonly { value: string; label: string }[], onValue: (s: string) => void, label: string, id: string) => (
    <Field label={label}>
      <select className={bad(`${pointer}${at}`)} data-field={`${pointer}${at}`} value={value} onChange={(x) => onValue(x.target.value)} disabled={disabled} data-testid={id}>
        {!options.some((o) => o.value === value) && <option value={value}>{value}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
  switch (e.edit) {
    case 'course-fee': {
      const mode = e.set !== undefined ? 'set' : e.changePercent !== undefined ? 'percent' : 'change';
      const matched = choices.courses.filter((c) => (!e.match.courses || e.match.courses.includes(c.code)) && (e.match.series === undefined || c.series === e.match.series) && (e.match.termMonths === undefined || c.termMonths === e.match.termMonths));
      return (
        <>
          <MatchControls match={e.match} onMatch={(match) => set({ ...e, match })} choices={choices} ctl={ctl} />
          {select(
            '',
            mode,
            [
              { value: 'change', label: t('se.mode.change') },
              { value: 'percent', label: t('se.mode.percent') },
              { value: 'set', label: t('se.mode.set') },
            ],
            (m) => {
              const { set: _s, change: _c, changePercent: _p, ...rest } = e;
              set(m === 'set' ? { ...rest, set: matched[0]?.monthlyFee ?? 0 } : m === 'percent' ? { ...rest, changePercent: 0 } : { ...rest, change: 0 });
            },
            t('se.mode'),
            `${testId}-mode`,
          )}
          {mode === 'set'
            ? numberInput('/set', e.set, (n) => set({ ...e, set: n }), t('se.amount'), `${testId}-amount`, '10')
            : mode === 'percent'
              ? numberInput('/changePercent', e.changePercent, (n) => set({ ...e, changePercent: n }), t('se.percent'), `${testId}-amount`, '0.1')
              : numberInput('/change', e.change, (n) => set({ ...e, change: n }), t('se.amount'), `${testId}-amount`, '10')}
          {/* The yen a percent gives is in the sentence beneath the box (each course's fee → its new fee), floored as every amount. */}
          {mode === 'percent' && (
            <small className="muted scn-edit-hint" data-testid={`${testId}-percent-hint`}>
              {t('se.percentHint')}
            </small>
          )}
        </>
      );
    }
    case 'settlement-policy':
      return (
        <>
          <MatchControls match={e.match} onMatch={(match) => set({ ...e, match })} choices={choices} ctl={ctl} />
          {select(
            '/policy',
            e.policy,
            choices.policies.map((p) => ({ value: p.id, label: p.id })),
            (policy) => set({ ...e, policy }),
            t('se.policy'),
            `${testId}-policy`,
          )}
        </>
      );
    case 'option-price': {
      const price = e.price;
      const keys = price.kind === 'flat' ? [''] : Object.keys(price.amounts);
      const amountOf = (k: string): number | undefined => (price.kind === 'flat' ? price.amount : price.amounts[k]);
      const setAmount = (k: string, n: number) => set({ ...e, price: price.kind === 'flat' ? { kind: 'flat', amount: n } : { kind: price.kind, amounts: { ...price.amounts, [k]: n } } });
      return (
        <>
          {select(
            '/option',
            e.option,
            choices.options.map((o) => ({ value: o.code, label: o.name })),
            (code) => {
              const o = choices.options.find((x) => x.code === code);
              set({ ...e, option: code, ...(o ? { price: optionPriceOf(o.price) } : {}) });
            },
            t('se.option'),
            `${testId}-option`,
          )}
          {keys.map((k) =>
            numberInput(
              price.kind === 'flat' ? '/price/amount' : `/price/amounts/${k}`,
              amountOf(k),
              (n) => setAmount(k, n),
              price.kind === 'flat' ? t('se.priceFlat') : price.kind === 'by-term' ? t('se.priceTerm', { key: k }) : t('se.priceSeries', { key: k }),
              price.kind === 'flat' ? `${testId}-amount` : `${testId}-amount-${k}`,
              '10',
            ),
          )}
        </>
      );
    }
    case 'initial-fee':
      return (
        <>
          {select(
            '/group',
            e.group,
            choices.initialFeeGroups.map((g) => ({ value: g.group, label: g.group })),
            (group) => set({ ...e, group, amount: choices.initialFeeGroups.find((g) => g.group === group)?.amount ?? e.amount }),
            t('se.group'),
            `${testId}-group`,
          )}
          {numberInput('/amount', e.amount, (amount) => set({ ...e, amount }), t('se.amount'), `${testId}-amount`, '100')}
        </>
      );
    case 'existing-contracts':
      return (
        <>
          {select(
            '/policy',
            e.policy,
            [
              { value: 'keep-price', label: t('se.existing.keep-price') },
              { value: 'new-price', label: t('se.existing.new-price') },
            ],
            (policy) => set({ ...e, policy: policy as typeof e.policy }),
            t('se.existingPolicy'),
            `${testId}-policy`,
          )}
          {textInput('/clause', e.clause, (clause) => set({ ...e, clause }), t('se.clause'), `${testId}-clause`)}
        </>
      );
    case 'interpretation': {
      const d = choices.interpretations.find((x) => x.name === e.name);
      return (
        <>
          {select(
            '/name',
            e.name,
            choices.interpretations.map((x) => ({ value: x.name, label: x.name })),
            (name) => {
              const n = choices.interpretations.find((x) => x.name === name);
              set({ ...e, name, value: n?.values.find((v) => v !== n.default) ?? n?.default ?? '' });
            },
            t('se.interpretationName'),
            `${testId}-name`,
          )}
          {select(
            '/value',
            e.value,
            (d?.values ?? []).map((v) => ({ value: v, label: v })),
            (value) => set({ ...e, value }),
            t('se.value'),
            `${testId}-value`,
          )}
        </>
      );
    }
    case 'rule-parameter': {
      const key = `${e.decision}.${e.parameter}`;
      const current = choices.parameters.find((p) => p.decision === e.decision && p.parameter === e.parameter);
      const isNumber = typeof (current?.value ?? e.value) === 'number';
      return (
        <>
          {select(
            '/parameter',
            key,
            choices.parameters.map((p) => ({ value: `${p.decision}.${p.parameter}`, label: `${p.decision} ${p.parameter}` })),
            (k) => {
              const p = choices.parameters.find((x) => `${x.decision}.${x.parameter}` === k);
              if (p) set({ ...e, decision: p.decision as typeof e.decision, parameter: p.parameter, value: p.value });
            },
            t('se.parameterName'),
            `${testId}-parameter`,
          )}
          {isNumber
            ? numberInput('/value', typeof e.value === 'number' ? e.value : num(String(e.value)), (value) => set({ ...e, value }), t('se.value'), `${testId}-value`, 'any')
            : textInput('/value', String(e.value), (value) => set({ ...e, value }), t('se.value'), `${testId}-value`)}
        </>
      );
    }
    case 'add-course':
      return <NewCourseControls edit={e} set={set} choices={choices} ctl={ctl} numberInput={numberInput} textInput={textInput} select={select} />;
    case 'add-settlement-policy': {
      const p = e.policy;
      const setPolicy = (patch: Partial<NewPolicy>) => set({ ...e, policy: { ...p, ...patch } });
      return (
        <>
          {textInput('/policy/id', p.id, (id) => setPolicy({ id }), t('se.policyId'), `${testId}-id`)}
          {select(
            '/policy/kind',
            p.kind,
            POLICY_KINDS.map((k) => ({ value: k, label: t(`se.policyKind.${k}`) })),
            (kind) => {
              const { months: _m, ...rest } = p;
              set({ ...e, policy: kind === 'remaining-of-months' ? { ...rest, kind, months: p.months ?? 12 } : { ...rest, kind: kind as NewPolicy['kind'] } });
            },
            t('se.policyKind'),
            `${testId}-kind`,
          )}
          {p.kind === 'remaining-of-months' && numberInput('/policy/months', p.months, (months) => setPolicy({ months }), t('se.months'), `${testId}-months`)}
          {textInput('/policy/clause', p.clause, (clause) => setPolicy({ clause }), t('se.clause'), `${testId}-clause`)}
          {textInput('/policy/text', p.text, (text) => setPolicy({ text }), t('se.text'), `${testId}-text-input`)}
        </>
      );
    }
  }
}

/** Which courses an edit reaches: a series, a term and one course (each optional; all given must match). Other conditions of a scenario file are kept and shown. */
function MatchControls({ match, onMatch, choices, ctl }: { match: CourseMatch; onMatch: (m: CourseMatch) => void; choices: ScenarioChoices; ctl: Ctl }) {
  const { t, lang } = useI18n();
  const { pointer, bad, disabled, testId } = ctl;
  const at = `${pointer}/match`;
  const { series, termMonths, courses, ...other } = match;
  const fits = choices.courses.filter((c) => (series === undefined || c.series === series) && (termMonths === undefined || c.termMonths === termMonths));
  const course = courses?.length === 1 ? courses[0]! : '';
  const without = <K extends keyof CourseMatch>(m: CourseMatch, k: K): CourseMatch => {
    const { [k]: _gone, ...rest } = m;
    return rest;
  };
  const otherText = Object.entries(other)
    .map(([k, v]) => `${k} = ${String(v)}`)
    .join(', ');
  return (
    <>
      <Field label={t('scn.series')}>
        <select
          className={bad(at)}
          data-field={at}
          value={series ?? ''}
          onChange={(x) => {
            const next = x.target.value === '' ? without(without(match, 'series'), 'courses') : { ...without(match, 'courses'), series: x.target.value as CourseMatch['series'] };
            // A term no course of the new series has (legacy courses have none) would leave no course to pick.
            onMatch(next.termMonths !== undefined && !termsOf(choices.courses, next.series).includes(next.termMonths) ? without(next, 'termMonths') : next);
          }}
          disabled={disabled}
          data-testid={`${testId}-series`}
        >
          <option value="">{t('scn.anySeries')}</option>
          {/* The series as the grid names them (旧コース, M5525 シリーズ); the code stays the value. */}
          {SERIES.map((s) => (
            <option key={s} value={s}>
              {enumLabel('courses', 'series', s)?.[lang] ?? s}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('scn.term')}>
        <select
          className={bad(at)}
          data-field={at}
          value={termMonths ?? ''}
          onChange={(x) => onMatch(x.target.value === '' ? without(without(match, 'termMonths'), 'courses') : { ...without(match, 'courses'), termMonths: Number(x.target.value) })}
          disabled={disabled}
          data-testid={`${testId}-term`}
        >
          <TermOptions terms={termsOf(choices.courses, series, termMonths)} />
        </select>
      </Field>
      <Field label={t('se.course')}>
        <select
          className={bad(`${at}/courses`)}
          data-field={`${at}/courses`}
          value={course}
          onChange={(x) => onMatch(x.target.value === '' ? without(match, 'courses') : { ...match, courses: [x.target.value] })}
          disabled={disabled}
          data-testid={`${testId}-course`}
        >
          <option value="">{t('se.anyCourse')}</option>
          {course !== '' && !fits.some((c) => c.code === course) && <option value={course}>{course}</option>}
          {/* Code and name, as the course mix lists them (finance knows SHORT by its code). */}
          {fits.map((c) => (
            <option key={c.code} value={c.code}>
              {c.code} — {c.name}
            </option>
          ))}
        </select>
      </Field>
      {(otherText || (courses?.length ?? 0) > 1) && <span className="muted small">{t('se.otherMatch', { match: [otherText, (courses?.length ?? 0) > 1 ? courses!.join(', ') : ''].filter(Boolean).join(', ') })}</span>}
    </>
  );
}

type Inputs = {
  numberInput: (at: string, value: number | undefined, onValue: (n: number) => void, label: string, id: string, step?: string) => ReactNode;
  textInput: (at: string, value: string, onValue: (s: string) => void, label: string, id: string) => ReactNode;
  select: (at: string, value: string, options: readonly { value: string; label: string }[], onValue: (s: string) => void, label: string, id: string) => ReactNode;
};

/** A new course: a row of the tariff to start from, its code, name and monthly fee, and which contracts take it instead of a course on offer. */
function NewCourseControls({ edit: e, set, choices, ctl, numberInput, textInput, select }: { edit: NewCourse; set: (e: Edit) => void; choices: ScenarioChoices; ctl: Ctl } & Inputs) {
  const { t } = useI18n();
  const { testId } = ctl;
  const course = e.course;
  const setCourse = (patch: Partial<NewCourse['course']>) => set({ ...e, course: { ...course, ...patch } });
  const base = choices.courses.find((c) => c.row.family === course.family && c.row.series === course.series && c.row.model === course.model && c.row.sim === course.sim && c.row.cloudDays === course.cloudDays && c.row.termMonths === course.termMonths);
  const courseOptions = choices.courses.map((c) => ({ value: c.code, label: c.name }));
  const from = e.uptake?.from[0] ?? '';
  return (
    <>
      {select(
        '/course',
        base?.code ?? '',
        courseOptions,
        (code) => {
          const b = choices.courses.find((c) => c.code === code);
          if (b) set({ ...e, course: { ...b.row, code: course.code, name: course.name, monthlyFee: course.monthlyFee } });
        },
        t('se.basedOn'),
        `${testId}-based-on`,
      )}
      {textInput('/course/code', course.code, (code) => setCourse({ code }), t('se.code'), `${testId}-code`)}
      {textInput('/course/name', course.name, (name) => setCourse({ name }), t('se.name'), `${testId}-name`)}
      {numberInput('/course/monthlyFee', course.monthlyFee, (monthlyFee) => setCourse({ monthlyFee }), t('se.monthlyFee'), `${testId}-amount`, '10')}
      {select(
        '/uptake/from/0',
        from,
        [{ value: '', label: t('se.noUptake') }, ...courseOptions],
        (code) => {
          const { uptake: _u, ...rest } = e;
          set(code === '' ? rest : { ...rest, uptake: { from: [code], share: e.uptake?.share ?? 0.1 } });
        },
        t('se.uptakeFrom'),
        `${testId}-uptake-from`,
      )}
      {e.uptake && numberInput('/uptake/share', e.uptake.share, (share) => set({ ...e, uptake: { from: e.uptake!.from, share } }), t('se.uptakeShare'), `${testId}-uptake-share`, '0.01')}
    </>
  );
}
