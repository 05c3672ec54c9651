import type { ReactElement, ReactNode } from 'react';
import { Area, Bar, BarChart, CartesianGrid, ComposedChart, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { BandRange, RunView } from '../../api/contract.js';
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
const diffClass = (n: number) => (n > 0 ? 'num up' : n < 0 ? 'num down' : 'num');

export function ResultView({ view }: { view: RunView }) {
  const { t, lang, yen: plainYen } = useI18n();
  const yen = (n: number) => money(n, plainYen);
  const tickYen = (n: number) => compactYen(n, lang);
  const tipYen = (v: unknown) => (typeof v === 'number' ? yen(v) : String(v));
  const tipCount = (v: unknown) => (typeof v === 'number' ? count(v, lang) : String(v));
  const main = view.summary.filter((s) => s.kind === 'yen' || s.baseline !== 0 || s.proposal !== 0);
  const label = (s: RunView['summary'][number]) => (lang === 'ja' ? s.labelJa : s.labelEn);
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
  const bandAt = new Map((view.bands?.byMonth ?? []).map((b) => [b.month, b]));
  const revenue = view.byMonth.map((m) => {
    const b = bandAt.get(m.month);
    return b ? { ...m, baseBand: [b.baseline.p5, b.baseline.p95], propBand: [b.proposal.p5, b.proposal.p95] } : m;
  });
  const monthBand = view.bands ? (m: { month: string }) => bandAt.get(m.month) : undefined;
  const summaryBand = view.bands ? (s: { key: string }) => view.bands!.summary.find((x) => x.key === s.key) : undefined;
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
        <FiguresTable
          testId="summary-table"
          heading={t('scn.metric')}
          rows={main}
          rowKey={(s) => s.key}
          rowProps={(s) => ({ 'data-key': s.key, className: s.key === 'netExTax' || s.key === 'totalInclTax' ? 'strong' : undefined })}
          first={(s) => <td>{label(s)}</td>}
          show={(n, s) => (s.kind === 'yen' ? yen(n) : count(n, lang))}
          showDifference={(n, s) => (s.kind === 'yen' ? signedYen(n, yen) : (n > 0 ? '+' : '') + count(n, lang))}
          {...(summaryBand ? { band: summaryBand } : {})}
        />
      </section>

      <ChartCard
        testId="chart-revenue"
        title={t('scn.chart.revenue')}
        {...(view.bands ? { note: t('scn.bandNote', { n: view.bands.replications }) } : {})}
        height={280}
        folded
        chart={
          <ComposedChart data={revenue} margin={{ top: 8, right: 24, bottom: 4, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e3e7ee" />
            <XAxis dataKey="month" tick={{ fontSize: 11 }} minTickGap={16} />
            <YAxis tickFormatter={tickYen} tick={{ fontSize: 11 }} width={84} domain={['auto', 'auto']} />
            <Tooltip formatter={(v: unknown) => (Array.isArray(v) ? v.map((x) => yen(Math.round(Number(x)))).join(' – ') : tipYen(v))} />
            <Legend />
            {view.bands && <Area type="monotone" dataKey="baseBand" name={`${series.baseline} p5–p95`} stroke="none" fill={BASE} fillOpacity={0.18} isAnimationActive={false} />}
            {view.bands && <Area type="monotone" dataKey="propBand" name={t('scn.bandProposal')} stroke="none" fill={PROP} fillOpacity={0.18} isAnimationActive={false} />}
            <Line type="monotone" dataKey="baseline" name={series.baseline} stroke={BASE} strokeWidth={2} dot={false} isAnimationActive={false} />
            <Line type="monotone" dataKey="proposal" name={series.proposal} stroke={PROP} strokeWidth={2} dot={false} isAnimationActive={false} />
          </ComposedChart>
        }
        table={<FiguresTable testId="table-by-month" heading={t('scn.month')} rows={view.byMonth} rowKey={(m) => m.month} first={(m) => <td>{m.month}</td>} {...(monthBand ? { band: monthBand } : {})} />}
      />

      {view.sensitivity && (
        <ChartCard
          testId="chart-tornado"
          title={t('scn.chart.tornado')}
          note={t('scn.tornadoNote', { base: signedYen(view.sensitivity.baseDifference, yen) })}
          height={Math.max(160, view.sensitivity.rows.length * 34 + 60)}
          chart={
            <BarChart data={view.sensitivity.rows} layout="vertical" stackOffset="sign" margin={{ top: 4, right: 24, bottom: 4, left: 8 }}>
              <CartesianGrid strokeDasharray="3 3" stroke="#e3e7ee" />
              <XAxis type="number" tickFormatter={tickYen} tick={{ fontSize: 11 }} />
              <YAxis type="category" dataKey="label" width={220} tick={{ fontSize: 11 }} />
              <Tooltip formatter={tipYen} />
              <Legend />
              <ReferenceLine x={0} stroke="#666" />
              <Bar dataKey="effectDown" stackId="t" name={t('scn.effectDown')} fill={BASE} isAnimationActive={false} />
              <Bar dataKey="effectUp" stackId="t" name={t('scn.effectUp')} fill={PROP} isAnimationActive={false} />
            </BarChart>
          }
          table={
            <table className="scn-table" data-testid="table-tornado">
              <thead>
                <tr>
                  <th>{t('scn.assumption')}</th>
                  <th className="num">{t('scn.effectDown')}</th>
                  <th className="num">{t('scn.effectUp')}</th>
                  <th className="num">{t('scn.swing')}</th>
                </tr>
              </thead>
              <tbody>
                {view.sensitivity.rows.map((r) => (
                  <tr key={r.pointer} data-key={r.pointer}>
                    <td title={r.pointer}>{r.label}</td>
                    <td className={diffClass(r.effectDown)}>{signedYen(r.effectDown, yen)}</td>
                    <td className={diffClass(r.effectUp)}>{signedYen(r.effectUp, yen)}</td>
                    <td className="num">{yen(r.swing)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          }
        />
      )}

      <div className="scn-two">
        <ChartCard
          testId="chart-by-course"
          title={t('scn.chart.byCourse')}
          height={courseHeight}
          chart={
            <BarChart data={view.byCourse} layout="vertical" margin={{ top: 4, right: 24, bottom: 4, left: 8 }}>
              <CartesianGrid strokeDasharray="3 3" stroke="#e3e7ee" />
              <XAxis type="number" tickFormatter={tickYen} tick={{ fontSize: 11 }} />
              <YAxis type="category" dataKey="code" width={150} tick={{ fontSize: 11 }} />
              <Tooltip formatter={tipYen} labelFormatter={(code) => `${String(code)} ${view.byCourse.find((c) => c.code === code)?.name ?? ''}`} />
              <ReferenceLine x={0} stroke="#666" />
              <Bar dataKey="difference" name={series.difference} fill={PROP} isAnimationActive={false} shape={<SignedBar />} />
            </BarChart>
          }
          table={
            <FiguresTable
              testId="table-by-course"
              heading={t('scn.course')}
              rows={view.byCourse}
              rowKey={(c) => c.code}
              first={(c) => (
                <td title={c.name}>
                  <span className="mono small">{c.code}</span>
                  <br />
                  <span className="small muted">{c.name}</span>
                </td>
              )}
            />
          }
        />

        <ChartCard
          testId="chart-by-item"
          title={t('scn.chart.byItem')}
          height={itemHeight}
          chart={
            <BarChart data={view.byItem.map((x) => ({ ...x, label: x.name }))} layout="vertical" margin={{ top: 4, right: 24, bottom: 4, left: 8 }}>
              <CartesianGrid strokeDasharray="3 3" stroke="#e3e7ee" />
              <XAxis type="number" tickFormatter={tickYen} tick={{ fontSize: 11 }} />
              <YAxis type="category" dataKey="label" width={150} tick={{ fontSize: 11 }} />
              <Tooltip formatter={tipYen} />
              <ReferenceLine x={0} stroke="#666" />
              <Bar dataKey="difference" name={series.difference} fill={PROP} isAnimationActive={false} shape={<SignedBar />} />
            </BarChart>
          }
          table={
            <FiguresTable
              testId="table-by-item"
              heading={t('scn.item')}
              rows={view.byItem}
              rowKey={(x) => `${x.item} ${x.clause}`}
              first={(x) => (
                <td>
                  {x.name}
                  <br />
                  <span className="small muted">{x.clause}</span>
                </td>
              )}
            />
          }
        />
      </div>

      <ChartCard
        testId="chart-events"
        title={t('scn.chart.events')}
        note={t('scn.chart.eventsNote')}
        height={280}
        folded
        chart={
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
        }
        table={
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
        }
      />
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

/** A chart card: its title, the chart, and beneath it the table of the same figures (in an open <details> when `folded`). */
function ChartCard(props: { testId: string; title: string; note?: string; height: number; folded?: boolean; chart: ReactElement; table: ReactNode }) {
  const { t } = useI18n();
  const table = <div className="scn-table-box">{props.table}</div>;
  return (
    <section className="scn-card" data-testid={props.testId}>
      <h3>{props.title}</h3>
      {props.note !== undefined && <p className="muted small">{props.note}</p>}
      <div className="scn-chart">
        <ResponsiveContainer width="100%" height={props.height}>
          {props.chart}
        </ResponsiveContainer>
      </div>
      {props.folded ? (
        <details className="scn-details" open>
          <summary>{t('scn.table')}</summary>
          {table}
        </details>
      ) : (
        table
      )}
    </section>
  );
}

type Figures = { baseline: number; proposal: number; difference: number };

/** Baseline, proposal and difference, a row each: yen (the difference signed) unless `show`/`showDifference` say otherwise. */
function FiguresTable<R extends Figures>(props: {
  testId: string;
  heading: string;
  rows: readonly R[];
  rowKey: (row: R) => string;
  first: (row: R) => ReactElement;
  rowProps?: (row: R) => { 'data-key'?: string; className?: string };
  show?: (n: number, row: R) => string;
  showDifference?: (n: number, row: R) => string;
  /** With replications: the row's p5–p95 of the proposal and of the paired difference, two more columns. */
  band?: (row: R) => { proposal: BandRange; difference: BandRange } | undefined;
}) {
  const { t, yen: plainYen } = useI18n();
  const yen = (n: number) => money(n, plainYen);
  const show = props.show ?? yen;
  const showDifference = props.showDifference ?? ((n: number) => signedYen(n, yen));
  return (
    <table className="scn-table" data-testid={props.testId}>
      <thead>
        <tr>
          <th>{props.heading}</th>
          <th className="num">{t('scn.baseline')}</th>
          <th className="num">{t('scn.proposal')}</th>
          <th className="num">{t('scn.difference')}</th>
          {props.band && <th className="num">{t('scn.bandProposal')}</th>}
          {props.band && <th className="num">{t('scn.bandDifference')}</th>}
        </tr>
      </thead>
      <tbody>
        {props.rows.map((r) => (
          <tr key={props.rowKey(r)} {...props.rowProps?.(r)}>
            {props.first(r)}
            <td className="num">{show(r.baseline, r)}</td>
            <td className="num">{show(r.proposal, r)}</td>
            <td className={diffClass(r.difference)}>{showDifference(r.difference, r)}</td>
            {props.band && <BandCells band={props.band(r)} show={(n) => show(Math.round(n), r)} showDifference={(n) => showDifference(Math.round(n), r)} />}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function BandCells({ band, show, showDifference }: { band: { proposal: BandRange; difference: BandRange } | undefined; show: (n: number) => string; showDifference: (n: number) => string }) {
  if (!band) return <><td /><td /></>;
  return (
    <>
      <td className="num small" data-band="proposal">{`${show(band.proposal.p5)} – ${show(band.proposal.p95)}`}</td>
      <td className="num small" data-band="difference">{`${showDifference(band.difference.p5)} – ${showDifference(band.difference.p95)}`}</td>
    </>
  );
}
