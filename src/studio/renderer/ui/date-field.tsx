import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n-context.js';
import { checkDateText, DATE_PATTERN, type DateKind, type DateProblem } from './date-text.js';

type Props = {
  /** The field's visible label. */
  label: ReactNode;
  /** The value: YYYY-MM-DD (a month field: YYYY-MM), or '' for none. */
  value: string;
  /** Called with the canonical value whenever the text is a valid one, and with '' when it is blank, unfinished or wrong. */
  onChange: (value: string) => void;
  required?: boolean;
  disabled?: boolean;
  autoFocus?: boolean;
  testId?: string;
  /** The wrapper's class (the layout the page gives its fields, e.g. "scn-field", "grow"). */
  className?: string;
  /** A problem found elsewhere (the server named this field): marked like one found here. */
  invalid?: boolean;
  /** Passed to the input (the scenario form finds a field by its JSON pointer). */
  dataField?: string;
};

const EXAMPLE: Record<DateKind, string> = { date: '2025-04-01', month: '2025-04' };

const pickerSupported = (): boolean => typeof HTMLInputElement !== 'undefined' && 'showPicker' in HTMLInputElement.prototype;

/**
 * A date typed and shown as YYYY-MM-DD whatever the browser's locale (Chromium's own date input
 * shows mm/dd/yyyy in en-US), checked as it is typed: an unfinished date is not an error until the
 * field is left (or Enter is pressed), a wrong one ("2025-02-30", "2025-13") is at once, with a
 * message in the page's language tied to the input (aria-invalid, aria-describedby). Other ways
 * of writing a date (2025/4/1, full-width digits, 2025年4月1日) are read and shown in the
 * canonical form once the field is left. The calendar button opens the browser's own picker
 * (a native date input kept out of sight): what it picks is shown here as YYYY-MM-DD.
 */
export function DateField({ kind = 'date', ...props }: Props & { kind?: DateKind }) {
  const { label, value, onChange, required = false, disabled = false, autoFocus, testId, className, invalid = false, dataField } = props;
  const { t } = useI18n();
  const id = useId();
  const messageId = `${id}-message`;
  const [text, setText] = useState(value);
  const [touched, setTouched] = useState(false);
  // What this field last told its owner: a value coming back from it is not an outside change.
  const told = useRef(value);
  const native = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (value === told.current) return;
    told.current = value;
    setText(value);
    setTouched(false);
  }, [value]);

  const check = checkDateText(text, kind, required);
  const tell = (next: string) => {
    const c = checkDateText(next, kind, required);
    const v = c.status === 'ok' ? c.value : '';
    if (v !== told.current) {
      told.current = v;
      onChange(v);
    }
  };
  const finish = () => {
    setTouched(true);
    if (check.status === 'ok' && check.normalised) setText(check.value);
  };
  // Unfinished, or blank where a date is required: an error once the user has left the field, not before.
  const problem: DateProblem | null =
    (check.status === 'invalid' && check.problem.code !== 'DATE_REQUIRED') || ((check.status === 'partial' || check.status === 'invalid') && touched) ? check.problem : null;
  const message = problem
    ? t(`date.${problem.code}`, {
        text: text.trim(),
        pattern: DATE_PATTERN[kind],
        example: EXAMPLE[kind],
        ...('days' in problem ? { year: problem.year, month: problem.month, mm: String(problem.month).padStart(2, '0'), days: problem.days } : {}),
      })
    : '';
  const bad = problem !== null || invalid;

  const pick = () => {
    const el = native.current;
    if (!el) return;
    el.value = check.status === 'ok' ? check.value : '';
    try {
      el.showPicker();
    } catch {
      // Some contexts refuse a picker (no user gesture, a cross-origin frame): typing still works.
    }
  };

  return (
    <div className={`date-field${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      <div className="date-input-row">
        <input
          id={id}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          className={`date-text date-text-${kind}${bad ? ' field-error' : ''}`}
          placeholder={DATE_PATTERN[kind]}
          value={text}
          required={required}
          disabled={disabled}
          autoFocus={autoFocus}
          aria-invalid={bad || undefined}
          aria-describedby={problem ? messageId : undefined}
          data-testid={testId}
          data-field={dataField}
          onChange={(e) => {
            setText(e.target.value);
            tell(e.target.value);
          }}
          onBlur={finish}
          onKeyDown={(e) => {
            if (e.key === 'Enter') finish();
          }}
        />
        {pickerSupported() && (
          <>
            <button
              type="button"
              className="date-pick"
              onClick={pick}
              disabled={disabled}
              aria-label={t('date.pick')}
              title={t('date.pick')}
              data-testid={testId ? `${testId}-pick` : undefined}
            >
              <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
                <rect x="1.5" y="3" width="13" height="11.5" rx="1.5" fill="none" stroke="currentColor" />
                <path d="M1.5 6.5h13M5 1.5v3M11 1.5v3" stroke="currentColor" fill="none" />
              </svg>
            </button>
            <input
              ref={native}
              type={kind}
              className="date-native"
              tabIndex={-1}
              aria-hidden="true"
              onChange={(e) => {
                if (e.target.value === '') return;
                setText(e.target.value);
                setTouched(true);
                tell(e.target.value);
              }}
            />
          </>
        )}
      </div>
      <div id={messageId} className="date-message error-text small" aria-live="polite" data-testid={testId ? `${testId}-message` : undefined}>
        {message}
      </div>
    </div>
  );
}

/** A month (YYYY-MM), typed and shown the same whatever the browser's locale. */
export function MonthField(props: Props) {
  return <DateField {...props} kind="month" />;
}
