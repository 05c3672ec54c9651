import { Fragment, useEffect, useRef } from 'react';
import { Area, CartesianGrid, ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { RunView } from '../../api/contract.js';
import { useI18n } from '../i18n/i18n-context.js';
import { yenAxis } from './yen-axis.js';
import { bandFigure, compactYen, CONTRACT_MONTH_KEYS, count, money, signedYen } from './format.js';
import { COMPARE_COLORS, COMPARE_LETTERS, compareMonths, type CompareSide } from './compare-data.js';

/**
 * Two to four saved scenarios' last runs side by side: every summary figure, and the monthly
 * difference (proposal − baseline) of each, with its p5–p95 band when it ran with replications
 * (shaded in its colour, edged with a dashed line so that overlapping bands stay apart), and the
 * same figures in a table beneath.
 */
export function CompareView({ sides, onClose }: { sides: readonly CompareSide[]; onClose: () => void }) {
  const { t, lang, yen: plainYen } = useI18n();
  const yen = (n: number) => money(n, plainYen);
  const letter = (i: number) => COMPARE_LETTERS[i] ?? String(i + 1);
  const first = sides[0]!.view;
  const keys = first.summary.map((s) => s.key).filter((k) => {
    const x = first.summary.find((s) => s.key === k)!;
    return x.kind === 'yen' || sides.some((side) => side.view.summary.some((s) => s.key === k && (s.baseline || s.proposal)));
  });
  const { rows: data, figures, banded } = compareMonths(sides);
  // Three or four scenarios on one baseline (variants duplicated from one): its figures once, in the first column, so the table fits the page.
  const shared = sharedBaseline(sides, keys);
  const perSide = shared ? 2 : 3;
  const anyBand = banded.some(Boolean);
  const without = sides.map((_, i) => i).filter((i) => !banded[i]).map(letter);
  // A count with its unit (1,000 件, 21,655 契約月), as the run's own summary shows it.
  const fmt = (kind: 'yen' | 'count', n: number, key: string, signed = false) =>
    kind === 'yen' ? (signed ? signedYen(n, yen) : yen(n)) : t(CONTRACT_MONTH_KEYS.has(key) ? 'scn.unit.contractMonths' : 'scn.unit.count', { n: `${signed && n > 0 ? '+' : ''}${count(n, lang)}` });
  const bandYen = (n: number) => signedYen(bandFigure(n, 0), yen);
  // The paired difference's p50 and p5–p95 of net revenue, as the run's own summary and the Bands sheet show them.
  const median = (v: RunView): string => {
    const d = v.bands?.summary.find((x) => x.key === 'netExTax')?.difference;
    if (!v.bands || !d) return t('scn.compare.noBands');
    return t('scn.compare.medianOf', { p50: bandYen(d.p50), p5: bandYen(d.p5), p95: bandYen(d.p95), n: v.bands.replications });
  };
  // Opened below a long result scrolled far down, the comparison comes into view with the focus on its heading
  // (the button pressed is in the list on the left: nothing on screen changed before).
  const heading = useRef<HTMLHeadingElement | null>(null);
  const names = sides.map((s) => s.name).join('\u0000');
  useEffect(() => {
    heading.current?.scrollIntoView({ block: 'start' });
    heading.current?.focus({ preventScroll: true });
  }, [names]);
  return (
    <section className="scn-card scn-compare" data-testid="compare-view" data-count={sides.length}>
      <div className="scn-card-head">
        <h3 ref={heading} tabIndex={-1} data-testid="compare-heading">
          {t('scn.compare.title')}
        </h3>
        <button type="button" onClick={onClose}>
          {t('action.close')}
        </button>
      </div>
      {shared && (
        <p className="muted small" data-testid="compare-shared-baseline">
          {t('scn.compare.sharedBaseline')}
        </p>
      )}
      <div className="scn-table-box scn-compare-box" tabIndex={0} role="region" aria-label={t('scn.compare.title')}>
        <table className="scn-table scn-table-wide-first scn-compare-table" data-testid="compare-table" data-shared-baseline={shared ? 'true' : 'false'}>
          <thead>
            <tr>
              <th rowSpan={2}>{t('scn.metric')}</th>
              {shared && (
                <th rowSpan={2} className="num">
                  {t('scn.baseline')}
                </th>
              )}
              {sides.map((s, i) => (
                <th key={i} colSpan={perSide} className="center scn-compare-name" title={s.name}>
                  <span className="scn-compare-swatch" style={{ background: COMPARE_COLORS[i]?.line }} aria-hidden="true" /> {letter(i)}: {s.name}
                </th>
              ))}
            </tr>
            <tr>
              {sides.flatMap((_, i) => [
                ...(shared ? [] : [<th key={`b${i}`} className="num small">{t('scn.baseline')}</th>]),
                <th key={`p${i}`} className="num small">{t('scn.proposal')}</th>,
                <th key={`d${i}`} className="num small">{t('scn.difference')}</th>,
              ])}
            </tr>
          </thead>
          <tbody>
            {keys.map((k) => {
              const x = first.summary.find((s) => s.key === k)!;
              const row = (
                <tr key={k} data-key={k} className={k === 'netExTax' || k === 'totalInclTax' ? 'strong' : undefined}>
                  <td>{lang === 'ja' ? x.labelJa : x.labelEn}</td>
                  {shared && <td className="num">{fmt(x.kind, x.baseline, k)}</td>}
                  {sides.map((side, i) => {
                    const y = side.view.summary.find((s) => s.key === k);
                    return (
                      <Fragment key={i}>
                        {!shared && <td className="num">{y ? fmt(y.kind, y.baseline, k) : ''}</td>}
                        <td className="num">{y ? fmt(y.kind, y.proposal, k) : ''}</td>
                        <td className="num">{y ? fmt(y.kind, y.difference, k, true) : ''}</td>
                      </Fragment>
                    );
                  })}
                </tr>
              );
              if (k !== 'netExTax' || !anyBand) return row;
              // With replications, the central estimate beside the one run of each seed (which may lie far from it).
              return (
                <Fragment key={k}>
                  {row}
                  <tr data-key="netExTax-median" className="small">
                    <td>{t('scn.compare.median')}</td>
                    {shared && <td />}
                    {sides.map((side, i) => (
                      <td key={i} colSpan={perSide} className="num band-range" data-side={letter(i).toLowerCase()}>
                        {median(side.view)}
                      </td>
                    ))}
                  </tr>
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </div>
      <h4>{t('scn.compare.monthly')}</h4>
      {anyBand && (
        <p className="muted small" data-testid="compare-band-note">
          {t('scn.compare.bandNote')}
          {without.length > 0 && ` ${t('scn.compare.bandNoteWithout', { letters: without.join(lang === 'ja' ? '、' : ', ') })}`}
        </p>
      )}
      <div className="scn-chart" data-testid="compare-chart">
        <ResponsiveContainer width="100%" height={sides.length > 2 ? 300 : 260}>
          <ComposedChart data={data} margin={{ top: 8, right: 24, bottom: 4, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e3e7ee" />
            <XAxis dataKey="month" tick={{ fontSize: 11 }} minTickGap={16} />
            <YAxis tickFormatter={(n: number) => compactYen(n, lang)} tick={{ fontSize: 11 }} width={84} {...yenAxis(figures)} />
            <Tooltip formatter={(v: unknown) => (Array.isArray(v) ? v.map((x) => bandYen(Number(x))).join(' – ') : typeof v === 'number' ? signedYen(v, yen) : String(v))} />
            {/* Bands first, under every line, each edged with a dashed line of its scenario's colour. */}
            {sides.map((_, i) =>
              banded[i] ? (
                <Area
                  key={`band${i}`}
                  type="monotone"
                  dataKey={`band${i}`}
                  name={t('scn.compare.bandOf', { letter: letter(i) })}
                  legendType="square"
                  stroke={COMPARE_COLORS[i]?.line}
                  strokeOpacity={0.55}
                  strokeWidth={1}
                  strokeDasharray="4 3"
                  fill={COMPARE_COLORS[i]?.band}
                  isAnimationActive={false}
                  connectNulls
                />
              ) : null,
            )}
            {sides.map((s, i) => (
              <Line key={`d${i}`} type="monotone" dataKey={`d${i}`} name={`${letter(i)}: ${s.name}`} stroke={COMPARE_COLORS[i]?.line} strokeWidth={2} dot={false} isAnimationActive={false} connectNulls />
            ))}
          </ComposedChart>
        </ResponsiveContainer>
        {/* The legend drawn as the chart draws them: a line for each scenario's run, a pale square with a dashed edge for its band. */}
        <ul className="scn-compare-legend" data-testid="compare-legend">
          {sides.map((s, i) => (
            <Fragment key={i}>
              <li data-legend={`d${i}`} style={{ color: COMPARE_COLORS[i]?.line }}>
                <span className="scn-legend-line" style={{ borderTopColor: COMPARE_COLORS[i]?.line }} aria-hidden="true" />
                {letter(i)}: {s.name}
              </li>
              {banded[i] && (
                <li data-legend={`band${i}`} style={{ color: COMPARE_COLORS[i]?.line }}>
                  <span className="scn-legend-band" style={{ background: COMPARE_COLORS[i]?.band, borderColor: COMPARE_COLORS[i]?.line }} aria-hidden="true" />
                  {t('scn.compare.bandOf', { letter: letter(i) })}
                </li>
              )}
            </Fragment>
          ))}
        </ul>
      </div>
      <details className="scn-details">
        <summary>{t('scn.compare.monthlyTable')}</summary>
        <div className="scn-table-box" tabIndex={0} role="region" aria-label={`${t('scn.compare.monthly')}: ${t('scn.table')}`}>
          <table className="scn-table" data-testid="compare-month-table">
            <thead>
              <tr>
                <th>{t('scn.month')}</th>
                {sides.map((_, i) => (
                  <Fragment key={i}>
                    <th className="num">
                      {letter(i)}: {t('scn.difference')}
                    </th>
                    {banded[i] && <th className="num">{t('scn.compare.bandOf', { letter: letter(i) })}</th>}
                  </Fragment>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.map((m) => (
                <tr key={m.month} data-month={m.month}>
                  <td>{m.month}</td>
                  {sides.map((_, i) => {
                    const d = m[`d${i}`];
                    const b = m[`band${i}`];
                    return (
                      <Fragment key={i}>
                        <td className="num">{d === null || d === undefined ? '' : signedYen(d, yen)}</td>
                        {banded[i] && (
                          <td className="num band-range" data-band={letter(i).toLowerCase()}>
                            {b ? `${bandYen(b[0])} – ${bandYen(b[1])}` : ''}
                          </td>
                        )}
                      </Fragment>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}

/**
 * With three or four scenarios: whether every one has the same baseline figures (the rows shown),
 * so the table shows them once. Two keep their own 現行案 columns, as the comparison always had.
 */
function sharedBaseline(sides: readonly CompareSide[], keys: readonly string[]): boolean {
  if (sides.length < 3) return false;
  const first = sides[0]!.view.summary;
  return keys.every((k) => {
    const b = first.find((s) => s.key === k)?.baseline;
    return sides.every((side) => side.view.summary.find((s) => s.key === k)?.baseline === b);
  });
}
