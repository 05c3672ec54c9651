import type { KeyboardEvent } from 'react';
import type { ColumnDef } from '../../../tariff-model/column-def.js';
import { cellText, type CellValue } from '../../../tariff-model/cell-value.js';
import type { TariffChange } from '../../../tariff-model/tariff-diff.js';
import { priceJumps } from '../../../tariff-model/price-jump.js';
import { TABLES } from '../../../tariff-model/tariff-tables.js';
import { useI18n } from '../i18n/i18n-context.js';
import { DataTable } from '../ui/data-table.js';
import { PriceJumpBadge, useJumpText } from './price-jump-badge.js';

/**
 * Every change cell by cell: table, code, column, before → after. Clicking one jumps to it.
 * `compact` stacks code and column, and before and after, for the narrow side panel.
 * `marked` (indexes into `changes`) adds a first column with `markLabel` on those rows: an
 * import marks the changes that overwrite an edit made after the export.
 * A price that moves by more than half (price-jump.ts) has a warning badge by its new value, and
 * a line above the list counts them: the side panel, both import previews and a review all say it.
 */
export function ChangeTable({
  changes,
  onPick,
  testId,
  compact = false,
  marked,
  markLabel = '',
}: {
  changes: readonly TariffChange[];
  onPick?: (c: TariffChange) => void;
  testId: string;
  compact?: boolean;
  marked?: ReadonlySet<number>;
  markLabel?: string;
}) {
  const { t, lang, yen } = useI18n();
  const jumpText = useJumpText();
  const jumps = priceJumps(changes);
  const jumpLine = jumps.size > 0 && (
    <p className="banner banner-warning small jump-count" data-testid={`${testId}-jumps`}>
      {jumpText.count(jumps.size)}
    </p>
  );
  const show = (col: ColumnDef | undefined, v: CellValue) => (v === null ? '—' : col?.kind === 'yen' && typeof v === 'number' ? yen(v) : cellText(v));
  if (!changes.length)
    return (
      <p className="muted change-none" data-testid={testId}>
        {t('changes.none')}
      </p>
    );
  if (compact)
    return (
      <>
      {jumpLine}
      <ul className="changes-compact" data-testid={testId}>
        {changes.map((c, i) => {
          const def = TABLES[c.table];
          const col = def.columns.find((x) => x.key === c.field);
          return (
            // The list item stays a list item (axe: a <ul> holds only <li>); what is clicked is the button inside it.
            <li key={i} className={onPick ? 'clickable' : undefined} data-kind={c.kind}>
              <div
                className="change-pick"
                {...(onPick
                  ? {
                      tabIndex: 0,
                      role: 'button',
                      onClick: () => onPick(c),
                      onKeyDown: (e: KeyboardEvent) => {
                        if (e.key === 'Enter' || e.key === ' ') {
                          e.preventDefault();
                          onPick(c);
                        }
                      },
                    }
                  : {})}
              >
                <div className="change-where">
                  <span className="mono">{c.key}</span> <span className="muted">{(lang === 'ja' ? def.ja : def.en) + ' · '}{c.kind === 'changed' ? (lang === 'ja' ? col?.ja : col?.en) : t(c.kind === 'added' ? 'changes.added' : 'changes.removed')}</span>
                </div>
                {c.kind === 'changed' && (
                  <div className="change-values">
                    <span className="before">{show(col, c.before)}</span> → <span className="after">{show(col, c.after)}</span>
                    {jumps.has(i) && <PriceJumpBadge jump={jumps.get(i)!} />}
                  </div>
                )}
              </div>
            </li>
          );
        })}
      </ul>
      </>
    );
  const where = (c: TariffChange) => TABLES[c.table];
  const column = (c: TariffChange) => where(c).columns.find((x) => x.key === c.field);
  // An added or removed row says what it holds: its name and its prices (the first three yen cells), with their headers.
  const rowSummary = (c: TariffChange): string => {
    if (!c.row) return '';
    const cols = where(c).columns;
    const name = cols.find((x) => x.key === 'name' || (x.frozen && x.key !== where(c).keyField && x.kind === 'text'));
    const prices = cols.filter((x) => x.kind === 'yen' && c.row![x.key] !== null && c.row![x.key] !== undefined).slice(0, 3);
    const parts = [...(name && c.row[name.key] ? [cellText(c.row[name.key]!)] : []), ...prices.map((x) => `${lang === 'ja' ? x.ja : x.en} ${show(x, c.row![x.key]!)}`)];
    return parts.join(lang === 'ja' ? '、' : ' · ');
  };
  return (
    <>
    {jumpLine}
    <DataTable
      testId={testId}
      rows={changes}
      rowKey={(_c, i) => i}
      rowProps={(c, i) => ({ 'data-kind': c.kind, ...(marked?.has(i) ? { 'data-marked': 'true' } : {}) })}
      {...(onPick ? { onPick } : {})}
      columns={[
        ...(marked ? [{ key: 'mark', header: markLabel, cellClass: 'nowrap', cell: (_c: TariffChange, i: number) => (marked.has(i) ? <span className="badge badge-warning">{markLabel}</span> : '') }] : []),
        { key: 'sheet', header: t('change.sheet'), cell: (c) => (lang === 'ja' ? where(c).ja : where(c).en) },
        { key: 'key', header: t('change.key'), cellClass: 'mono', cell: (c) => c.key },
        { key: 'column', header: t('change.column'), cell: (c) => (c.kind === 'changed' ? (lang === 'ja' ? column(c)?.ja : column(c)?.en) : t(c.kind === 'added' ? 'changes.added' : 'changes.removed')) },
        { key: 'before', header: t('change.before'), cellClass: 'before', cell: (c) => (c.kind === 'changed' ? show(column(c), c.before) : c.kind === 'removed' ? rowSummary(c) : '') },
        {
          key: 'after',
          header: t('change.after'),
          cellClass: 'after',
          cell: (c, i) =>
            c.kind === 'changed' ? (
              <>
                {show(column(c), c.after)}
                {jumps.has(i) && <> <PriceJumpBadge jump={jumps.get(i)!} /></>}
              </>
            ) : c.kind === 'added' ? (
              rowSummary(c)
            ) : (
              ''
            ),
        },
      ]}
    />
    </>
  );
}
