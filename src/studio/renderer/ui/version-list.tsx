import { useEffect, useRef, type ReactNode } from 'react';
import type { VersionStatus } from '../../api/contract.js';
import { useI18n } from '../i18n/i18n-context.js';
import { focusIsLost } from './focus-lost.js';

/** What every list of versions shows of one: tariff and rule versions alike. */
export type ListedVersion = { id: number; effective: string; status: VersionStatus; title?: string | null; changesRequested?: boolean };

/** "2023-09-19 承認済み #1": a version in a dropdown. */
export function useVersionLabel(): (v: ListedVersion) => string {
  const { t } = useI18n();
  return (v) => `${v.effective} ${t(`status.${v.status}`)} #${v.id}`;
}

/**
 * The studio's one version list (the left column of the tariff and rules pages): every version
 * and draft, newest first, with its status badge (and 差し戻し / Changes requested on a draft a
 * reviewer sent back), title and the `notes` of its kind (based on, author, approver); the
 * selected one is `aria-current`.
 */
export function VersionList<V extends ListedVersion>({
  label,
  versions,
  selected,
  onSelect,
  testIdPrefix,
  notes,
}: {
  label: string;
  versions: readonly V[];
  selected: number | null;
  onSelect: (id: number) => void;
  testIdPrefix: string;
  notes: (v: V) => readonly string[];
}) {
  const { t } = useI18n();
  return (
    <aside className="version-list" aria-label={label}>
      <h2>{label}</h2>
      <ul>
        {versions.map((v) => (
          <li key={v.id}>
            <button
              type="button"
              className={v.id === selected ? 'version-item selected' : 'version-item'}
              onClick={() => onSelect(v.id)}
              data-testid={`${testIdPrefix}${v.id}`}
              aria-current={v.id === selected ? 'true' : undefined}
            >
              <span className="version-date">{v.effective}</span>
              <span className={`badge badge-${v.status}`}>{t(`status.${v.status}`)}</span>
              {v.status === 'draft' && v.changesRequested && (
                <span className="badge badge-changes-requested" data-testid={`${testIdPrefix}${v.id}-changes-requested`}>
                  {t('status.changesRequested')}
                </span>
              )}
              {v.title && <span className="version-title">{v.title}</span>}
              {notes(v).map((n) => (
                <span key={n} className="version-base">
                  {n}
                </span>
              ))}
            </button>
          </li>
        ))}
      </ul>
    </aside>
  );
}

/** A choice of one version; `optional` adds "—" (none), which gives null. */
export function VersionSelect<V extends ListedVersion>(props: {
  testId: string;
  versions: readonly V[];
  value: number | null;
  onChange: (id: number | null) => void;
  optional?: boolean;
  label?: string;
}) {
  const label = useVersionLabel();
  return (
    <select value={props.value ?? ''} onChange={(e) => props.onChange(e.target.value ? Number(e.target.value) : null)} data-testid={props.testId} aria-label={props.label}>
      {props.optional && <option value="">—</option>}
      {props.versions.map((v) => (
        <option key={v.id} value={v.id}>
          {label(v)}
        </option>
      ))}
    </select>
  );
}

/** The heading of the selected version in a page's toolbar: its effective date, its status badge, and a line beneath. */
export function VersionHeading({ version, headingTestId, statusTestId, sub }: { version: ListedVersion; headingTestId: string; statusTestId?: string; sub?: ReactNode }) {
  const { t } = useI18n();
  const heading = useRef<HTMLElement | null>(null);
  const seen = useRef<string | null>(null);
  // An action that changes the version shown (a draft created, submitted, approved, restored) removes the
  // control that had the focus (the dialog, the submit button): the focus comes here, not to <body>.
  const key = `${version.id}:${version.status}`;
  useEffect(() => {
    const first = seen.current === null;
    seen.current = key;
    if (!first && focusIsLost()) heading.current?.focus();
  }, [key]);
  return (
    <div className="toolbar-title">
      <div>
        <strong ref={heading} tabIndex={-1} data-testid={headingTestId}>
          {t('version.effective', { date: version.effective })}
        </strong>
        <span className={`badge badge-${version.status}`} data-testid={statusTestId}>
          {t(`status.${version.status}`)}
        </span>
      </div>
      {sub}
    </div>
  );
}
