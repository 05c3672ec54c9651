import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { RunView } from '../../api/contract.js';
import { useI18n } from '../i18n/i18n-context.js';
import { compactYen, count, money, signedYen } from './format.js';

/**
 * A run's figures: the summary, then each chart with the table of the same figures beneath it
 * (revenue by month, difference by course and by item, waivers, settlements and cancellations
 * over time). Amounts are yen ex tax, as the workbook's.
 */
const BASE = '#8a94a6';
const PROP = '#1f5fbf';
const UP = '#1c7c43';
const DOWN = '#b42318';
const COLORS = { waivers: '#c77700', settlements: '#7b3fb8', cancellations: '#0f7c8c' };

export function ResultView({ view }: { view: RunView }) {
  const { t, lang, yen: plainYen } = useI18n();
  const yen = (n: number) => money(n, plainYen);
  const tickYen = (n: number) => compactYen(n, lang);
  const tipYen = (v: unknown) => (typeof v === 'number' ? yen(v) : String(v));
  const tipCount = (v: unknown) => (typeof v === 'number' ? count(v, lang) : String(v));
  const main = view.summary.filter((s) => s.kind === 'yen' || s.baseline !== 0 || s.proposal !== 0);
  const label = (s: RunView['summary'][number]) => (lang === 'ja' ? s.labelJa : s.labelEn);
  const diffClass = (n: number) => (n > 0 ? 'num up' : n < 0 ? 'num down' : 'num');
  const courseHeight = Math.max(160, view.byCourse.length * 26 + 50);
  const itemHeight = Math.max(160, view.byItem.length * 26 + 50);
  const series = {
    baseline: t('scn.baseline'),
    proposal: t('scn.proposal'),
    difference: t('scn.difference'),
  };
  const over = view.overTime.map((m) => ({
    month: m.month,
    waiversB: m.waivers.baseline,
    waiversP: m.waivers.proposal,
    settlementsB: m.settlements.baseline,
    settlementsP: m.settlements.proposal,
    cancellationsB: m.cancellations.baseline,
    cancellationsP: m.cancellations.proposal,
  }));
  const sideInfo = (k: 0 | 1) => {
    const s = view.meta.sides[k];
    if (!s) return '';
    return t('scn.sideInfo', { rules: `${s.rules} (${t(`status.${s.rulesStatus}` as 'status.draft')})`, tariffs: `${s.tariffs} (${t(`status.${s.tariffsStatus}` as 'status.draft')})` }) + (s.edits.length ? ` — ${s.edits.join('; ')}` : '');
  };
  return (
    <div className="scn-result" data-testid="scenario-result">
      <p className="muted small scn-meta" data-testid="result-meta">
        {t('scn.meta', { size: count(view.meta.fleetSize, lang), months: view.meta.months, start: view.meta.start, seed: view.meta.seed, workers: view.meta.workers, seconds: (view.meta.elapsedMs / 1000).toFixed(1) })}
        <br />
        {t('scn.baseline')}: {sideInfo(0)}
        <br />
        {t('scn.proposal')}: {sideInfo(1)}
      </p>

      <section className="scn-card">
        <h3>{t('scn.summary')}</h3>
        <table className="scn-table" data-testid="summary-table">
          <thead>
            <tr>
              <th>{t('scn.metric')}</th>
              <th className="num">{series.baseline}</th>
              <th className="num">{series.proposal}</th>
              <th className="num">{series.difference}</th>
            </tr>
          </thead>
          <tbody>
            {main.map((s) => (
              <tr key={s.key} data-key={s.key} className={s.key === 'netExTax' || s.key === 'totalInclTax' ? 'strong' : undefined}>
                <td>{label(s)}</td>
                <td className="num">{s.kind === 'yen' ? yen(s.baseline) : count(s.baseline, lang)}</td>
                <td className="num">{s.kind === 'yen' ? yen(s.proposal) : count(s.proposal, lang)}</td>
                <td className={diffClass(s.difference)}>{s.kind === 'yen' ? signedYen(s.difference, yen) : (s.difference > 0 ? '+' : '') + count(s.difference, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section className="scn-card" data-testid="chart-revenue">
        <h3>{t('scn.chart.revenue')}</h3>
        <div className="scn-chart">
          <ResponsiveContainer width="100%" height={280}>
            <LineChart data={view.byMonth} margin={{ top: 8, right: 24, bottom: 4, left: 8 }}>
              <CartesianGrid strokeDasharray="3 3" stroke="#e3e7ee" />
              <XAxis dataKey="month" tick={{ fontSize: 11 }} minTickGap={16} />
              <YAxis tickFormatter={tickYen} tick={{ fontSize: 11 }} width={84} />
              <Tooltip formatter={tipYen} />
              <Legend />
              <Line type="monotone" dataKey="baseline" name={series.baseline} stroke={BASE} strokeWidth={2} dot={false} isAnimationActive={false} />
              <Line type="monotone" dataKey="proposal" name={series.proposal} stroke={PROP} strokeWidth={2} dot={false} isAnimationActive={false} />
            </LineChart>
          </ResponsiveContainer>
        </div>
        <details className="scn-details" open>
          <summary>{t('scn.table')}</summary>
          <div className="scn-table-box">
            <table className="scn-table" data-testid="table-by-month">
              <thead>
                <tr>
                  <th>{t('scn.month')}</th>
                  <th className="num">{series.baseline}</th>
                  <th className="num">{series.proposal}</th>
                  <th className="num">{series.difference}</th>
                </tr>
              </thead>
              <tbody>
                {view.byMonth.map((m) => (
                  <tr key={m.month}>
                    <td>{m.month}</td>
                    <td className="num">{yen(m.baseline)}</td>
                    <td className="num">{yen(m.proposal)}</td>
                    <td className={diffClass(m.difference)}>{signedYen(m.difference, yen)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      </section>

      <div className="scn-two">
        <section className="scn-card" data-testid="chart-by-course">
          <h3>{t('scn.chart.byCourse')}</h3>
          <div className="scn-chart">
            <ResponsiveContainer width="100%" height={courseHeight}>
              <BarChart data={view.byCourse} layout="vertical" margin={{ top: 4, right: 24, bottom: 4, left: 8 }}>
                <CartesianGrid strokeDasharray="3 3" stroke="#e3e7ee" />
                <XAxis type="number" tickFormatter={tickYen} tick={{ fontSize: 11 }} />
                <YAxis type="category" dataKey="code" width={150} tick={{ fontSize: 11 }} />
                <Tooltip formatter={tipYen} labelFormatter={(code) => `${String(code)} ${view.byCourse.find((c) => c.code === code)?.name ?? ''}`} />
                <ReferenceLine x={0} stroke="#666" />
                <Bar dataKey="difference" name={series.difference} fill={PROP} isAnimationActive={false} shape={<SignedBar />} />
              </BarChart>
            </ResponsiveContainer>
          </div>
          <div className="scn-table-box">
            <table className="scn-table" data-testid="table-by-course">
              <thead>
                <tr>
                  <th>{t('scn.course')}</th>
                  <th className="num">{series.baseline}</th>
                  <th className="num">{series.proposal}</th>
                  <th className="num">{series.difference}</th>
                </tr>
              </thead>
              <tbody>
                {view.byCourse.map((c) => (
                  <tr key={c.code}>
                    <td title={c.name}>
                      <span className="mono small">{c.code}</span>
                      <br />
                      <span className="small muted">{c.name}</span>
                    </td>
                    <td className="num">{yen(c.baseline)}</td>
                    <td className="num">{yen(c.proposal)}</td>
                    <td className={diffClass(c.difference)}>{signedYen(c.difference, yen)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>

        <section className="scn-card" data-testid="chart-by-item">
          <h3>{t('scn.chart.byItem')}</h3>
          <div className="scn-chart">
            <ResponsiveContainer width="100%" height={itemHeight}>
              <BarChart data={view.byItem.map((x) => ({ ...x, label: x.name }))} layout="vertical" margin={{ top: 4, right: 24, bottom: 4, left: 8 }}>
                <CartesianGrid strokeDasharray="3 3" stroke="#e3e7ee" />
                <XAxis type="number" tickFormatter={tickYen} tick={{ fontSize: 11 }} />
                <YAxis type="category" dataKey="label" width={150} tick={{ fontSize: 11 }} />
                <Tooltip formatter={tipYen} />
                <ReferenceLine x={0} stroke="#666" />
                <Bar dataKey="difference" name={series.difference} fill={PROP} isAnimationActive={false} shape={<SignedBar />} />
              </BarChart>
            </ResponsiveContainer>
          </div>
          <div className="scn-table-box">
            <table className="scn-table" data-testid="table-by-item">
              <thead>
                <tr>
                  <th>{t('scn.item')}</th>
                  <th className="num">{series.baseline}</th>
                  <th className="num">{series.proposal}</th>
                  <th className="num">{series.difference}</th>
                </tr>
              </thead>
              <tbody>
                {view.byItem.map((x) => (
                  <tr key={`${x.item} ${x.clause}`}>
                    <td>
                      {x.name}
                      <br />
                      <span className="small muted">{x.clause}</span>
                    </td>
                    <td className="num">{yen(x.baseline)}</td>
                    <td className="num">{yen(x.proposal)}</td>
                    <td className={diffClass(x.difference)}>{signedYen(x.difference, yen)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      </div>

      <section className="scn-card" data-testid="chart-events">
        <h3>{t('scn.chart.events')}</h3>
        <p className="muted small">{t('scn.chart.eventsNote')}</p>
        <div className="scn-chart">
          <ResponsiveContainer width="100%" height={280}>
            <LineChart data={over} margin={{ top: 8, right: 24, bottom: 4, left: 8 }}>
              <CartesianGrid strokeDasharray="3 3" stroke="#e3e7ee" />
              <XAxis dataKey="month" tick={{ fontSize: 11 }} minTickGap={16} />
              <YAxis tick={{ fontSize: 11 }} width={56} allowDecimals={false} />
              <Tooltip formatter={tipCount} />
              <Legend />
              {(['waivers', 'settlements', 'cancellations'] as const).map((k) => [
                <Line key={`${k}B`} type="linear" dataKey={`${k}B`} name={`${t(`scn.event.${k}`)} (${series.baseline})`} stroke={COLORS[k]} strokeDasharray="5 4" strokeOpacity={0.6} dot={false} isAnimationActive={false} />,
                <Line key={`${k}P`} type="linear" dataKey={`${k}P`} name={`${t(`scn.event.${k}`)} (${series.proposal})`} stroke={COLORS[k]} strokeWidth={2} dot={false} isAnimationActive={false} />,
              ])}
            </LineChart>
          </ResponsiveContainer>
        </div>
        <details className="scn-details" open>
          <summary>{t('scn.table')}</summary>
          <div className="scn-table-box">
            <table className="scn-table" data-testid="table-events">
              <thead>
                <tr>
                  <th rowSpan={2}>{t('scn.month')}</th>
                  <th colSpan={2} className="center">{t('scn.event.waivers')}</th>
                  <th colSpan={2} className="center">{t('scn.event.waiverYen')}</th>
                  <th colSpan={2} className="center">{t('scn.event.settlements')}</th>
                  <th colSpan={2} className="center">{t('scn.event.settlementYen')}</th>
                  <th colSpan={2} className="center">{t('scn.event.cancellations')}</th>
                </tr>
                <tr>
                  {[0, 1, 2, 3, 4].flatMap((i) => [
                    <th key={`b${i}`} className="num small">{series.baseline}</th>,
                    <th key={`p${i}`} className="num small">{series.proposal}</th>,
                  ])}
                </tr>
              </thead>
              <tbody>
                {view.overTime.map((m) => (
                  <tr key={m.month}>
                    <td>{m.month}</td>
                    <td className="num">{count(m.waivers.baseline, lang)}</td>
                    <td className="num">{count(m.waivers.proposal, lang)}</td>
                    <td className="num">{yen(m.waiverYen.baseline)}</td>
                    <td className="num">{yen(m.waiverYen.proposal)}</td>
                    <td className="num">{count(m.settlements.baseline, lang)}</td>
                    <td className="num">{count(m.settlements.proposal, lang)}</td>
                    <td className="num">{yen(m.settlementYen.baseline)}</td>
                    <td className="num">{yen(m.settlementYen.proposal)}</td>
                    <td className="num">{count(m.cancellations.baseline, lang)}</td>
                    <td className="num">{count(m.cancellations.proposal, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      </section>
    </div>
  );
}

/** A bar coloured by its sign: green where the proposal earns more, red where it earns less. */
function SignedBar(props: { x?: number; y?: number; width?: number; height?: number; value?: number | number[]; payload?: { difference?: number } }) {
  const { x = 0, y = 0, width = 0, height = 0 } = props;
  const d = props.payload?.difference ?? 0;
  const left = width < 0 ? x + width : x;
  return <rect x={left} y={y} width={Math.abs(width)} height={height} fill={d >= 0 ? UP : DOWN} />;
}
