import type { VersionSummary } from '../../api/contract.js';
import { useI18n } from '../i18n/i18n-context.js';

/** Every tariff version and draft, newest first, with its status. */
export function VersionList({ versions, selected, onSelect }: { versions: readonly VersionSummary[]; selected: number | null; onSelect: (id: number) => void }) {
  const { t } = useI18n();
  const byId = new Map(versions.map((v) => [v.id, v]));
  return (
    <aside className="version-list" aria-label={t('versions.title')}>
      <h2>{t('versions.title')}</h2>
      <ul>
        {versions.map((v) => (
          <li key={v.id}>
            <button type="button" className={v.id === selected ? 'version-item selected' : 'version-item'} onClick={() => onSelect(v.id)} data-testid={`version-${v.id}`} aria-current={v.id === selected ? 'true' : undefined}>
              <span className="version-date">{v.effective}</span>
              <span className={`badge badge-${v.status}`}>{t(`status.${v.status}`)}</span>
              {v.title && <span className="version-title">{v.title}</span>}
              {v.basedOn !== null && byId.get(v.basedOn) && <span className="version-base">{t('versions.basedOn', { date: byId.get(v.basedOn)!.effective })}</span>}
            </button>
          </li>
        ))}
      </ul>
    </aside>
  );
}
