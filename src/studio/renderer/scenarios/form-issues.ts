import type { Issue } from '../../../tariff-model/issue.js';

/**
 * A refused scenario form's issues made readable where the form is: each issue at a field (a JSON
 * pointer such as `/response/cancellation/elasticity`) gets the field's label as its column, the
 * value typed there, and what the simulator's schema expects in both languages, so the issue list
 * says 「50」は受け付けられません。20 以下の数を入力してください。 on the Japanese page instead of the
 * pointer and `must be <= 20` alone. An issue whose message is not a bound, a whole number or a
 * number keeps what it had.
 */
export function formIssues(issues: readonly Issue[], form: unknown, labelOf: (pointer: string) => string | undefined): Issue[] {
  return issues.map((i) => {
    if (!i.field) return i;
    const expected = expectation(i.message);
    const value = valueAt(form, i.field);
    const header = labelOf(i.field);
    return {
      ...i,
      ...(i.header === undefined && header ? { header } : {}),
      ...(i.value === undefined && value !== undefined ? { value } : {}),
      ...(i.expected === undefined && expected ? expected : {}),
    };
  });
}

/** What a schema message (`…: must be <= 20`) expects, in English and Japanese. */
function expectation(message: string): { expected: string; expectedJa: string } | undefined {
  const m = /must be (<=|>=|<|>) (-?[\d.]+)/u.exec(message);
  if (m) {
    const [, op, n] = m;
    const ja = { '<=': `${n} 以下の数`, '>=': `${n} 以上の数`, '<': `${n} より小さい数`, '>': `${n} より大きい数` }[op as '<=' | '>=' | '<' | '>'];
    return { expected: `a number ${op} ${n}`, expectedJa: ja };
  }
  if (/must be integer/u.test(message)) return { expected: 'a whole number', expectedJa: '整数' };
  if (/must be number/u.test(message)) return { expected: 'a number', expectedJa: '数' };
  return undefined;
}

/** The form's value at a JSON pointer, as text (a field left blank: ""); undefined where there is none or it is not a plain value. */
function valueAt(form: unknown, pointer: string): string | undefined {
  let v: unknown = form;
  for (const part of pointer.split('/').slice(1)) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[part.replace(/~1/gu, '/').replace(/~0/gu, '~')];
  }
  if (typeof v === 'number') return Number.isNaN(v) ? '' : String(v);
  if (v === null) return '';
  return typeof v === 'string' ? v : undefined;
}
