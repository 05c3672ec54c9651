import { useEffect, useId, useRef, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n-context.js';

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';
const FIELDS = 'input:not([disabled]):not([type="hidden"]):not(.visually-hidden), select:not([disabled]), textarea:not([disabled])';

/** The dialog's primary button: a submit of its form, or (with `onClick`) a plain button. */
export type DialogSubmit = { label: string; testId: string; disabled?: boolean; onClick?: () => void };

/**
 * The studio's one dialog frame: a modal over a backdrop, named by its heading, with its first
 * field focused (or the one marked `autoFocus`), Tab and Shift+Tab kept inside it, Escape to
 * cancel, focus given back to what opened it, and the Cancel / primary buttons at the bottom.
 * With `onSubmit` it is a form (Enter in a field submits); otherwise a plain box.
 */
export function Dialog({
  title,
  testId,
  className,
  onCancel,
  onSubmit,
  submit,
  children,
}: {
  title: string;
  testId: string;
  className?: string;
  onCancel: () => void;
  onSubmit?: () => void;
  submit: DialogSubmit;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const headingId = useId();
  const box = useRef<HTMLElement | null>(null);
  // What had the focus when the dialog opened (read on the first render, before any autoFocus).
  const opener = useRef<Element | null>(document.activeElement);
  useEffect(() => {
    const el = box.current;
    if (el && !el.contains(document.activeElement)) (el.querySelector<HTMLElement>(FIELDS) ?? el.querySelector<HTMLElement>(FOCUSABLE))?.focus();
    const back = opener.current;
    return () => {
      if (back instanceof HTMLElement && back.isConnected) back.focus();
    };
  }, []);
  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onCancel();
      return;
    }
    if (e.key !== 'Tab' || !box.current) return;
    const all = Array.from(box.current.querySelectorAll<HTMLElement>(FOCUSABLE)).filter((x) => x.offsetParent !== null || x === document.activeElement);
    const first = all[0];
    const last = all[all.length - 1];
    if (!first || !last) return;
    if (e.shiftKey && (document.activeElement === first || !box.current.contains(document.activeElement))) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };
  const common = {
    className: className ? `dialog ${className}` : 'dialog',
    role: 'dialog',
    'aria-modal': true,
    'aria-labelledby': headingId,
    'data-testid': testId,
    onKeyDown,
  } as const;
  const body = (
    <>
      <h2 id={headingId}>{title}</h2>
      {children}
      <div className="dialog-actions">
        <button type="button" onClick={onCancel}>
          {t('action.cancel')}
        </button>
        <button type={submit.onClick ? 'button' : 'submit'} className="primary" disabled={submit.disabled} onClick={submit.onClick} data-testid={submit.testId}>
          {submit.label}
        </button>
      </div>
    </>
  );
  return (
    <div className="dialog-backdrop">
      {onSubmit ? (
        <form
          {...common}
          ref={(f) => {
            box.current = f;
          }}
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            onSubmit();
          }}
        >
          {body}
        </form>
      ) : (
        <div
          {...common}
          ref={(d) => {
            box.current = d;
          }}
        >
          {body}
        </div>
      )}
    </div>
  );
}
