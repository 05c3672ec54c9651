import type { ReactNode } from 'react';

/**
 * A row of a rule draft's table (a parameter, a named interpretation) that opens its editor below
 * it: the row's cells, then, in a draft, an Edit toggle; while open, the editor spans the row
 * beneath. The section keeps which row is open and what saving does.
 */
export function EditableRow({
  testId,
  cells,
  editable,
  open,
  onToggle,
  toggle,
  colSpan,
  editor,
}: {
  testId: string;
  cells: ReactNode;
  editable: boolean;
  open: boolean;
  onToggle: () => void;
  toggle: { text: string; label: string; testId: string };
  colSpan: number;
  editor: ReactNode;
}) {
  return (
    <>
      <tr data-testid={testId}>
        {cells}
        <td>
          {editable && (
            <button type="button" className="small-button" onClick={onToggle} aria-expanded={open} aria-label={toggle.label} data-testid={toggle.testId}>
              {toggle.text}
            </button>
          )}
        </td>
      </tr>
      {editable && open && (
        <tr>
          <td colSpan={colSpan}>{editor}</td>
        </tr>
      )}
    </>
  );
}
