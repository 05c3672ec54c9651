import type { Condition, Leaf, Operator } from '../../../engine/rule-types.js';
import { OPERATORS, isFactRef, isLeaf } from '../../../engine/rule-types.js';
import { OPERATOR_TABLE } from '../../../engine/operators.js';
import type { FactOffer } from '../../api/contract.js';
import { useI18n } from '../i18n/i18n-context.js';

/**
 * A structured editor of a rule's conditions: groups (all / any / not) and leaves (fact,
 * operator, value), facts offered from the decision's fact list. Every change produces a new
 * condition tree; the JSON beside it and the studio's check follow.
 */
type Path = number[];

const childrenOf = (c: Condition): Condition[] => ('all' in c ? c.all : 'any' in c ? c.any : 'not' in c ? [c.not] : []);
const withChildren = (c: Condition, kids: Condition[]): Condition => ('all' in c ? { all: kids } : 'any' in c ? { any: kids } : 'not' in c ? { not: kids[0]! } : c);

export function updateAt(c: Condition, path: Path, f: (c: Condition) => Condition | null): Condition | null {
  if (!path.length) return f(c);
  const [i, ...rest] = path as [number, ...number[]];
  const kids = childrenOf(c);
  const next = updateAt(kids[i]!, rest, f);
  const newKids = next === null ? kids.filter((_k, j) => j !== i) : kids.map((k, j) => (j === i ? next : k));
  if ('not' in c && next === null) return null;
  return withChildren(c, newKids);
}

/** The value as typed: `{"fact": …}` picked from the list, else JSON (numbers, true, ["a","b"]), else plain text. */
export const parseValue = (text: string): unknown => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
};
export const showValue = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));

function LeafEditor({ leaf, facts, onChange, testId }: { leaf: Leaf; facts: FactOffer[]; onChange: (l: Leaf) => void; testId: string }) {
  const { t, lang } = useI18n();
  const valueIsFact = isFactRef(leaf.value);
  const label = (f: FactOffer) => (lang === 'ja' ? f.ja : f.en) + (f.name !== f.ja ? ` (${f.name})` : '');
  const factOptions = facts.some((f) => f.name === leaf.fact) ? facts : [{ name: leaf.fact, ja: leaf.fact, en: leaf.fact }, ...facts];
  return (
    <div className="cond-leaf" data-testid={testId}>
      <select value={leaf.fact} onChange={(e) => onChange({ ...leaf, fact: e.target.value })} aria-label={t('rules.fact')} data-testid={`${testId}-fact`}>
        {factOptions.map((f) => (
          <option key={f.name} value={f.name}>
            {label(f)}
          </option>
        ))}
      </select>
      <select value={leaf.operator} onChange={(e) => onChange({ ...leaf, operator: e.target.value as Operator })} aria-label={t('rules.operator')} data-testid={`${testId}-operator`}>
        {OPERATORS.map((o) => (
          <option key={o} value={o}>
            {OPERATOR_TABLE[o].label[lang]}
          </option>
        ))}
      </select>
      <select
        value={valueIsFact ? 'fact' : 'value'}
        onChange={(e) => onChange({ ...leaf, value: e.target.value === 'fact' ? { fact: facts[0]?.name ?? leaf.fact } : 0 })}
        aria-label={t('rules.valueKind')}
        data-testid={`${testId}-kind`}
      >
        <option value="value">{t('rules.valueLiteral')}</option>
        <option value="fact">{t('rules.valueFact')}</option>
      </select>
      {valueIsFact ? (
        <select value={(leaf.value as { fact: string }).fact} onChange={(e) => onChange({ ...leaf, value: { fact: e.target.value } })} aria-label={t('rules.value')} data-testid={`${testId}-value-fact`}>
          {factOptions.map((f) => (
            <option key={f.name} value={f.name}>
              {label(f)}
            </option>
          ))}
        </select>
      ) : (
        <input type="text" className="mono" value={showValue(leaf.value)} onChange={(e) => onChange({ ...leaf, value: parseValue(e.target.value) })} aria-label={t('rules.value')} data-testid={`${testId}-value`} />
      )}
    </div>
  );
}

export function ConditionEditor({ cond, facts, onChange, path = [], onRemove }: { cond: Condition; facts: FactOffer[]; onChange: (c: Condition) => void; path?: Path; onRemove?: () => void }) {
  const { t } = useI18n();
  const testId = `cond-${path.join('-') || 'root'}`;
  if (isLeaf(cond))
    return (
      <div className="cond-row">
        <LeafEditor leaf={cond} facts={facts} onChange={onChange} testId={testId} />
        {onRemove && (
          <button type="button" className="icon-button" onClick={onRemove} title={t('rules.remove')} aria-label={t('rules.remove')} data-testid={`${testId}-remove`}>
            ×
          </button>
        )}
      </div>
    );
  const kids = childrenOf(cond);
  const kind = 'all' in cond ? 'all' : 'any' in cond ? 'any' : 'not';
  const newLeaf: Leaf = { fact: facts[0]?.name ?? 'fact', operator: 'equal', value: true };
  return (
    <div className={`cond-group cond-${kind}`} data-testid={testId}>
      <div className="cond-group-head">
        <select
          value={kind}
          onChange={(e) => {
            const k = e.target.value;
            onChange(k === 'not' ? { not: kids.length === 1 ? kids[0]! : { all: kids } } : k === 'all' ? { all: kind === 'not' ? kids : kids } : { any: kids });
          }}
          aria-label={t('rules.group')}
          data-testid={`${testId}-kind`}
        >
          <option value="all">{t('rules.all')}</option>
          <option value="any">{t('rules.any')}</option>
          <option value="not">{t('rules.not')}</option>
        </select>
        {kind !== 'not' && (
          <>
            <button type="button" className="small-button" onClick={() => onChange(withChildren(cond, [...kids, newLeaf]))} data-testid={`${testId}-add`}>
              + {t('rules.addCondition')}
            </button>
            <button type="button" className="small-button" onClick={() => onChange(withChildren(cond, [...kids, { all: [newLeaf] }]))} data-testid={`${testId}-add-group`}>
              + {t('rules.addGroup')}
            </button>
          </>
        )}
        {onRemove && (
          <button type="button" className="icon-button" onClick={onRemove} title={t('rules.remove')} aria-label={t('rules.remove')} data-testid={`${testId}-remove`}>
            ×
          </button>
        )}
      </div>
      <div className="cond-children">
        {kids.map((k, i) => (
          <ConditionEditor
            key={i}
            cond={k}
            facts={facts}
            path={[...path, i]}
            onChange={(n) => onChange(withChildren(cond, kids.map((x, j) => (j === i ? n : x))))}
            {...(kind !== 'not' && kids.length > 1 ? { onRemove: () => onChange(withChildren(cond, kids.filter((_x, j) => j !== i))) } : {})}
          />
        ))}
      </div>
    </div>
  );
}
