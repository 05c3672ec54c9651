/**
 * Whether an approved (or superseded) version is in force today, until when, or scheduled: what
 * its status alone does not say. A version superseded by a later approval stays in force until
 * its successor's effective date, and an approved version with a future date is not in force yet.
 * The same reading as the server's `inForceOn` (lifecycle-handlers.ts): on a date, the approved or
 * superseded version with the latest effective date on or before it (the later one on a tie).
 */
type Dated = { id: number; effective: string; status: string };
export type ForceNote = { kind: 'in-force'; until: string | null } | { kind: 'scheduled'; from: string } | null;

const isApproved = (s: string): boolean => s === 'approved' || s === 'superseded';

/** The day before an ISO date: the last day a version is in force before its successor's effective date. */
export const dayBefore = (date: string): string => new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

const approvedInOrder = <V extends Dated>(all: readonly V[]): V[] =>
  all.filter((x) => isApproved(x.status)).sort((a, b) => (a.effective < b.effective ? -1 : a.effective > b.effective ? 1 : a.id - b.id));

/** The version in force on a date (see above), or undefined when none is yet. */
export function versionInForceOn<V extends Dated>(all: readonly V[], date: string): V | undefined {
  return approvedInOrder(all)
    .filter((x) => x.effective <= date)
    .pop();
}

export function forceNote(v: Dated, all: readonly Dated[], today: string): ForceNote {
  const approved = approvedInOrder(all);
  const on = (date: string): Dated | undefined => versionInForceOn(approved, date);
  if (on(today)?.id === v.id) return { kind: 'in-force', until: approved.find((x) => x.effective > today)?.effective ?? null };
  if (v.effective > today && on(v.effective)?.id === v.id) return { kind: 'scheduled', from: v.effective };
  return null;
}
