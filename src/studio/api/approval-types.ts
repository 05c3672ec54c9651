/** What four-eyes approval answers for a version (src/studio/team/four-eyes.ts computes it; the renderer shows it). */
export type ApprovalKind = 'rule' | 'tariff';
/** COMPANION_*: the version of the other kind with the same date (approved with it) is still a draft, or was edited by you. */
export type ApprovalReason = 'NOT_IN_REVIEW' | 'ROLE' | 'EDITOR' | 'ALREADY_APPROVED' | 'COMPANION_NOT_SUBMITTED' | 'COMPANION_EDITOR';
export type ApprovalState = {
  required: number;
  approvals: string[];
  editors: string[];
  canApprove: boolean;
  reason: ApprovalReason | null;
  message: string | null;
};
