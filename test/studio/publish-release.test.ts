import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Envelope, PublishedRelease, TariffReviewView, VersionDetail, VersionSummary } from '../../src/studio/api/contract.js';
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

  it('names the reviewer and time of a tariff version approved in the studio (its tariff_reviews step), as for a rule version', async () => {
    const { ok } = freshStudio();
    let draft = await ok<VersionDetail>('tariffs.createDraft', { from: 1, effective: '2026-04-01', title: 'price change' });
    draft = await ok<VersionDetail>('tariffs.edit', {
      id: draft.summary.id,
      revision: draft.summary.revision,
      edits: [{ table: 'courses', index: 0, field: 'monthlyFee', text: '23500' }],
    });
    const submitted = await ok<VersionSummary>('lifecycle.submitTariff', { id: draft.summary.id, revision: draft.summary.revision, comment: 'please review' });
    await ok('lifecycle.approveTariff', { id: submitted.id, revision: submitted.revision, reviewer: 'ito', comment: 'ok' });
    const review = await ok<TariffReviewView>('lifecycle.tariffReview', { id: submitted.id });
    const approvedAt = review.reviews.find((s) => s.step === 'approved')?.at;
    expect(approvedAt).toBeDefined();
    const r = await ok<PublishedRelease>('rules.publishRelease', { publisher: 'ito' });
    const release = JSON.parse(Buffer.from(r.contentBase64, 'base64').toString('utf8')) as ReleaseFile;
    expect(release.content.manifest.versions.find((v) => v.kind === 'tariffs' && v.effective === '2026-04-01')).toMatchObject({
      status: 'approved',
      approvedBy: 'ito',
      approvedAt,
    });
  });

  it('refuses without a publisher name, and writes nothing', async () => {
    const { ws, dispatch } = freshStudio();
    const before = verifyAudit(ws);
    expect(await dispatch('rules.publishRelease', { publisher: '  ' })).toMatchObject({ ok: false, error: { code: 'PUBLISHER_REQUIRED' } });
    expect(verifyAudit(ws)).toEqual(before);
  });
});
