import { join } from 'node:path';
import { dataErrorsOf, DataLoadError } from '../engine/errors.js';
import type { ReleaseContent, ReleaseManifest, ReleaseVersionEntry } from '../engine/release-types.js';
import { DECISIONS, type RuleVersion } from '../engine/rule-types.js';
import type { TariffVersion } from '../engine/tariff-types.js';
import { validateRuleVersion, validateVersionIndex } from '../engine/validate-data.js';
import { loadVersionCoverage, quoteErrors } from './coverage-file.js';
import { loadRuleVersions, loadTariffVersions } from './folder-store.js';
import { readJson } from './json-file.js';
import { programInfo, programRoot } from './program-info.js';

/**
 * What goes into a release: the approved versions only (rules approved or superseded, tariffs
 * approved). A draft or a version in review is never packed, whatever the source.
 */
export type Approval = { approvedBy: string | null; approvedAt: string | null };
export type ReleaseSource = {
  source: ReleaseManifest['source'];
  rules: { version: RuleVersion; approval: Approval }[];
  tariffs: { version: TariffVersion; approval: Approval }[];
  auditHead: string | null;
  auditEntries: number | null;
};

export const isReleasable = (status: string): status is 'approved' | 'superseded' => status === 'approved' || status === 'superseded';

export function releaseContent(src: ReleaseSource, builtAt = new Date().toISOString()): ReleaseContent {
  const rules = src.rules.filter((r) => isReleasable(r.version.status)).sort((a, b) => a.version.effective.localeCompare(b.version.effective));
  const tariffs = src.tariffs.filter((t) => t.version.status === 'approved').sort((a, b) => a.version.effective.localeCompare(b.version.effective));
  if (!rules.length || !tariffs.length)
    throw new DataLoadError('RELEASE_EMPTY', [
      {
        file: src.source,
        pointer: '',
        message: `there is no approved ${!rules.length ? 'rule' : 'tariff'} version to release: approve one first (drafts and versions in review are never released)`,
        code: 'RELEASE_EMPTY',
      },
    ]);
  // A release holds only what release verify and every loader accept: a workspace's approved
  // version from before a check existed (an event type its decision ignores) is refused here,
  // not at the service that loads it.
  const problems = rules.flatMap(({ version: v }) =>
    dataErrorsOf(() =>
      validateRuleVersion(v, {
        decisions: Object.fromEntries(DECISIONS.map((d) => [d, { file: `rules ${v.effective}/${d}.json`, data: v.decisions[d] }])),
        interpretations: { file: `rules ${v.effective}/interpretations.json`, data: { interpretations: v.interpretations } },
      }),
    ),
  );
  if (problems.length) throw new DataLoadError(problems[0]!.code, problems);
  const versions: ReleaseVersionEntry[] = [
    ...rules.map((r) => ({ kind: 'rules' as const, effective: r.version.effective, status: r.version.status as 'approved' | 'superseded', ...r.approval })),
    ...tariffs.map((t) => ({ kind: 'tariffs' as const, effective: t.version.effective, status: 'approved' as const, ...t.approval })),
  ];
  return {
    manifest: { program: programInfo(), builtAt, source: src.source, auditHead: src.auditHead, auditEntries: src.auditEntries, decisions: [...DECISIONS], versions },
    rules: rules.map((r) => r.version),
    tariffs: tariffs.map((t) => t.version),
  };
}

/**
 * The folders as a release source: who approved each version comes from its index.json; folders do
 * not record when. A rule file is text anyone may edit, so every quote of a version to be packed is
 * checked against the terms first (the studio checks each save the same way): a quote that is not
 * the terms' text, or not the cited clause's, is refused with its file and pointer.
 */
export function folderReleaseSource(rulesDir: string, tariffsDir: string): ReleaseSource {
  const tIndex = validateVersionIndex(readJson(join(tariffsDir, 'index.json')), join(tariffsDir, 'index.json'));
  const rules = loadRuleVersions(rulesDir);
  const forged = rules.filter((v) => isReleasable(v.status)).flatMap((v) => quoteErrors(loadVersionCoverage(rulesDir, v)));
  if (forged.length) throw new DataLoadError(forged[0]!.code, forged);
  return {
    source: 'folders',
    rules: rules.map((version) => ({ version, approval: { approvedBy: version.approvedBy ?? null, approvedAt: null } })),
    tariffs: loadTariffVersions(tariffsDir).map((version) => ({
      version,
      approval: { approvedBy: tIndex.find((e) => e.effective === version.effective)?.approvedBy ?? null, approvedAt: null },
    })),
    auditHead: null,
    auditEntries: null,
  };
}

/**
 * The program's own rules/ and tariffs/ as a release source: the checkout's, or those the package
 * ships (`npm pack` packs them): what `tariff release build` packs without folders. A billing
 * project that installed the package builds a release of its approved versions with it.
 */
export function programReleaseSource(): ReleaseSource {
  const root = programRoot();
  if (root === undefined)
    throw new DataLoadError('PROGRAM_NOT_FOUND', [
      {
        file: '',
        pointer: '',
        message: 'no package.json of the tariff program above this module: give the folders to folderReleaseSource(rulesDir, tariffsDir)',
        code: 'PROGRAM_NOT_FOUND',
      },
    ]);
  return folderReleaseSource(join(root, 'rules'), join(root, 'tariffs'));
}
