import type { ColumnDef } from '../../../tariff-model/column-def.js';
import { cellText, type CellValue } from '../../../tariff-model/cell-value.js';
import type { TariffChange } from '../../../tariff-model/tariff-diff.js';
import { TABLES } from '../../../tariff-model/tariff-tables.js';
import { useI18n } from '../i18n/i18n-context.js';

/**
 * Every change cell by cell: table, code, column, before → after. Clicking one jumps to it.
 * `compact` stacks code and column, and before and after, for the narrow side panel.
 */
export function ChangeTable({ changes, onPick, testId, compact = false }: { changes: readonly TariffChange[]; onPick?: (c: TariffChange) => void; testId: string; compact?: boolean }) {
  const { t, lang, yen } = useI18n();
  const show = (col: ColumnDef | undefined, v: CellValue) => (v === null ? '—' : col?.kind === 'yen' && typeof v === 'number' ? yen(v) : cellText(v));
  if (!changes.length) return <p className="muted" data-testid={testId}>{t('changes.none')}</p>;
  if (compact)
    return (
      <ul className="changes-compact" data-testid={testId}>
        {changes.map((c, i) => {
          const def = TABLES[c.table];
          const col = def.columns.find((x) => x.key === c.field);
          return (
            <li key={i} className={onPick ? 'clickable' : undefined} onClick={onPick ? () => onPick(c) : undefined} data-kind={c.kind}>
              <div className="change-where">
                <span className="mono">{c.key}</span> <span className="muted">{(lang === 'ja' ? def.ja : def.en) + ' · '}{c.kind === 'changed' ? (lang === 'ja' ? col?.ja : col?.en) : t(c.kind === 'added' ? 'changes.added' : 'changes.removed')}</span>
              </div>
              {c.kind === 'changed' && (
                <div className="change-values">
                  <span className="before">{show(col, c.before)}</span> → <span className="after">{show(col, c.after)}</span>
                </div>
              )}
            </li>
          );
        })}
      </ul>
    );
  return (
    <table className="changes" data-testid={testId}>
      <thead>
        <tr>
          <th>{t('change.sheet')}</th>
          <th>{t('change.key')}</th>
          <th>{t('change.column')}</th>
          <th>{t('change.before')}</th>
          <th>{t('change.after')}</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((c, i) => {
          const def = TABLES[c.table];
          const col = def.columns.find((x) => x.key === c.field);
          return (
            <tr key={i} className={onPick ? 'clickable' : undefined} onClick={onPick ? () => onPick(c) : undefined} data-kind={c.kind}>
              <td>{lang === 'ja' ? def.ja : def.en}</td>
              <td className="mono">{c.key}</td>
              <td>{c.kind === 'changed' ? (lang === 'ja' ? col?.ja : col?.en) : t(c.kind === 'added' ? 'changes.added' : 'changes.removed')}</td>
              <td className="before">{c.kind === 'changed' ? show(col, c.before) : ''}</td>
              <td className="after">{c.kind === 'changed' ? show(col, c.after) : ''}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
