import type { ReactElement, ReactNode } from 'react';
import { Area, Bar, BarChart, CartesianGrid, ComposedChart, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { BandRange, RunView } from '../../api/contract.js';
import { useI18n, type Lang } from '../i18n/i18n-context.js';
import { bandCount, bandFigure, compactYen, CONTRACT_MONTH_KEYS, count, money, percent, signedYen } from './format.js';
import { assumptionLabel } from './assumption-label.js';
import { itemLabel } from './item-label.js';
import { DataTable } from '../ui/data-table.js';
import { EditLinesView } from './edit-lines-view.js';
import { yenAxis } from './yen-axis.js';

/**
 * A run's notes (SCENARIO_NOTE, by pointer: what runs but reads the scenario in a way to know) on
 * the Japanese page: what it means and what to do, the simulator's English (with the dates) beneath.
 */
const NOTE_JA: Record<string, string> = {
  '/fleet/startDates/from':
    '契約の利用開始日（から）が、最初の料金表バージョンの施行日より前です。実行は期間内の月だけを請求しますが、解約清算金は期間前に支払った料金を現行案の料金で数え、価格を据え置く契約も現行案の価格のままです（どちらも、その日より前には施行されていなかった料金です）。影響がある場合は、利用開始日（から）を最初の施行日以降にしてください。',
};

/**
 * A run's figures: the summary, then each chart with the table of the same figures beneath it
 * (revenue by month, difference by course and by item, waivers, settlements and cancellations
 * over time). Amounts are yen ex tax, as the workbook's.
 */
const BASE = '#8a94a6';
const PROP = '#1f5fbf';
/** The bands' shades, translucent in the colour itself (not fillOpacity), so the legend's square is as pale as the band it stands for. */
const BASE_BAND = 'rgba(138, 148, 166, 0.18)';
const PROP_BAND = 'rgba(31, 95, 191, 0.18)';
const UP = '#1c7c43';
const DOWN = '#b42318';
const COLORS = { waivers: '#c77700', settlements: '#7b3fb8', cancellations: '#0f7c8c' };
const diffClass = (n: number) => (n > 0 ? 'num up' : n < 0 ? 'num down' : 'num');

export function ResultView({ view }: { view: RunView }) {
  const { t, lang, yen: plainYen } = useI18n();
  const yen = (n: number) => money(n, plainYen);
  const tickYen = (n: number) => compactYen(n, lang);
  const sided = (what: string, side: string) => (lang === 'ja' ? `${what}（${side}）` : `${what} (${side})`);
  const tipYen = (v: unknown) => (typeof v === 'number' ? yen(v) : String(v));
  /** An event count with its unit (12 件), as the summary's counts and the yen columns beside them (円) carry theirs. */
  const events = (n: number) => t('scn.unit.count', { n: count(n, lang) });
  const tipCount = (v: unknown) => (typeof v === 'number' ? events(v) : String(v));
  const main = view.summary.filter((s) => s.kind === 'yen' || s.baseline !== 0 || s.proposal !== 0);
  const label = (s: RunView['summary'][number]) => (lang === 'ja' ? s.labelJa : s.labelEn);
  /** A count with its unit (2,000 件; contract-months as 契約月), as the yen figures beside it carry 円. */
  const counted = (text: string, key: string) => t(CONTRACT_MONTH_KEYS.has(key) ? 'scn.unit.contractMonths' : 'scn.unit.count', { n: text });
  const courseHeight = Math.max(160, view.byCourse.length * 26 + 50);
  const itemHeight = Math.max(160, view.byItem.length * 26 + 50);
  // The simulator names its items in Japanese: the page's language labels them, the term stays in the tooltip.
  const items = view.byItem.map((x) => ({ ...x, ...itemLabel(x, t) }));
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
  // The revenue axis spans the lines and the bands, in round steps (yen-axis.ts).
  const revenueFigures = view.byMonth.flatMap((m) => {
    const b = bandAt.get(m.month);
    return b ? [m.baseline, m.proposal, b.baseline.p5, b.baseline.p95, b.proposal.p5, b.proposal.p95] : [m.baseline, m.proposal];
  });
  const monthBand = view.bands ? (m: { month: string }) => bandAt.get(m.month) : undefined;
  const summaryBand = view.bands ? (s: { key: string }) => view.bands!.summary.find((x) => x.key === s.key) : undefined;
  /** The difference (proposal − baseline) of each row as a horizontal bar, green up and red down. */
  const differenceBars = (data: readonly { difference: number }[], category: string, labelFormatter?: (label: unknown) => string, tickFormatter?: (value: unknown) => string) => (
    <BarChart data={data} layout="vertical" margin={{ top: 4, right: 24, bottom: 4, left: 8 }}>
      <CartesianGrid strokeDasharray="3 3" stroke="#e3e7ee" />
      <XAxis type="number" tickFormatter={tickYen} tick={{ fontSize: 11 }} {...yenAxis(data.map((d) => d.difference), { zero: true })} />
      <YAxis type="category" dataKey={category} width={150} tick={{ fontSize: 11 }} {...(tickFormatter ? { tickFormatter } : {})} />
      <Tooltip formatter={tipYen} {...(labelFormatter ? { labelFormatter } : {})} />
      <ReferenceLine x={0} stroke="#666" />
      <Bar dataKey="difference" name={series.difference} fill={PROP} isAnimationActive={false} shape={<SignedBar />} />
    </BarChart>
  );
  const sideInfo = (k: 0 | 1) => {
    const s = view.meta.sides[k];
    if (!s) return '';
    // An edited side runs on copies the simulator marks as drafts: say "copies with the edits", not "(下書き)", which reads as a draft in the workspace.
    if (s.edits.length > 0 || (s.lines?.length ?? 0) > 0) return t('scn.sideInfoEdited', { rules: s.rules, tariffs: s.tariffs });
    return t('scn.sideInfo', { rules: `${s.rules} (${t(`status.${s.rulesStatus}` as 'status.draft')})`, tariffs: `${s.tariffs} (${t(`status.${s.tariffsStatus}` as 'status.draft')})` });
  };
  /** A side's edits: as sentences (what each changes, from what to what); a run kept before lines were shows the simulator's own words. */
  const sideEdits = (k: 0 | 1) => {
    const s = view.meta.sides[k];
    if (!s) return null;
    const testId = `result-edits-${s.label}`;
    if (s.lines) return <EditLinesView lines={s.lines} testId={testId} />;
    return s.edits.length ? (
      <ul className="scn-edit-lines" data-testid={testId}>
        {s.edits.map((x, i) => (
          <li key={i}>{x}</li>
        ))}
      </ul>
    ) : (
      <EditLinesView lines={[]} testId={testId} />
    );
  };
  return (
    <div className="scn-result" data-testid="scenario-result">
      {view.meta.notes?.length ? (
        <div className="banner banner-warning small" role="note" data-testid="result-notes">
          <strong>{t('scn.notes')}</strong>
          <ul>
            {view.meta.notes.map((n) => (
              <li key={n.pointer} data-testid="result-note">
                {lang === 'ja' && Object.hasOwn(NOTE_JA, n.pointer) && (
                  <>
                    {NOTE_JA[n.pointer]}
                    <br />
                  </>
                )}
                <code>{n.pointer}</code>: <span lang="en">{n.message}</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="muted small scn-meta" data-testid="result-meta">
        <p>{t('scn.meta', { size: count(view.meta.fleetSize, lang), months: view.meta.months, start: view.meta.start, seed: view.meta.seed, workers: view.meta.workers, seconds: (view.meta.elapsedMs / 1000).toFixed(1) })}</p>
        <div className="scn-meta-sides">
          {([0, 1] as const).map((k) => (
            <div key={k} className="scn-meta-side">
              <strong>{t(k === 0 ? 'scn.baseline' : 'scn.proposal')}</strong>: {sideInfo(k)}
              {sideEdits(k)}
            </div>
          ))}
        </div>
      </div>

      <section className="scn-card">
        <h3>{t('scn.summary')}</h3>
        {view.bands && (
          <p className="muted small" data-testid="summary-band-note">
            {t('scn.summaryBandNote', { seed: view.meta.seed, n: view.bands.replications })}
          </p>
        )}
        <FiguresTable
          testId="summary-table"
          wideFirst
          heading={t('scn.metric')}
          rows={main}
          rowKey={(s) => s.key}
          // A count's unit may go under its number ("3,368 / contract-months") so that seven columns fit a 1280 px page; yen never wraps.
          rowProps={(s) => ({ 'data-key': s.key, className: s.key === 'netExTax' || s.key === 'totalInclTax' ? 'strong' : s.kind === 'yen' ? undefined : 'counted' })}
          first={label}
          show={(n, s) => (s.kind === 'yen' ? yen(n) : counted(count(n, lang), s.key))}
          showDifference={(n, s) => (s.kind === 'yen' ? signedYen(n, yen) : counted((n > 0 ? '+' : '') + count(n, lang), s.key))}
          {...(summaryBand
            ? {
                band: summaryBand,
                // A count's band to a tenth (169.0 件 – 171.7 件), as the workbook's Bands sheet and the CLI show it.
                showBand: (n: number, s: RunView['summary'][number]) => (s.kind === 'yen' ? yen(bandFigure(n, 0)) : counted(bandCount(n, lang), s.key)),
                showBandDifference: (n: number, s: RunView['summary'][number]) => (s.kind === 'yen' ? signedYen(bandFigure(n, 0), yen) : counted((bandFigure(n, 1) > 0 ? '+' : '') + bandCount(n, lang), s.key)),
              }
            : {})}
        />
      </section>

      <ChartCard
        testId="chart-revenue"
        title={t('scn.chart.revenue')}
        {...(view.bands ? { note: t('scn.bandNote', { n: view.bands.replications, seed: view.meta.seed }) } : {})}
        height={280}
        folded
        chart={
          <ComposedChart data={revenue} margin={{ top: 8, right: 24, bottom: 4, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e3e7ee" />
            <XAxis dataKey="month" tick={{ fontSize: 11 }} minTickGap={16} />
            <YAxis tickFormatter={tickYen} tick={{ fontSize: 11 }} width={84} {...yenAxis(revenueFigures)} />
            <Tooltip formatter={(v: unknown) => (Array.isArray(v) ? v.map((x) => yen(Math.round(Number(x)))).join(' – ') : tipYen(v))} />
            {/* A band's label takes its series' solid colour: the legend colours a label as its item, and the band's own colour is pale. */}
            <Legend formatter={(value: unknown, entry: { dataKey?: unknown }) => <span style={entry.dataKey === 'baseBand' ? { color: BASE } : entry.dataKey === 'propBand' ? { color: PROP } : undefined}>{String(value)}</span>} />
            {/* A band's legend is a shaded square, translucent as the band on the chart, not a line like the figures'. */}
            {view.bands && <Area type="monotone" dataKey="baseBand" name={`${series.baseline} p5–p95`} legendType="square" stroke="none" fill={BASE_BAND} isAnimationActive={false} />}
            {view.bands && <Area type="monotone" dataKey="propBand" name={t('scn.bandProposal')} legendType="square" stroke="none" fill={PROP_BAND} isAnimationActive={false} />}
            <Line type="monotone" dataKey="baseline" name={series.baseline} stroke={BASE} strokeWidth={2} dot={false} isAnimationActive={false} />
            <Line type="monotone" dataKey="proposal" name={series.proposal} stroke={PROP} strokeWidth={2} dot={false} isAnimationActive={false} />
          </ComposedChart>
        }
        table={<FiguresTable testId="table-by-month" heading={t('scn.month')} rows={view.byMonth} rowKey={(m) => m.month} first={(m) => m.month} {...(monthBand ? { band: monthBand } : {})} />}
      />

      {view.sensitivity && (
        <ChartCard
          testId="chart-tornado"
          title={t('scn.chart.tornado')}
          note={t('scn.tornadoNote', { base: signedYen(view.sensitivity.baseDifference, yen), pct: percent(view.sensitivity.relative, lang) })}
          height={Math.max(160, view.sensitivity.rows.length * 34 + 60)}
          chart={
            <BarChart data={view.sensitivity.rows.map((r) => ({ ...r, label: assumptionLabel(r.label, lang) }))} layout="vertical" barGap={2} margin={{ top: 4, right: 24, bottom: 4, left: 8 }}>
              <CartesianGrid strokeDasharray="3 3" stroke="#e3e7ee" />
              <XAxis type="number" tickFormatter={tickYen} tick={{ fontSize: 11 }} {...yenAxis(view.sensitivity.rows.flatMap((r) => [r.effectDown, r.effectUp]), { zero: true })} />
              <YAxis type="category" dataKey="label" width={220} tick={{ fontSize: 11 }} />
              <Tooltip formatter={tipYen} />
              {/* In the bars' and the table's order, 下げたとき then 上げたとき (sorted by name, 上 came before 下). */}
              <Legend itemSorter={null} />
              <ReferenceLine x={0} stroke="#666" />
              {/* Each bar runs from 0 to its own effect, side by side: stacked, an up effect of the same sign as the down one was drawn from the end of the down bar (0.012 of the hazard read +44万円 for +35万円). */}
              <Bar dataKey="effectDown" name={t('scn.effectDown')} fill={BASE} isAnimationActive={false} />
              <Bar dataKey="effectUp" name={t('scn.effectUp')} fill={PROP} isAnimationActive={false} />
            </BarChart>
          }
          table={
            <DataTable
              className="scn-table"
              testId="table-tornado"
              rows={view.sensitivity.rows}
              rowKey={(r) => r.pointer}
              rowProps={(r) => ({ 'data-key': r.pointer })}
              columns={[
                { key: 'label', header: t('scn.assumption'), cellClass: undefined, title: (r) => r.pointer, cell: (r) => assumptionLabel(r.label, lang) },
                { key: 'moved', header: t('scn.movedValues'), className: 'num', cellClass: 'num small', cellAttributes: () => ({ 'data-moved': '' }), cell: (r) => movedText(r, lang) },
                { key: 'down', header: t('scn.effectDown'), className: 'num', cellClass: (r) => diffClass(r.effectDown), cell: (r) => signedYen(r.effectDown, yen) },
                { key: 'up', header: t('scn.effectUp'), className: 'num', cellClass: (r) => diffClass(r.effectUp), cell: (r) => signedYen(r.effectUp, yen) },
                { key: 'swing', header: t('scn.swing'), className: 'num', cell: (r) => yen(r.swing) },
              ]}
            />
          }
        />
      )}

      <div className="scn-two">
        <ChartCard
          testId="chart-by-course"
          title={t('scn.chart.byCourse')}
          height={courseHeight}
          chart={differenceBars(view.byCourse, 'code', (code) => `${String(code)} ${view.byCourse.find((c) => c.code === code)?.name ?? ''}`)}
          table={
            <FiguresTable
              testId="table-by-course"
              heading={t('scn.course')}
              rows={view.byCourse}
              rowKey={(c) => c.code}
              firstTitle={(c) => c.name}
              first={(c) => (
                <>
                  <span className="mono small">{c.code}</span>
                  <br />
                  <span className="small muted">{c.name}</span>
                </>
              )}
            />
          }
        />

        <ChartCard
          testId="chart-by-item"
          title={t('scn.chart.byItem')}
          height={itemHeight}
          chart={differenceBars(
            items.map((x) => ({ ...x, key: `${x.item} ${x.clause}` })),
            'key',
            (key) => {
              const x = items.find((i) => `${i.item} ${i.clause}` === key);
              return x ? `${x.label}${x.term === x.label ? '' : ` (${x.term})`} ${x.clause}` : String(key);
            },
            (key) => items.find((i) => `${i.item} ${i.clause}` === key)?.label ?? String(key),
          )}
          table={
            <FiguresTable
              testId="table-by-item"
              heading={t('scn.item')}
              rows={items}
              rowKey={(x) => `${x.item} ${x.clause}`}
              rowProps={(x) => ({ 'data-key': `${x.item} ${x.clause}` })}
              firstTitle={(x) => (x.term === x.label ? x.clause : `${x.term} ${x.clause}`)}
              first={(x) => (
                <>
                  <span data-item-label="">{x.label}</span>
                  <br />
                  <span className="small muted">{x.clause}</span>
                </>
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
            <YAxis tick={{ fontSize: 11 }} width={56} allowDecimals={false} label={{ value: t('scn.unit.countAxis'), position: 'insideTopLeft', offset: 0, dy: -4, fontSize: 11 }} />
            <Tooltip formatter={tipCount} />
            <Legend />
            {(['waivers', 'settlements', 'cancellations'] as const).map((k) => [
              // The legend draws each line as the chart does (the baseline's dashed: its icon was a solid line like the proposal's), named 減免（現行案）.
              <Line key={`${k}B`} type="linear" dataKey={`${k}B`} name={sided(t(`scn.event.${k}`), series.baseline)} legendType="plainline" stroke={COLORS[k]} strokeDasharray="5 4" strokeOpacity={0.6} dot={false} isAnimationActive={false} />,
              <Line key={`${k}P`} type="linear" dataKey={`${k}P`} name={sided(t(`scn.event.${k}`), series.proposal)} legendType="plainline" stroke={COLORS[k]} strokeWidth={2} dot={false} isAnimationActive={false} />,
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
                  <td className="num">{events(m.waivers.baseline)}</td>
                  <td className="num">{events(m.waivers.proposal)}</td>
                  <td className="num">{yen(m.waiverYen.baseline)}</td>
                  <td className="num">{yen(m.waiverYen.proposal)}</td>
                  <td className="num">{events(m.settlements.baseline)}</td>
                  <td className="num">{events(m.settlements.proposal)}</td>
                  <td className="num">{yen(m.settlementYen.baseline)}</td>
                  <td className="num">{yen(m.settlementYen.proposal)}</td>
                  <td className="num">{events(m.cancellations.baseline)}</td>
                  <td className="num">{events(m.cancellations.proposal)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        }
      />
    </div>
  );
}

/** How far a tornado row moved its assumption: down ← base → up (each place it appears, comma-separated). */
function movedText(r: { base: number[]; down: number[]; up: number[] }, lang: Lang): string {
  const show = (xs: number[]) => xs.map((x) => Number(x.toPrecision(6)).toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-US', { maximumFractionDigits: 6 })).join(', ');
  return `${show(r.down)} ← ${show(r.base)} → ${show(r.up)}`;
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
  // The table scrolls inside its box (a long horizon): the box takes the focus so the keyboard can scroll it too.
  const table = (
    <div className="scn-table-box" tabIndex={0} role="region" aria-label={`${props.title}: ${t('scn.table')}`} data-testid={`${props.testId}-table-box`}>
      {props.table}
    </div>
  );
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
  first: (row: R) => ReactNode;
  firstTitle?: (row: R) => string;
  rowProps?: (row: R) => { 'data-key'?: string; className?: string };
  show?: (n: number, row: R) => string;
  showDifference?: (n: number, row: R) => string;
  /** The first column holds sentences (the summary's metrics): it keeps room for them rather than wrapping each word. */
  wideFirst?: boolean;
  /** With replications: the row's p5–p95 of the proposal and of the paired difference, two more columns. */
  band?: (row: R) => { proposal: BandRange; difference: BandRange } | undefined;
  /** A band's figure (default: yen to the yen, as the workbook's Bands sheet); the summary's counts show a tenth. */
  showBand?: (n: number, row: R) => string;
  showBandDifference?: (n: number, row: R) => string;
}) {
  const { t, yen: plainYen } = useI18n();
  const yen = (n: number) => money(n, plainYen);
  const show = props.show ?? yen;
  const showDifference = props.showDifference ?? ((n: number) => signedYen(n, yen));
  const band = props.band;
  const showBand = props.showBand ?? ((n: number) => yen(bandFigure(n, 0)));
  const showBandDifference = props.showBandDifference ?? ((n: number) => signedYen(bandFigure(n, 0), yen));
  return (
    <DataTable
      className={props.wideFirst ? 'scn-table scn-table-wide-first' : 'scn-table'}
      testId={props.testId}
      rows={props.rows}
      rowKey={props.rowKey}
      {...(props.rowProps ? { rowProps: props.rowProps } : {})}
      columns={[
        { key: 'first', header: props.heading, cell: props.first, ...(props.firstTitle ? { title: props.firstTitle } : {}) },
        { key: 'baseline', header: t('scn.baseline'), className: 'num', cell: (r) => show(r.baseline, r) },
        { key: 'proposal', header: t('scn.proposal'), className: 'num', cell: (r) => show(r.proposal, r) },
        { key: 'difference', header: t('scn.difference'), className: 'num', cellClass: (r) => diffClass(r.difference), cell: (r) => showDifference(r.difference, r) },
        ...(band
          ? [
              { key: 'bandProposal', header: t('scn.bandProposal'), className: 'num', cellClass: 'num small band-range', cellAttributes: (r: R): Record<`data-${string}`, string> => (band(r) ? { 'data-band': 'proposal' } : {}), cell: (r: R) => bandText(band(r), 'proposal', (n) => showBand(n, r)) },
              // The central estimate of the difference: the one run of the seed may lie far from it (the list's headline is that run).
              { key: 'bandMedian', header: t('scn.bandMedian'), className: 'num', cellClass: (r: R) => diffClass(band(r)?.difference.p50 ?? 0), cellAttributes: (r: R): Record<`data-${string}`, string> => (band(r) ? { 'data-band': 'median' } : {}), cell: (r: R) => { const b = band(r); return b ? showBandDifference(b.difference.p50, r) : ''; } },
              { key: 'bandDifference', header: t('scn.bandDifference'), className: 'num', cellClass: 'num small band-range', cellAttributes: (r: R): Record<`data-${string}`, string> => (band(r) ? { 'data-band': 'difference' } : {}), cell: (r: R) => bandText(band(r), 'difference', (n) => showBandDifference(n, r)) },
            ]
          : []),
      ]}
    />
  );
}

/** A row's p5–p95 range of the proposal or of the paired difference ("" without replications). */
function bandText(band: { proposal: BandRange; difference: BandRange } | undefined, which: 'proposal' | 'difference', show: (n: number) => string): string {
  return band ? `${show(band[which].p5)} – ${show(band[which].p95)}` : '';
}
