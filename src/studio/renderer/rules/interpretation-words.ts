import type { InterpretationWords } from '../../../engine/review/rule-sentences.js';
import type { Interpretation } from '../../../engine/rule-types.js';
import type { MessageKey } from '../i18n/messages.js';
import { interpretationValueDescription, ownValueDescription } from '../i18n/rule-texts.js';
import { interpretationLabelKey } from '../explorer/output-labels.js';

/**
 * How a rule's sentence names the version's named interpretations: as the 名前付きの解釈 table
 * shows them, by their short title (`interp.<name>`) and what the value means (the version's own
 * description, in Japanese where the catalog translates exactly that text). An interpretation the
 * version lacks, a value it does not list or one without a title reads by its code.
 */
export function interpretationWords(interps: readonly Interpretation[], lang: 'ja' | 'en', t: (key: MessageKey) => string): InterpretationWords {
  const byName = new Map(interps.map((i) => [i.name, i]));
  return {
    title: (name) => {
      const key = byName.has(name) ? interpretationLabelKey(name) : null;
      return key === null ? undefined : t(key);
    },
    value: (name, value) => {
      const i = byName.get(name);
      const own = i ? ownValueDescription(i, value) : undefined;
      return own === undefined || own.trim() === '' ? undefined : interpretationValueDescription(name, value, own, lang);
    },
  };
}
