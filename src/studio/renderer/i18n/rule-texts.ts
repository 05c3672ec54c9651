import { COVERAGE_NOTES, INTERPRETATION_TEXTS, PARAMETER_TEXTS, RULE_TITLES, type Translated } from './rule-text-messages.js';

type Lang = 'ja' | 'en';

/** The Japanese of `own` when the catalog entry translates exactly that English; otherwise `own` itself (a text the catalog does not know, or one edited since). */
const pick = (entry: Translated | undefined, own: string, lang: Lang): string => (lang === 'ja' && entry !== undefined && entry.en === own ? entry.ja : own);

/**
 * A rule's title in the page's language: the catalog's Japanese for a shipped rule, the rule's
 * own title (`name`, as in the rule file) in English, for a rule id the catalog does not know, and
 * for a rule whose title was changed in a draft.
 */
export const ruleTitle = (rule: { id: string; name: string }, lang: Lang): string => pick(Object.hasOwn(RULE_TITLES, rule.id) ? RULE_TITLES[rule.id] : undefined, rule.name, lang);

/** A rule's title by id alone (the Explorer's trace): the catalog's text in the page's language, or the title the version holds (`names`), or null when neither knows the id. */
export const ruleTitleById = (id: string, names: ReadonlyMap<string, string>, lang: Lang): string | null => {
  const own = names.get(id);
  if (own !== undefined) return ruleTitle({ id, name: own }, lang);
  const entry = Object.hasOwn(RULE_TITLES, id) ? RULE_TITLES[id] : undefined;
  return entry ? entry[lang] : null;
};

const interp = (name: string) => (Object.hasOwn(INTERPRETATION_TEXTS, name) ? INTERPRETATION_TEXTS[name] : undefined);

/** What a named interpretation decides (its `description`), in the page's language. */
export const interpretationDescription = (i: { name: string; description: string }, lang: Lang): string => pick(interp(i.name), i.description, lang);

/** What one value of a named interpretation means (`defaultDescription` or an alternative's `description`), in the page's language. */
export const interpretationValueDescription = (name: string, value: string, own: string, lang: Lang): string => {
  const values = interp(name)?.values;
  return pick(values && Object.hasOwn(values, value) ? values[value] : undefined, own, lang);
};

/** A value's own (English) description as the version holds it, or undefined for a value it does not list. */
export const ownValueDescription = (
  i: { default: string; defaultDescription: string; alternatives: { value: string; description: string }[] },
  value: string,
): string | undefined => (value === i.default ? i.defaultDescription : i.alternatives.find((a) => a.value === value)?.description);

/** A clause coverage note (what the engine carries of a paragraph, or why it decides nothing) in the page's language; a note the catalog does not translate shows as written. */
export const coverageNote = (ref: string, note: string, lang: Lang): string => pick(Object.hasOwn(COVERAGE_NOTES, ref) ? COVERAGE_NOTES[ref] : undefined, note, lang);

/** What a decision's parameter is (its `description`), in the page's language. */
export const parameterDescription = (decision: string, name: string, own: string, lang: Lang): string => {
  const key = `${decision}.${name}`;
  return pick(Object.hasOwn(PARAMETER_TEXTS, key) ? PARAMETER_TEXTS[key] : undefined, own, lang);
};
