import type { Role } from './roles.js';

/**
 * Who may make each studio call on a team server, beside the contract so that every call is
 * covered: `read` is everyone logged in; otherwise the roles listed. The team dispatcher refuses
 * a call that is missing here (403) and a test checks that every call of the contract is listed,
 * so a new call cannot slip through unguarded. In the desktop app and `--web` (one person, no
 * users) nothing is checked.
 */
export type CallAccess = 'read' | readonly Role[];

const PM = ['pm'] as const;
const LEGAL = ['legal'] as const;
const FINANCE = ['finance'] as const;
const ADMIN = ['admin'] as const;

export const CALL_ROLES: Readonly<Record<string, CallAccess>> = {
  'workspace.info': 'read',

  'tariffs.list': 'read',
  'tariffs.get': 'read',
  'tariffs.createDraft': PM,
  'tariffs.edit': PM,
  'tariffs.discardDraft': PM,
  'tariffs.rowOps': PM,
  // Undo / redo of a workbook import into a draft: a draft edit like any other.
  'tariffs.restoreContent': PM,
  'engine.coursePreview': 'read',
  'workbook.export': 'read',
  'workbook.previewImport': PM,
  'workbook.applyImport': PM,
  // Import into the open draft: whoever edits drafts (a preview changes nothing, the apply is a draft edit).
  'workbook.previewIntoDraft': PM,
  'workbook.applyIntoDraft': PM,

  'rules.list': 'read',
  'rules.get': 'read',
  'rules.createDraft': LEGAL,
  'rules.checkRule': LEGAL,
  'rules.saveRule': LEGAL,
  'rules.setInterpretation': LEGAL,
  'rules.discardDraft': LEGAL,
  'rules.submit': LEGAL,
  'rules.withdraw': LEGAL,
  // A reviewer (legal) sends a rule version back to draft saying what must change; its author edits and submits it again.
  'rules.requestChanges': LEGAL,
  'rules.approve': LEGAL,
  'rules.diff': 'read',
  'rules.regression': 'read',
  'rules.caseFolders': 'read',
  // Case folders are paths on the server's disk: only legal (who keeps the cases) and admin set them.
  'rules.setCaseFolders': ['legal', 'admin'],
  'rules.notice': 'read',
  'rules.coverage': 'read',
  // A release is what the decision service answers from: published by the approvers (legal) or an admin.
  'rules.publishRelease': ['legal', 'admin'],

  'audit.list': 'read',
  'audit.verify': 'read',

  'explorer.decisions': 'read',
  'explorer.context': 'read',
  'explorer.decide': 'read',
  // Writes a case file into a folder on the server's disk.
  'explorer.saveCase': LEGAL,

  'scenarios.choices': 'read',
  'scenarios.list': 'read',
  'scenarios.get': 'read',
  'scenarios.save': FINANCE,
  'scenarios.delete': FINANCE,
  'scenarios.run': FINANCE,
  'scenarios.progress': 'read',
  'scenarios.cancel': FINANCE,
  'scenarios.export': 'read',
  'scenarios.reprice': FINANCE,
  'scenarios.describeEdits': 'read',
  // The size of a form's run and the limit: computed, nothing run or saved.
  'scenarios.runSize': 'read',

  // Tariff version lifecycle (issue 14): pm submits and withdraws tariff drafts, legal approves (four-eyes, below).
  'lifecycle.tariffReview': 'read',
  'lifecycle.fleetImpact': 'read',
  'lifecycle.submitTariff': PM,
  'lifecycle.withdrawTariff': PM,
  'lifecycle.approveTariff': LEGAL,
  // Whoever reviews a tariff version (legal) may send it back to draft saying what must change; the pm then edits and submits again.
  'lifecycle.requestTariffChanges': LEGAL,
  'lifecycle.reviewSteps': 'read',
  // A restore makes a draft (tariff or rules) that is reviewed and approved like any other: pm or legal may start one.
  'lifecycle.restore': ['pm', 'legal'],
  'lifecycle.inForce': 'read',
  'lifecycle.tariffNotice': 'read',

  // Rule authoring (issue 14): legal edits rule drafts.
  'authoring.addRule': LEGAL,
  'authoring.deleteRule': LEGAL,
  'authoring.moveRule': LEGAL,
  'authoring.setParameter': LEGAL,
  'authoring.editInterpretation': LEGAL,
  'authoring.checkQuote': LEGAL,

  'team.me': 'read',
  'team.approvalState': 'read',
  'team.users': ADMIN,
  'team.addUser': ADMIN,
  'team.setUserDisabled': ADMIN,
  'team.setUserRole': ADMIN,
  'team.resetPassword': ADMIN,
};

/**
 * Calls that are not reads (a role needs them) but change nothing in the workspace: checks, a
 * preview, a re-price or a cancel in memory, the user list, a case file written to a folder. Every
 * other call that is not 'read' writes the workspace, so a workspace opened read-only refuses it
 * (WORKSPACE_READ_ONLY) and the studio disables its buttons instead.
 */
export const LEAVES_WORKSPACE_UNCHANGED: ReadonlySet<string> = new Set([
  'rules.checkRule',
  'workbook.previewImport',
  'workbook.previewIntoDraft',
  'authoring.checkQuote',
  'scenarios.reprice',
  'scenarios.cancel',
  'team.users',
  'explorer.saveCase',
]);

/** Whether a call writes the workspace (refused on a read-only one). */
export const writesWorkspace = (call: string): boolean => {
  const access = CALL_ROLES[call];
  return access !== undefined && access !== 'read' && !LEAVES_WORKSPACE_UNCHANGED.has(call);
};

/** The calls that approve a version: four-eyes applies to them (src/studio/team/four-eyes.ts). */
export const APPROVAL_CALLS: Readonly<Record<string, { kind: 'rule' | 'tariff'; getCall: string }>> = {
  'rules.approve': { kind: 'rule', getCall: 'rules.get' },
  'lifecycle.approveTariff': { kind: 'tariff', getCall: 'tariffs.get' },
};

export const ROLE_NAMES: Record<Role, { en: string; ja: string }> = {
  pm: { en: 'product manager', ja: 'プロダクトマネージャー' },
  legal: { en: 'legal', ja: '法務' },
  finance: { en: 'finance', ja: '経理・財務' },
  admin: { en: 'administrator', ja: '管理者' },
};

/** Why a role may not make a call, in words for the 403. */
export function forbiddenMessage(call: string, role: Role, access: CallAccess | undefined): string {
  if (access === undefined) return `${call} has no role policy on this server, so it is refused for everyone`;
  const who = access === 'read' ? 'everyone' : access.map((r) => ROLE_NAMES[r].en).join(' or ');
  return `${call} is for ${who}; you are signed in as ${ROLE_NAMES[role].en}`;
}
