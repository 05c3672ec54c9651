import { ja, type MessageKey } from '../i18n/messages.js';

/**
 * Which message labels an answer's field (`out.<decision>.<field>`, an item key of an array field
 * `out.<decision>.<field>.<key>`) or a named interpretation (`interp.<name>`). Null when none
 * does (a field or interpretation added later): the page then shows the code name alone. Fields
every decision may have (`discretionary`, an invalid answer's `errors`) are `out.<field>`.
 */
const known = (key: string): MessageKey | null => (Object.hasOwn(ja, key) ? (key as MessageKey) : null);

export const outputLabelKey = (decision: string, path: string): MessageKey | null =>
  path === 'discretionary' || path === 'errors' ? known(`out.${path}`) : known(`out.${decision}.${path}`);

export const interpretationLabelKey = (name: string): MessageKey | null => known(`interp.${name}`);

/** Which message labels a decision's outcome (`outcome.<decision>.<outcome>`, or `outcome.invalid` for an answer refused for its input); null for an outcome added later. */
export const outcomeLabelKey = (decision: string, outcome: string): MessageKey | null =>
  outcome === 'invalid' ? known('outcome.invalid') : known(`outcome.${decision}.${outcome}`);
