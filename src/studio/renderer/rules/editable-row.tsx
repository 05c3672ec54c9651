import { useEffect, useRef, useState, type ReactNode } from 'react';
import { focusIsLost } from '../ui/focus-lost.js';
import type { RuleVersionDetail, Saved } from '../../api/contract.js';
import type { WaitingInput } from '../team/waiting-inputs.js';
import { useRuleSaves } from './rule-saves.js';
import { useI18n } from '../i18n/i18n-context.js';
import { useApi } from '../shell/api-context.js';

/** A rule version's table of EditableRows (its parameters, its named interpretations), under its heading. */
export function EditableTable({ testId, title, className, children, note }: { testId: string; title: string; className: string; children: ReactNode; note?: ReactNode }) {
  return (
    <section data-testid={testId}>
      <h4>{title}</h4>
      {note}
      <table className={className}>
        <tbody>{children}</tbody>
      </table>
    </section>
  );
}

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
  // Closing the editor (saved, cancelled, Escape) removes the focused field: the focus goes back to the Edit button.
  const button = useRef<HTMLButtonElement | null>(null);
  const wasOpen = useRef(open);
  useEffect(() => {
    if (wasOpen.current && !open && focusIsLost()) button.current?.focus();
    wasOpen.current = open;
  }, [open]);
  return (
    <>
      <tr data-testid={testId}>
        {cells}
        <td>
          {editable && (
            <button ref={button} type="button" className="small-button" onClick={onToggle} aria-expanded={open} aria-label={toggle.label} data-testid={toggle.testId}>
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

/**
 * The form of an editor beneath an EditableRow: Escape or Cancel closes it, Enter or Save writes
 * the draft through `save` (one authoring call on the given revision, which answers the draft's
 * id and new revision), queued with the Rules page's other saves (rule-saves.tsx: `draft` is the
 * draft and the revision the form was typed on, `inputs` what it changes), and hands the draft,
 * read again, to `onSaved`; a refusal goes to `onError` and the form stays open.
 */
export function RowEditorForm({
  label,
  className,
  testId,
  saveText,
  saveTestId,
  canSave = true,
  draft,
  inputs,
  save,
  onSaved,
  onError,
  onCancel,
  children,
}: {
  label: string;
  className: string;
  testId: string;
  saveText: string;
  saveTestId: string;
  canSave?: boolean;
  draft: { id: number; revision: number };
  inputs: readonly WaitingInput[];
  save: (revision: number) => Promise<Saved>;
  onSaved: (d: RuleVersionDetail) => void;
  onError: (e: unknown) => void;
  onCancel: () => void;
  children: ReactNode;
}) {
  const api = useApi();
  const { t } = useI18n();
  const { save: queueSave } = useRuleSaves();
  const [saving, setSaving] = useState(false);
  const form = useRef<HTMLFormElement | null>(null);
  // Opened with its Edit button, the editor takes the focus on its first field.
  useEffect(() => {
    const f = form.current;
    if (f && !f.contains(document.activeElement)) f.querySelector<HTMLElement>('input:not([disabled]), select:not([disabled]), textarea:not([disabled])')?.focus();
  }, []);
  const submit = async () => {
    setSaving(true);
    try {
      const s = await queueSave({ versionId: draft.id, revision: draft.revision, inputs, send: save, madeRevision: (r) => r.revision });
      onSaved(await api.rules.get({ id: s.id }));
    } catch (e) {
      onError(e);
    } finally {
      setSaving(false);
    }
  };
  return (
    <form
      ref={form}
      className={className}
      aria-label={label}
      data-testid={testId}
      onKeyDown={(e) => e.key === 'Escape' && onCancel()}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      {children}
      <div className="dialog-actions">
        <button type="button" onClick={onCancel}>
          {t('action.cancel')}
        </button>
        <button type="submit" className="primary" disabled={saving || !canSave} data-testid={saveTestId}>
          {saveText}
        </button>
      </div>
    </form>
  );
}
