/** What four-eyes approval answers for a version (src/studio/team/four-eyes.ts computes it; the renderer shows it). */
export type ApprovalKind = 'rule' | 'tariff';
export type ApprovalReason = 'NOT_IN_REVIEW' | 'ROLE' | 'EDITOR' | 'ALREADY_APPROVED';
export type ApprovalState = {
  required: number;
  approvals: string[];
  editors: string[];
  canApprove: boolean;
  reason: ApprovalReason | null;
  message: string | null;
};
