import { Fragment, useEffect, useRef } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { RunView } from '../../api/contract.js';
import { useI18n } from '../i18n/i18n-context.js';
import { yenAxis } from './yen-axis.js';
import { bandFigure, compactYen, CONTRACT_MONTH_KEYS, count, money, signedYen } from './format.js';

/** Two saved scenarios' last runs side by side: every summary figure, and the monthly difference (proposal − baseline) of each. */
type Side = { name: string; view: RunView };

export function CompareView({ a, b, onClose }: { a: Side; b: Side; onClose: () => void }) {
  const { t, lang, yen: plainYen } = useI18n();
  const yen = (n: number) => money(n, plainYen);
  const keys = a.view.summary.map((s) => s.key).filter((k) => {
    const x = a.view.summary.find((s) => s.key === k)!;
    const y = b.view.summary.find((s) => s.key === k);
    return x.kind === 'yen' || x.baseline || x.proposal || y?.baseline || y?.proposal;
  });
  const months = [...new Set([...a.view.byMonth.map((m) => m.month), ...b.view.byMonth.map((m) => m.month)])].sort();
  const at = (v: RunView, m: string) => v.byMonth.find((x) => x.month === m)?.difference ?? null;
  const data = months.map((m) => ({ month: m, a: at(a.view, m), b: at(b.view, m) }));
  // A count with its unit (1,000 件, 21,655 契約月), as the run's own summary shows it.
  const fmt = (kind: 'yen' | 'count', n: number, key: string, signed = false) =>
    kind === 'yen' ? (signed ? signedYen(n, yen) : yen(n)) : t(CONTRACT_MONTH_KEYS.has(key) ? 'scn.unit.contractMonths' : 'scn.unit.count', { n: `${signed && n > 0 ? '+' : ''}${count(n, lang)}` });
  // The paired difference's p50 and p5–p95 of net revenue, as the run's own summary and the Bands sheet show them.
  const median = (v: RunView): string => {
    const d = v.bands?.summary.find((x) => x.key === 'netExTax')?.difference;
    if (!v.bands || !d) return t('scn.compare.noBands');
    const s = (n: number) => signedYen(bandFigure(n, 0), yen);
    return t('scn.compare.medianOf', { p50: s(d.p50), p5: s(d.p5), p95: s(d.p95), n: v.bands.replications });
  };
  // Opened below a long result scrolled far down, the comparison comes into view with the focus on its heading
  // (the button pressed is in the list on the left: nothing on screen changed before).
  const heading = useRef<HTMLHeadingElement | null>(null);
  const pair = `${a.name}\u0000${b.name}`;
  useEffect(() => {
    heading.current?.scrollIntoView({ block: 'start' });
    heading.current?.focus({ preventScroll: true });
  }, [pair]);
  return (
    <section className="scn-card scn-compare" data-testid="compare-view">
      <div className="scn-card-head">
        <h3 ref={heading} tabIndex={-1} data-testid="compare-heading">
          {t('scn.compare.title')}
        </h3>
        <button type="button" onClick={onClose}>
          {t('action.close')}
        </button>
      </div>
      <table className="scn-table">
        <thead>
          <tr>
            <th rowSpan={2}>{t('scn.metric')}</th>
            <th colSpan={3} className="center">
              A: {a.name}
            </th>
            <th colSpan={3} className="center">
              B: {b.name}
            </th>
          </tr>
          <tr>
            {[a, b].flatMap((_, i) => [
              <th key={`b${i}`} className="num small">{t('scn.baseline')}</th>,
              <th key={`p${i}`} className="num small">{t('scn.proposal')}</th>,
              <th key={`d${i}`} className="num small">{t('scn.difference')}</th>,
            ])}
          </tr>
        </thead>
        <tbody>
          {keys.map((k) => {
            const x = a.view.summary.find((s) => s.key === k)!;
            const y = b.view.summary.find((s) => s.key === k);
            const row = (
              <tr key={k} data-key={k} className={k === 'netExTax' || k === 'totalInclTax' ? 'strong' : undefined}>
                <td>{lang === 'ja' ? x.labelJa : x.labelEn}</td>
                <td className="num">{fmt(x.kind, x.baseline, k)}</td>
                <td className="num">{fmt(x.kind, x.proposal, k)}</td>
                <td className="num">{fmt(x.kind, x.difference, k, true)}</td>
                <td className="num">{y ? fmt(y.kind, y.baseline, k) : ''}</td>
                <td className="num">{y ? fmt(y.kind, y.proposal, k) : ''}</td>
                <td className="num">{y ? fmt(y.kind, y.difference, k, true) : ''}</td>
              </tr>
            );
            if (k !== 'netExTax' || (!a.view.bands && !b.view.bands)) return row;
            // With replications, the central estimate beside the one run of each seed (which may lie far from it).
            return (
              <Fragment key={k}>
                {row}
                <tr data-key="netExTax-median" className="small">
                  <td>{t('scn.compare.median')}</td>
                  <td colSpan={3} className="num" data-side="a">
                    {median(a.view)}
                  </td>
                  <td colSpan={3} className="num" data-side="b">
                    {median(b.view)}
                  </td>
                </tr>
              </Fragment>
            );
          })}
        </tbody>
      </table>
      <h4>{t('scn.compare.monthly')}</h4>
      <div className="scn-chart">
        <ResponsiveContainer width="100%" height={240}>
          <LineChart data={data} margin={{ top: 8, right: 24, bottom: 4, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e3e7ee" />
            <XAxis dataKey="month" tick={{ fontSize: 11 }} minTickGap={16} />
            <YAxis tickFormatter={(n: number) => compactYen(n, lang)} tick={{ fontSize: 11 }} width={84} {...yenAxis(data.flatMap((d) => [d.a, d.b]).filter((v): v is number => typeof v === 'number'))} />
            <Tooltip formatter={(v: unknown) => (typeof v === 'number' ? signedYen(v, yen) : String(v))} />
            <Legend />
            <Line type="monotone" dataKey="a" name={`A: ${a.name}`} stroke="#1f5fbf" strokeWidth={2} dot={false} isAnimationActive={false} connectNulls />
            <Line type="monotone" dataKey="b" name={`B: ${b.name}`} stroke="#c77700" strokeWidth={2} dot={false} isAnimationActive={false} connectNulls />
          </LineChart>
        </ResponsiveContainer>
      </div>
    </section>
  );
}
