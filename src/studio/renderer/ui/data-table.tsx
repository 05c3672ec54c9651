import type { KeyboardEvent, ReactNode } from 'react';

/** One column of a data table: its header and how a row shows in it. */
export type DataColumn<R> = {
  key: string;
  header: ReactNode;
  /** Class of the header cell (and of the body cells unless `cellClass` says otherwise). */
  className?: string;
  cellClass?: string | ((row: R) => string | undefined);
  /** Renders the row's cell; `th` rows (a row header) come from `rowHeader`. */
  cell: (row: R, index: number) => ReactNode;
  /** The cell is a row header (`<th scope="row">`). */
  rowHeader?: boolean;
  title?: (row: R) => string | undefined;
  /** Data attributes of the body cell (e.g. `data-band`). */
  cellAttributes?: (row: R) => Record<`data-${string}`, string>;
};

type RowAttributes = { className?: string; title?: string; 'data-testid'?: string; 'data-key'?: string; 'data-kind'?: string; 'data-code'?: string; 'data-status'?: string };

/**
 * The studio's one data table: a header row (or none), a row each, an empty state, and, with
 * `onPick`, rows you can pick by click or from the keyboard (Tab to the table, arrows between
 * rows, Enter or Space picks). Used by the change, issue, audit, regression, coverage, review
 * history, users and scenario figure tables; the editable tariff grid is react-data-grid.
 */
export function DataTable<R>(props: {
  columns: readonly DataColumn<R>[];
  rows: readonly R[];
  rowKey: (row: R, index: number) => string | number;
  className?: string;
  testId?: string;
  /** Shown instead of the table when there are no rows (the table with its header otherwise). */
  empty?: ReactNode;
  /** No header row (a list of label/value rows). */
  headless?: boolean;
  /** A header of its own (e.g. two rows with spans); the columns still render the body. */
  head?: ReactNode;
  caption?: ReactNode;
  rowProps?: (row: R, index: number) => RowAttributes;
  onPick?: (row: R) => void;
  /** The accessible name of the table (when there is no caption). */
  label?: string;
}) {
  const { columns, rows, rowKey, onPick } = props;
  if (rows.length === 0 && props.empty !== undefined) return <>{props.empty}</>;
  const keyDown = (row: R) => (e: KeyboardEvent<HTMLTableRowElement>) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onPick?.(row);
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = e.key === 'ArrowDown' ? e.currentTarget.nextElementSibling : e.currentTarget.previousElementSibling;
      if (next instanceof HTMLElement) next.focus();
    }
  };
  const cellClass = (c: DataColumn<R>, r: R) => (typeof c.cellClass === 'function' ? c.cellClass(r) : (c.cellClass ?? c.className));
  return (
    <table className={props.className ?? 'changes'} data-testid={props.testId} aria-label={props.label}>
      {props.caption !== undefined && <caption>{props.caption}</caption>}
      {props.head ??
        (!props.headless && (
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.key} className={c.className} scope="col">
                  {c.header}
                </th>
              ))}
            </tr>
          </thead>
        ))}
      <tbody>
        {rows.map((r, i) => {
          const own = props.rowProps?.(r, i) ?? {};
          const pick = onPick ? { tabIndex: 0, onClick: () => onPick(r), onKeyDown: keyDown(r), className: own.className ? `${own.className} clickable` : 'clickable' } : {};
          return (
            <tr key={rowKey(r, i)} {...own} {...pick}>
              {columns.map((c) =>
                c.rowHeader ? (
                  <th key={c.key} scope="row" className={cellClass(c, r)} title={c.title?.(r)} {...c.cellAttributes?.(r)}>
                    {c.cell(r, i)}
                  </th>
                ) : (
                  <td key={c.key} className={cellClass(c, r)} title={c.title?.(r)} {...c.cellAttributes?.(r)}>
                    {c.cell(r, i)}
                  </td>
                ),
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
