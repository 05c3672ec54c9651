import type { EditChange } from '../../api/contract.js';
import type { Lang } from '../i18n/i18n-context.js';
import type { MessageKey } from '../i18n/messages.js';
import { money, percent } from './format.js';

/**
 * One change of a scenario edit (src/studio/scenarios/edit-lines.ts) as a sentence in the page's
 * language: コース「…」の月額 3,680円 → 3,180円. Amounts of fees and prices are yen; the values of
 * interpretations and parameters are shown as the rules name them.
 */
type Words = { t: (key: MessageKey, vars?: Record<string, string | number>) => string; yen: (n: number) => string; lang: Lang };

const policyKind = (kind: string, months: EditChange['to'], w: Words): string =>
  kind === 'remaining-of-months' && typeof months === 'number'
    ? w.t('se.policyKindMonths', { months })
    : ['none', 'remaining-of-months', 'longest-satisfied-same-family'].includes(kind)
      ? w.t(`se.policyKind.${kind}` as MessageKey)
      : kind;

export function changeText(c: EditChange, w: Words): string {
  const amount = (v: EditChange['from']): string => (v === null ? w.t('se.none') : typeof v === 'number' ? money(v, w.yen) : v);
  const plain = (v: EditChange['from']): string => (v === null ? w.t('se.none') : String(v));
  const fromTo = { from: amount(c.from), to: amount(c.to) };
  switch (c.kind) {
    case 'course-fee':
      return w.t('se.courseFee', { name: c.name, ...fromTo });
    case 'course-policy':
      return w.t('se.coursePolicy', { name: c.name, from: plain(c.from), to: plain(c.to) });
    case 'new-course': {
      const vars = { name: c.name, code: c.subject, fee: amount(c.to) };
      return c.courses.length && c.share !== null ? w.t('se.newCourseUptake', { ...vars, from: c.courses.join('、'), share: percent(c.share, w.lang) }) : w.t('se.newCourse', vars);
    }
    case 'option-price':
      return c.detail === 'by-term'
        ? w.t('se.optionPriceTerm', { name: c.name, key: c.key, ...fromTo })
        : c.detail === 'by-series'
          ? w.t('se.optionPriceSeries', { name: c.name, key: c.key, ...fromTo })
          : w.t('se.optionPrice', { name: c.name, ...fromTo });
    case 'initial-fee':
      return w.t('se.initialFee', { group: c.subject, ...fromTo });
    case 'new-policy':
      return w.t('se.newPolicy', { id: c.subject, kind: policyKind(c.detail, c.to, w) });
    case 'interpretation':
      return w.t('se.interpretation', { name: c.subject, from: plain(c.from), to: plain(c.to) });
    case 'parameter': {
      const [decision, parameter] = [c.subject.slice(0, c.subject.indexOf('.')), c.subject.slice(c.subject.indexOf('.') + 1)];
      return w.t('se.parameter', { decision, parameter, clause: c.detail || w.t('se.none'), from: plain(c.from), to: plain(c.to) });
    }
    case 'existing-contracts': {
      const policy = (v: EditChange['from']): string => (v === 'new-price' || v === 'keep-price' ? w.t(`se.existing.${v}`) : plain(v));
      return w.t('se.existing', { from: policy(c.from), to: policy(c.to), clause: c.detail || w.t('se.none') });
    }
  }
}
