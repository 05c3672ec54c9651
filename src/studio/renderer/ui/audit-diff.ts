/**
 * An audit entry's before and after as a reader wants them: when both are objects, only the
 * fields that differ (`parameter.value: 14.6` → `parameter.value: 14.0`), and the fields they
 * share (`decision: lateInterest · name: annualRatePercent`) as the context of the change, instead
 * of two long JSON texts that repeat a clause's whole quote on each side. Anything else (a list of
 * cells, a value, nothing) is shown as compact JSON.
 */
export type AuditDiff = { before: string[]; after: string[]; context: string[] };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string => (typeof v === 'string' ? v : v === undefined ? '—' : JSON.stringify(v));

function leaves(v: Record<string, unknown>, prefix: string, out: Map<string, unknown>): Map<string, unknown> {
  for (const [k, x] of Object.entries(v)) {
    const path = prefix ? `${prefix}.${k}` : k;
    if (isObject(x) && Object.keys(x).length > 0) leaves(x, path, out);
    else out.set(path, x);
  }
  return out;
}

export const compactJson = (v: unknown): string => (v === null || v === undefined ? '' : JSON.stringify(v));

export function auditDiff(before: unknown, after: unknown): AuditDiff {
  if (!isObject(before) || !isObject(after)) return { before: before == null ? [] : [compactJson(before)], after: after == null ? [] : [compactJson(after)], context: [] };
  const b = leaves(before, '', new Map());
  const a = leaves(after, '', new Map());
  const paths = [...new Set([...b.keys(), ...a.keys()])];
  const differs = (p: string) => JSON.stringify(b.get(p)) !== JSON.stringify(a.get(p));
  if (!paths.some(differs)) return { before: [compactJson(before)], after: [compactJson(after)], context: [] };
  return {
    before: paths.filter((p) => differs(p) && b.has(p)).map((p) => `${p}: ${text(b.get(p))}`),
    after: paths.filter((p) => differs(p) && a.has(p)).map((p) => `${p}: ${text(a.get(p))}`),
    // What the change is about: the top-level values both sides share (long texts left out).
    context: paths.filter((p) => !p.includes('.') && !differs(p) && (typeof b.get(p) !== 'string' || (b.get(p) as string).length <= 40)).map((p) => `${p}: ${text(b.get(p))}`),
  };
}
