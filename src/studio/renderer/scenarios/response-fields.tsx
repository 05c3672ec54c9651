import type { ScenarioForm } from '../../api/contract.js';
import { enumLabel } from '../../../tariff-model/enum-labels.js';
import { useI18n } from '../i18n/i18n-context.js';

// The section's types as the studio API carries them (the renderer may not import camera-sim).
type Response = NonNullable<ScenarioForm['response']>;
type Kind = keyof Response;
type Elasticities = NonNullable<Response[Kind]>;
type Series = keyof NonNullable<Elasticities['bySeries']>;

const KINDS: readonly Kind[] = ['cancellation', 'choice'];
const SERIES: readonly Series[] = ['legacy', 'M5525', 'M2035'];
const num = (s: string): number => (s.trim() === '' ? Number.NaN : Number(s));

/**
 * The customers' response to the proposal's prices (docs/scenarios.md § Price response): the
 * price elasticity of cancellations and of new contracts' course choice, for every course and by
 * series (a series left blank takes the value for every course). A blank field is no response (0)
 * and leaves the scenario without it; the section is left out while every field is blank. A
 * saved scenario's by-course elasticities (no control here) are kept and counted.
 */
export function ResponseFields({ form, set, bad, disabled }: { form: ScenarioForm; set: (patch: Partial<ScenarioForm>) => void; bad: (pointer: string) => string | undefined; disabled: boolean }) {
  const { t, lang } = useI18n();
  const response = form.response ?? {};
  const change = (kind: Kind, series: Series | null, n: number) => {
    const cur: Elasticities = { ...(response[kind] ?? {}) };
    if (series === null) {
      if (Number.isNaN(n)) delete cur.elasticity;
      else cur.elasticity = n;
    } else {
      const by = { ...(cur.bySeries ?? {}) };
      if (Number.isNaN(n)) delete by[series];
      else by[series] = n;
      if (Object.keys(by).length) cur.bySeries = by;
      else delete cur.bySeries;
    }
    const next: Response = { ...response };
    if (Object.keys(cur).length) next[kind] = cur;
    else delete next[kind];
    set({ response: Object.keys(next).length ? next : undefined });
  };
  const input = (kind: Kind, series: Series | null, label: string) => {
    const pointer = series === null ? `/response/${kind}/elasticity` : `/response/${kind}/bySeries/${series}`;
    const value = series === null ? response[kind]?.elasticity : response[kind]?.bySeries?.[series];
    return (
      <input
        type="number"
        step="0.1"
        min={-20}
        max={20}
        aria-label={label}
        className={bad(pointer)}
        data-field={pointer}
        data-testid={`scn-response-${kind}-${series ?? 'all'}`}
        placeholder={series === null ? '0' : t('scn.response.sameAsAll')}
        value={value === undefined || Number.isNaN(value) ? '' : String(value)}
        onChange={(e) => change(kind, series, num(e.target.value))}
        disabled={disabled}
      />
    );
  };
  const byCourse = KINDS.reduce((n, k) => n + (response[k]?.byCourse?.length ?? 0), 0);
  // Course choice moves only contracts that start within the months simulated: with every start date
  // by the first day of the first month (a new scenario's default) it moves next to none, and its tornado row reads 0.
  const choice = response.choice;
  const choiceSet = choice !== undefined && (Boolean(choice.elasticity) || Object.values(choice.bySeries ?? {}).some(Boolean) || (choice.byCourse ?? []).length > 0);
  const noNewContracts = form.fleet.startDates.to <= `${form.horizon.start}-01`;
  const seriesName = (s: Series) => enumLabel('courses', 'series', s)?.[lang] ?? s;
  return (
    <fieldset className="scn-group" data-testid="scn-response">
      <legend>{t('scn.section.response')}</legend>
      <p className="muted small">{t('scn.response.help')}</p>
      <table className="scn-rows scn-response">
        <thead>
          <tr>
            <th />
            <th>{t('scn.response.all')}</th>
            {SERIES.map((s) => (
              <th key={s}>{seriesName(s)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {KINDS.map((kind) => (
            <tr key={kind}>
              <th scope="row">
                {t(kind === 'cancellation' ? 'scn.response.cancellation' : 'scn.response.choice')}
                <small className="muted">{t(kind === 'cancellation' ? 'scn.response.cancellationHint' : 'scn.response.choiceHint')}</small>
              </th>
              <td>{input(kind, null, `${t(kind === 'cancellation' ? 'scn.response.cancellation' : 'scn.response.choice')} ${t('scn.response.all')}`)}</td>
              {SERIES.map((s) => (
                <td key={s}>{input(kind, s, `${t(kind === 'cancellation' ? 'scn.response.cancellation' : 'scn.response.choice')} ${seriesName(s)}`)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {choiceSet && noNewContracts && (
        <p className="banner banner-warning small" data-testid="scn-response-no-new">
          {t('scn.response.noNewContracts', { to: form.fleet.startDates.to, start: form.horizon.start })}
        </p>
      )}
      {byCourse > 0 && (
        <p className="muted small" data-testid="scn-response-by-course">
          {t('scn.response.byCourse', { n: byCourse })}
        </p>
      )}
    </fieldset>
  );
}
