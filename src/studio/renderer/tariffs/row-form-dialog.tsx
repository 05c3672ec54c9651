import { useMemo, useState } from 'react';
import type { TariffVersion } from '../../../engine/tariff-types.js';
import { cellText } from '../../../tariff-model/cell-value.js';
import { copyTexts } from '../../../tariff-model/row-ops.js';
import { StudioCallError } from '../../api/client.js';
import { ErrorBanner, type ShownError } from '../shell/error-banner.js';
import type { TableId } from '../../../tariff-model/table-id.js';
import { TABLES } from '../../../tariff-model/tariff-tables.js';
import { useI18n } from '../i18n/i18n-context.js';
import { enumText } from './enum-text.js';
import { Dialog } from '../ui/dialog.js';

/**
 * A new row as a form: every column of the table, enum columns as dropdowns by label,
 * references (initial-fee group, settlement policy, printed-on course) as dropdowns of the
 * rows they may point to. For a course it starts from a duplicated course (the usual way to
 * launch one) and shows which options its series cannot take (options are eligible by series).
 * It starts with a free code and, for a course, a free name (two courses may not share one).
 * A refusal (`error`) is said inside the dialog, where the user is, with its fields outlined.
 */
export function RowFormDialog({
  table,
  version,
  startIndex,
  course,
  error,
  onCloseError,
  onSubmit,
  onCancel,
}: {
  table: TableId;
  version: TariffVersion;
  startIndex: number;
  course: boolean;
  error: ShownError | null;
  onCloseError: () => void;
  onSubmit: (texts: Record<string, string>) => void;
  onCancel: () => void;
}) {
  const { t, lang, yen } = useI18n();
  const def = TABLES[table];
  const rows = useMemo(() => def.rows(version), [def, version]);
  const fromRow = (i: number): Record<string, string> => copyTexts(version, table, rows[i] ?? rows[0] ?? {});
  // The fields the refusal names (a duplicate name, a value that is not a yen amount …).
  const badFields = new Set(error?.error instanceof StudioCallError ? error.error.issues.filter((i) => (i.table ?? table) === table && i.field).map((i) => i.field!) : []);
  const [from, setFrom] = useState(startIndex);
  const [texts, setTexts] = useState<Record<string, string>>(() => fromRow(startIndex));
  const refKeys = (ref: 'initialFees' | 'policies' | 'courses') => TABLES[ref].rows(version).map((r) => cellText(r[TABLES[ref].keyField] ?? null));
  // A reference offered with what it is, not its code alone (a policy id is English words on the Japanese page):
  // a settlement policy with its kind, an initial-fee group with its amount, a course with its name.
  const refLabel = (ref: 'initialFees' | 'policies' | 'courses', key: string): string => {
    const r = TABLES[ref].rows(version).find((x) => cellText(x[TABLES[ref].keyField] ?? null) === key);
    if (!r) return key;
    const kindCol = TABLES.policies.columns.find((c) => c.key === 'kind')!;
    const what = ref === 'policies' ? enumText('policies', kindCol, cellText(r.kind ?? null), lang) : ref === 'initialFees' ? (typeof r.amount === 'number' ? yen(r.amount) : '') : cellText(r.name ?? null);
    return what ? `${key} — ${what}` : key;
  };
  const set = (k: string, v: string) => setTexts((x) => ({ ...x, [k]: v }));
  const series = texts.series ?? '';
  const notEligible = course ? version.options.filter((o) => o.eligibility.series !== null && !o.eligibility.series.includes(series as never)) : [];
  const title = course ? t('nc.title') : `${t('row.add')}: ${lang === 'ja' ? def.ja : def.en}`;
  return (
    <Dialog title={title} testId="row-form" className="row-form" onCancel={onCancel} onSubmit={() => onSubmit(texts)} submit={{ label: course ? t('nc.create') : t('row.add'), testId: 'rf-submit' }}>
        {error && <ErrorBanner shown={error} onClose={onCloseError} />}
        {course && (
          <label>
            {t('nc.from')}
            <select
              autoFocus
              value={from}
              onChange={(e) => {
                const i = Number(e.target.value);
                setFrom(i);
                setTexts(fromRow(i));
              }}
              data-testid="nc-from"
            >
              {rows.map((r, i) => (
                <option key={i} value={i}>
                  {cellText(r.code ?? null)} {cellText(r.name ?? null)}
                </option>
              ))}
            </select>
          </label>
        )}
        <div className="row-form-fields">
          {def.columns.map((c, i) => {
            const label = lang === 'ja' ? c.ja : c.en;
            const value = texts[c.key] ?? '';
            const testId = `rf-${c.key}`;
            if (c.refersTo || (c.kind === 'enum' && c.values)) {
              const values = c.refersTo ? refKeys(c.refersTo) : c.values!.map(String);
              return (
                <label key={c.key}>
                  {label}
                  <select value={value} onChange={(e) => set(c.key, e.target.value)} data-testid={testId} aria-invalid={badFields.has(c.key) || undefined} className={badFields.has(c.key) ? 'field-error' : undefined}>
                    {(!c.required || !values.includes(value)) && <option value="">{t('enum.none')}</option>}
                    {values.map((v) => (
                      <option key={v} value={v}>
                        {c.refersTo ? refLabel(c.refersTo, v) : enumText(table, c, v, lang)}
                      </option>
                    ))}
                  </select>
                </label>
              );
            }
            return (
              <label key={c.key}>
                {label}
                <input
                  type="text"
                  autoFocus={!course && i === 0}
                  value={value}
                  onChange={(e) => set(c.key, e.target.value)}
                  data-testid={testId}
                  aria-invalid={badFields.has(c.key) || undefined}
                  className={badFields.has(c.key) ? 'field-error' : undefined}
                />
              </label>
            );
          })}
        </div>
        {course && (
          <div className="small" data-testid="nc-options">
            <strong>{t('nc.options')}</strong>
            {notEligible.length === 0 ? (
              <p className="muted">{t('nc.allEligible')}</p>
            ) : (
              <>
                <p className="muted">{t('nc.optionsHelp', { series: enumText('courses', def.columns.find((c) => c.key === 'series')!, series, lang) })}</p>
                <ul>
                  {notEligible.map((o) => (
                    <li key={o.code}>{o.name}</li>
                  ))}
                </ul>
              </>
            )}
          </div>
        )}
    </Dialog>
  );
}
