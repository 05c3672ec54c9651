import { useRef, useState } from 'react';
import type { ScenarioChoices, ScenarioForm, ScenarioSideRef, SideEditLines } from '../../api/contract.js';
import { useI18n } from '../i18n/i18n-context.js';
import { enumLabel } from '../../../tariff-model/enum-labels.js';
import { DateField, MonthField } from '../ui/date-field.js';
import type { MessageKey } from '../i18n/messages.js';
import { ContractEventFields } from './contract-events-fields.js';
import { ResponseFields } from './response-fields.js';
import { EditsEditor } from './edits-editor.js';
import { fieldMatches } from './format.js';
import { TermOptions, termsOf } from './term-options.js';
import { defaultFleetMove, fleetIndex, followFleetSize, withFleetMove } from './fleet-sensitivity.js';

/**
 * The scenario form: fleet size and mix, horizon, hazards, seed, and the two sides (a tariff
 * version or draft, a rule version, and its edits made with controls, edits-editor.tsx, each
 * with what it changes beneath it, plus a quick course-fee edit). Values go to the studio as typed; the studio checks them with the simulator's schema
 * and names each bad field, which is marked here.
 */
type Props = {
  form: ScenarioForm;
  onChange: (f: ScenarioForm) => void;
  choices: ScenarioChoices;
  errorFields: ReadonlySet<string>;
  /** The sides' edits as lines (what each changes), null until the studio has answered. */
  lines: SideEditLines | null;
  disabled: boolean;
};

const num = (s: string): number => (s.trim() === '' ? Number.NaN : Number(s));
const SERIES = ['', 'legacy', 'M5525', 'M2035'] as const;
/** A list of the form's rows with row `i` changed by `patch`. */
const patchAt = <T,>(rows: readonly T[], i: number, patch: Partial<T>): T[] => rows.map((x, j) => (j === i ? { ...x, ...patch } : x));

export function ScenarioFormView({ form, onChange, choices, errorFields, lines, disabled }: Props) {
  const { t } = useI18n();
  const bad = (pointer: string) => (fieldMatches(errorFields, pointer) ? 'field-error' : undefined);
  const set = (patch: Partial<ScenarioForm>) => onChange({ ...form, ...patch });
  const fleet = form.fleet;
  const lastSize = useRef(fleet.size);
  if (Number.isFinite(fleet.size) && fleet.size >= 1) lastSize.current = fleet.size;
  const setFleet = (patch: Partial<ScenarioForm['fleet']>) => set({ fleet: { ...fleet, ...patch } });
  const numInput = (pointer: string, value: number | undefined, onValue: (n: number) => void, opts: { step?: string; testId?: string; min?: number; label?: string } = {}) => (
    <input
      type="number"
      aria-label={opts.label}
      className={bad(pointer)}
      data-field={pointer}
      data-testid={opts.testId}
      step={opts.step ?? '1'}
      min={opts.min}
      value={value === undefined || Number.isNaN(value) ? '' : String(value)}
      onChange={(e) => onValue(num(e.target.value))}
      disabled={disabled}
    />
  );
  /** A required date (or month) field, marked when the server named `pointer`; the input carries `dataField` (`pointer` unless given). */
  const dateField = (
    Field: typeof MonthField,
    f: { label: MessageKey; pointer: string; dataField?: string; testId: string; value: string; onValue: (v: string) => void },
  ) => (
    <Field
      className="scn-field"
      label={t(f.label)}
      required
      invalid={bad(f.pointer) !== undefined}
      dataField={f.dataField ?? f.pointer}
      testId={f.testId}
      value={f.value}
      onChange={f.onValue}
      disabled={disabled}
    />
  );
  /**
   * A table of the fleet's rows (the course mix, the options taken up): its two headings (hidden
   * while it has no row, when `headHiddenWhenEmpty`), each row's two cells and a button removing it.
   */
  const rowsTable = <T,>(testId: string, headings: [MessageKey, MessageKey], rows: readonly T[], cells: (row: T, i: number) => React.ReactNode, onRemove: (i: number) => void, headHiddenWhenEmpty = false) => (
    <table className="scn-rows" data-testid={testId}>
      <thead hidden={headHiddenWhenEmpty && rows.length === 0}>
        <tr>
          <th>{t(headings[0])}</th>
          <th>{t(headings[1])}</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => (
          <tr key={i}>
            {cells(row, i)}
            <td>
              <button type="button" className="icon-button" aria-label={t('scn.remove')} onClick={() => onRemove(i)} disabled={disabled}>
                ×
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  const field = (label: MessageKey, control: React.ReactNode, hint?: MessageKey) => (
    <label className="scn-field">
      <span>{t(label)}</span>
      {control}
      {hint && <small className="muted">{t(hint)}</small>}
    </label>
  );

  const cancellation = form.cancellation ?? { monthlyHazard: 0, noticeDays: { min: 2, max: 30 } };
  const outages = form.outages;
  const payments = form.payments;

  return (
    <div className="scn-form" data-testid="scenario-form">
      <fieldset className="scn-group">
        <legend>{t('scn.section.basics')}</legend>
        <div className="scn-grid">
          {field(
            'scn.name',
            <input type="text" className={bad('/name')} data-field="/name" data-testid="scn-name" value={form.name} onChange={(e) => set({ name: e.target.value })} disabled={disabled} />,
          )}
          {field('scn.seed', numInput('/seed', form.seed, (n) => set({ seed: n }), { testId: 'scn-seed', min: 0 }))}
          {field('scn.replications', numInput('/replications', form.replications ?? 1, (n) => set({ replications: n }), { testId: 'scn-replications', min: 1 }), 'scn.replicationsHint')}
          {field(
            'scn.sensitivity',
            <input type="checkbox" data-testid="scn-sensitivity" checked={form.sensitivity !== undefined} onChange={(e) => set({ sensitivity: e.target.checked ? {} : undefined })} disabled={disabled} />,
            'scn.sensitivityHint',
          )}
          {form.sensitivity && <FleetSensitivityFields form={form} set={set} bad={bad} disabled={disabled} />}
          {dateField(MonthField, { label: 'scn.horizonStart', pointer: '/horizon/start', testId: 'scn-start', value: form.horizon.start, onValue: (v) => set({ horizon: { ...form.horizon, start: v } }) })}
          {field('scn.horizonMonths', numInput('/horizon/months', form.horizon.months, (n) => set({ horizon: { ...form.horizon, months: n } }), { testId: 'scn-months', min: 1 }))}
        </div>
      </fieldset>

      <fieldset className="scn-group">
        <legend>{t('scn.section.fleet')}</legend>
        <div className="scn-grid">
          {field(
            'scn.fleetSize',
            // The tornado's fleet sizes follow the fleet while they are still its default ±20 %.
            // From the last size that was a number: a field emptied on the way to a new size still leads them.
            numInput(
              '/fleet/size',
              fleet.size,
              (n) => {
                set({ fleet: { ...fleet, size: n }, ...(form.sensitivity ? { sensitivity: followFleetSize(form.sensitivity, lastSize.current, n) } : {}) });
                if (Number.isFinite(n) && n >= 1) lastSize.current = n;
              },
              { testId: 'scn-size', min: 1 },
            ),
          )}
          {dateField(DateField, {
            label: 'scn.startFrom',
            pointer: '/fleet/startDates',
            dataField: '/fleet/startDates/from',
            testId: 'scn-start-from',
            value: fleet.startDates.from,
            onValue: (v) => setFleet({ startDates: { ...fleet.startDates, from: v } }),
          })}
          {dateField(DateField, {
            label: 'scn.startTo',
            pointer: '/fleet/startDates',
            dataField: '/fleet/startDates/to',
            testId: 'scn-start-to',
            value: fleet.startDates.to,
            onValue: (v) => setFleet({ startDates: { ...fleet.startDates, to: v } }),
          })}
        </div>
        {rowsTable(
          'scn-mix',
          ['scn.course', 'scn.share'],
          fleet.courseMix,
          (m, i) => (
            <>
              <td>
                <select
                  className={bad(`/fleet/courseMix/${i}/course`)}
                  data-field={`/fleet/courseMix/${i}/course`}
                  aria-label={`${t('scn.course')} ${i + 1}`}
                  value={m.course}
                  onChange={(e) => setFleet({ courseMix: patchAt(fleet.courseMix, i, { course: e.target.value }) })}
                  disabled={disabled}
                >
                  {!choices.courses.some((c) => c.code === m.course) && <option value={m.course}>{m.course}</option>}
                  {choices.courses.map((c) => (
                    <option key={c.code} value={c.code}>
                      {c.code} — {c.name}
                    </option>
                  ))}
                </select>
              </td>
              <td>{numInput(`/fleet/courseMix/${i}/share`, m.share, (n) => setFleet({ courseMix: patchAt(fleet.courseMix, i, { share: n }) }), { step: 'any', min: 0, label: `${t('scn.share')} ${i + 1}` })}</td>
            </>
          ),
          (i) => setFleet({ courseMix: fleet.courseMix.filter((_, j) => j !== i) }),
        )}
        <button type="button" onClick={() => setFleet({ courseMix: [...fleet.courseMix, { course: choices.courses[0]?.code ?? '', share: 1 }] })} disabled={disabled}>
          {t('scn.addCourse')}
        </button>
        {rowsTable(
          'scn-options',
          ['scn.option', 'scn.probability'],
          fleet.optionUptake ?? [],
          (o, i) => (
            <>
              <td>
                <select
                  className={bad(`/fleet/optionUptake/${i}/option`)}
                  aria-label={`${t('scn.option')} ${i + 1}`}
                  value={o.option}
                  onChange={(e) => setFleet({ optionUptake: patchAt(fleet.optionUptake ?? [], i, { option: e.target.value }) })}
                  disabled={disabled}
                >
                  {choices.options.map((c) => (
                    <option key={c.code} value={c.code}>
                      {c.name} ({c.code})
                    </option>
                  ))}
                </select>
              </td>
              <td>
                {numInput(`/fleet/optionUptake/${i}/probability`, o.probability, (n) => setFleet({ optionUptake: patchAt(fleet.optionUptake ?? [], i, { probability: n }) }), {
                  step: '0.01',
                  min: 0,
                  label: `${t('scn.probability')} ${i + 1}`,
                })}
              </td>
            </>
          ),
          (i) => setFleet({ optionUptake: (fleet.optionUptake ?? []).filter((_, j) => j !== i) }),
          true,
        )}
        <button type="button" onClick={() => setFleet({ optionUptake: [...(fleet.optionUptake ?? []), { option: choices.options[0]?.code ?? '', probability: 0.1 }] })} disabled={disabled || choices.options.length === 0}>
          {t('scn.addOption')}
        </button>
      </fieldset>

      <fieldset className="scn-group">
        <legend>{t('scn.section.hazards')}</legend>
        <div className="scn-grid">
          {field(
            'scn.cancelHazard',
            numInput('/cancellation/monthlyHazard', cancellation.monthlyHazard, (n) => set({ cancellation: { ...cancellation, monthlyHazard: n } }), { step: '0.001', testId: 'scn-cancel-hazard', min: 0 }),
            'scn.perMonth',
          )}
          {field('scn.noticeMin', numInput('/cancellation/noticeDays', cancellation.noticeDays.min, (n) => set({ cancellation: { ...cancellation, noticeDays: { ...cancellation.noticeDays, min: n } } }), { min: 0 }))}
          {field('scn.noticeMax', numInput('/cancellation/noticeDays', cancellation.noticeDays.max, (n) => set({ cancellation: { ...cancellation, noticeDays: { ...cancellation.noticeDays, max: n } } }), { min: 0 }))}
          {outages && field('scn.outageRate', numInput('/outages/monthlyRate', outages.monthlyRate, (n) => set({ outages: { ...outages, monthlyRate: n } }), { step: '0.001', min: 0 }), 'scn.perMonth')}
          {payments && field('scn.lateProbability', numInput('/payments/lateProbability', payments.lateProbability, (n) => set({ payments: { ...payments, lateProbability: n } }), { step: '0.001', min: 0 }))}
          {payments && field('scn.neverPays', numInput('/payments/neverPaysProbability', payments.neverPaysProbability, (n) => set({ payments: { ...payments, neverPaysProbability: n } }), { step: '0.001', min: 0 }))}
        </div>
      </fieldset>

      <ContractEventFields form={form} set={set} numInput={numInput} field={field} />

      <ResponseFields form={form} set={set} bad={bad} disabled={disabled} />

      <div className="scn-sides">
        {(['baseline', 'proposal'] as const).map((side) => (
          <SideEditor
            key={side}
            side={side}
            value={form[side]}
            onChange={(v) => set({ [side]: v } as Partial<ScenarioForm>)}
            choices={choices}
            bad={bad}
            lines={lines?.[side] ?? null}
            disabled={disabled}
          />
        ))}
      </div>
    </div>
  );
}

function SideEditor(props: {
  side: 'baseline' | 'proposal';
  value: ScenarioSideRef;
  onChange: (v: ScenarioSideRef) => void;
  choices: ScenarioChoices;
  bad: (pointer: string) => string | undefined;
  lines: SideEditLines['baseline'] | null;
  disabled: boolean;
}) {
  const { t, lang } = useI18n();
  const { side, value, choices, bad, disabled } = props;
  const [series, setSeries] = useState<(typeof SERIES)[number]>('M2035');
  const [term, setTerm] = useState<number | ''>(36);
  const [change, setChange] = useState('-500');
  // Yen a month, or percent of each course's fee (floored to the yen, as the simulator applies it).
  const [unit, setUnit] = useState<'yen' | 'percent'>('yen');
  const addCourseFee = () => {
    const match = { ...(series ? { series } : {}), ...(term !== '' ? { termMonths: term } : {}) };
    props.onChange({ ...value, edits: [...value.edits, unit === 'percent' ? { edit: 'course-fee', match, changePercent: num(change) } : { edit: 'course-fee', match, change: num(change) }] });
  };
  const statusLabel = (s: string) => t(`status.${s}` as MessageKey);
  /** The side's tariff or rule version: a version or draft, or none (in force / as the baseline). */
  const versionField = (label: MessageKey, key: 'tariffVersionId' | 'ruleVersionId', versions: ScenarioChoices['rules'], testId?: string) => (
    <label className="scn-field">
      <span>{t(label)}</span>
      <select
        className={bad(`/${side}/${key}`)}
        data-field={`/${side}/${key}`}
        data-testid={testId}
        value={value[key] ?? ''}
        onChange={(e) => props.onChange({ ...value, [key]: e.target.value === '' ? null : Number(e.target.value) })}
        disabled={disabled}
      >
        <option value="">{t(side === 'baseline' ? 'scn.inForce' : 'scn.sameAsBaseline')}</option>
        {versions.map((v) => (
          <option key={v.id} value={v.id}>
            {v.effective} {statusLabel(v.status)}
            {v.title ? ` — ${v.title}` : ''}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <fieldset className="scn-group scn-side" data-testid={`scn-side-${side}`}>
      <legend>{t(side === 'baseline' ? 'scn.baseline' : 'scn.proposal')}</legend>
      {versionField('scn.tariffVersion', 'tariffVersionId', choices.tariffs, `scn-${side}-tariff`)}
      {versionField('scn.ruleVersion', 'ruleVersionId', choices.rules)}
      <EditsEditor side={side} edits={value.edits} onChange={(edits) => props.onChange({ ...value, edits })} lines={props.lines} choices={choices} bad={bad} disabled={disabled} />
      <div className="scn-quick-edit">
        <span>{t('scn.quickEdit')}</span>
        <select
          value={series}
          onChange={(e) => {
            const next = e.target.value as (typeof SERIES)[number];
            setSeries(next);
            // A term no course of the new series has (legacy courses have none) would match nothing.
            if (term !== '' && !termsOf(choices.courses, next).includes(term)) setTerm('');
          }}
          disabled={disabled}
          aria-label={t('scn.series')}
          data-testid={`scn-${side}-qe-series`}
        >
          {SERIES.map((s) => (
            <option key={s} value={s}>
              {s ? (enumLabel('courses', 'series', s)?.[lang] ?? s) : t('scn.anySeries')}
            </option>
          ))}
        </select>
        <select value={term} onChange={(e) => setTerm(e.target.value === '' ? '' : Number(e.target.value))} disabled={disabled} aria-label={t('scn.term')} data-testid={`scn-${side}-qe-term`}>
          <TermOptions terms={termsOf(choices.courses, series, term === '' ? undefined : term)} />
        </select>
        {/* The amount and its unit stay on one line (円／月 wrapped alone under the next row's controls). */}
        <span className="scn-amount-unit">
          <input
            type="number"
            step={unit === 'percent' ? '0.1' : '10'}
            value={change}
            onChange={(e) => setChange(e.target.value)}
            disabled={disabled}
            aria-label={t('scn.feeChange')}
            className="scn-change"
            data-testid={`scn-${side}-qe-change`}
          />
          <select
            value={unit}
            onChange={(e) => {
              const next = e.target.value as 'yen' | 'percent';
              setUnit(next);
              // The other unit's usual step (−500 yen reads as −500 %, which no fee can take).
              setChange(next === 'percent' ? '-5' : '-500');
            }}
            disabled={disabled}
            aria-label={t('scn.feeChangeUnit')}
            className="scn-change-unit"
            data-testid={`scn-${side}-qe-unit`}
          >
            <option value="yen">{t('scn.yenPerMonth')}</option>
            <option value="percent">{t('scn.percentOfFee')}</option>
          </select>
        </span>
        <button type="button" onClick={addCourseFee} disabled={disabled} data-testid={`scn-${side}-qe-add`}>
          {t('scn.addEdit')}
        </button>
      </div>
    </fieldset>
  );
}

/**
 * Under the 感応度 box: the fleet size as a row of the tornado, moved to the numbers of contracts
 * typed (± 20 % of the fleet to start with), beside every default assumption (fleet-sensitivity.ts).
 */
function FleetSensitivityFields({ form, set, bad, disabled }: { form: ScenarioForm; set: (patch: Partial<ScenarioForm>) => void; bad: (pointer: string) => string | undefined; disabled: boolean }) {
  const { t } = useI18n();
  const section = form.sensitivity ?? {};
  const i = fleetIndex(section);
  const move = i >= 0 ? section.assumptions![i]! : null;
  const setMove = (next: { down: number; up: number } | null) => set({ sensitivity: withFleetMove(section, next) });
  const sizeInput = (dir: 'down' | 'up') => {
    const pointer = `/sensitivity/assumptions/${i}/${dir}`;
    return (
      <label className="scn-field">
        <span>{t(dir === 'down' ? 'scn.fleetMoveDown' : 'scn.fleetMoveUp')}</span>
        <input
          type="number"
          min={1}
          step="1"
          className={bad(pointer)}
          data-field={pointer}
          data-testid={`scn-fleet-move-${dir}`}
          value={move?.[dir] === undefined || Number.isNaN(move[dir]) ? '' : String(move[dir])}
          onChange={(e) => move && setMove({ down: move.down ?? Number.NaN, up: move.up ?? Number.NaN, [dir]: num(e.target.value) })}
          disabled={disabled}
        />
      </label>
    );
  };
  return (
    <div className="scn-fleet-move" data-testid="scn-fleet-move">
      <label className="scn-check">
        <input type="checkbox" checked={move !== null} onChange={(e) => setMove(e.target.checked ? defaultFleetMove(form.fleet.size, section.relative) : null)} disabled={disabled} data-testid="scn-fleet-move-on" />{' '}
        {t('scn.fleetMove')}
      </label>
      {move && (
        <div className="scn-fleet-move-sizes">
          {sizeInput('down')}
          {sizeInput('up')}
        </div>
      )}
      <small className="muted">{t('scn.fleetMoveHint')}</small>
    </div>
  );
}
