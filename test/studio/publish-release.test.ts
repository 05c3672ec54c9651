import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Envelope, PublishedRelease } from '../../src/studio/api/contract.js';
import type { ReleaseFile } from '../../src/engine/release-types.js';
import { loadReleaseFile } from '../../src/io/release-file.js';
import { listAudit, verifyAudit } from '../../src/studio/workspace/audit-log.js';
import { freshStudio, scratch } from './helpers.js';

/** The Rules page's "Publish release" through the dispatcher: approved versions only, named in the audit log. */
describe('rules.publishRelease', () => {
  it('publishes the approved versions (never the draft), a file tariff release verify accepts, and records who published it', async () => {
    const { ws, dispatch } = freshStudio();
    const draft = (await dispatch('rules.createDraft', { from: 1, effective: '2026-04-01', title: 'next' })) as Envelope<unknown>;
    expect(draft.ok).toBe(true);
    const head = verifyAudit(ws);
    const r = (await dispatch('rules.publishRelease', { publisher: 'kato' })) as Envelope<PublishedRelease>;
    if (!r.ok) throw new Error(r.error.message);
    const release = JSON.parse(Buffer.from(r.value.contentBase64, 'base64').toString('utf8')) as ReleaseFile;
    expect(release.id).toBe(r.value.id);
    expect(r.value.fileName).toBe(`release-${r.value.id}.json`);
    expect(release.content.rules.map((v) => `${v.effective} ${v.status}`)).toEqual(['2023-09-19 approved']);
    expect(head.ok && release.content.manifest.auditHead === head.head).toBe(true);
    const file = join(scratch('release-'), r.value.fileName);
    writeFileSync(file, Buffer.from(r.value.contentBase64, 'base64'));
    expect(loadReleaseFile(file).sha256).toBe(r.value.sha256);
    const last = listAudit(ws, 1)[0]!;
    expect(last).toMatchObject({ action: 'release.published', target: `release:${release.id}`, after: { id: release.id, sha256: release.sha256, publisher: 'kato' } });
    expect(verifyAudit(ws).ok).toBe(true);
  });

  it('refuses without a publisher name, and writes nothing', async () => {
    const { ws, dispatch } = freshStudio();
    const before = verifyAudit(ws);
    expect(await dispatch('rules.publishRelease', { publisher: '  ' })).toMatchObject({ ok: false, error: { code: 'PUBLISHER_REQUIRED' } });
    expect(verifyAudit(ws)).toEqual(before);
  });
});
