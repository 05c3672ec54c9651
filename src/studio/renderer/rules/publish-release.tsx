import { useState } from 'react';
import type { PublishedRelease } from '../../api/contract.js';
import { useApi } from '../shell/api-context.js';
import { useI18n } from '../i18n/i18n-context.js';
import { base64ToBlob, download } from '../tariffs/base64.js';
import { useTeam, useTeamText } from '../team/team-context.js';
import { useCallRefusal } from '../team/use-call-refusal.js';

/**
 * "Publish release": packs every approved rule and tariff version into a release file for the
 * decision service (tariff serve) and saves it; the audit log records who published which release.
 */
export function PublishRelease({ onError }: { onError: (e: unknown) => void }) {
  const api = useApi();
  const { t } = useI18n();
  const tt = useTeamText();
  // On a team server the publisher is the signed-in user (the server records them whatever is sent): no name to type.
  const { me } = useTeam();
  const refusal = useCallRefusal()('rules.publishRelease');
  const [typed, setTyped] = useState('');
  const publisher = me ? me.name : typed;
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<PublishedRelease | null>(null);
  const publish = async () => {
    setBusy(true);
    try {
      const r = await api.rules.publishRelease({ publisher });
      setDone(r);
      download(base64ToBlob(r.contentBase64, 'application/json'), r.fileName);
    } catch (e) {
      onError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="publish-release" aria-label={t('release.title')}>
      <h3>{t('release.title')}</h3>
      <p className="muted small">{t('release.help')}</p>
      <div className="filter-bar">
        {!me && (
          <label>
            {t('release.publisher')}{' '}
            <input value={typed} onChange={(e) => setTyped(e.target.value)} data-testid="release-publisher" />
          </label>
        )}
        <button
          type="button"
          className="primary"
          disabled={busy || !publisher.trim() || refusal !== null}
          aria-describedby={me ? 'release-as' : undefined}
          onClick={() => void publish()}
          data-testid="release-publish"
        >
          {t('release.publish')}
        </button>
      </div>
      {me && (
        <p className="muted small" id="release-as" data-testid="release-as">
          {refusal ?? tt('release.asYou', { name: me.name })}
        </p>
      )}
      {done && (
        <p className="small" data-testid="release-done">
          {t('release.done', { id: done.id, versions: String(done.versions), file: done.fileName })}
          <br />
          <code>sha256 {done.sha256}</code>
        </p>
      )}
      {done && (
        // Which versions the service will answer from, and how to start it on the file: what a publisher checks before handing it over.
        <div className="small" data-testid="release-contents">
          <p>{t('release.contents')}</p>
          <ul className="changes-compact">
            {done.packed.map((v) => (
              <li key={`${v.kind}-${v.effective}`} data-testid="release-version">
                {t(v.kind === 'rules' ? 'release.kindRules' : 'release.kindTariffs')} {v.effective}（{t(`status.${v.status}`)}）
              </li>
            ))}
          </ul>
          <p className="muted">{t('release.next', { file: done.fileName })}</p>
        </div>
      )}
    </section>
  );
}
