import type { MessageKey } from '../i18n/messages.js';

/**
 * The by-item rows of a run name their item as the simulator does, in Japanese (`月額料金`; an
 * option of 別紙3表3 by its name in the terms). The page shows the label of its language: a known
 * item by its i18n key (`scn.item.<item>`), an option as "Option: name" with the terms' name, and
 * anything else as the simulator named it. `term` is the Japanese name, for the tooltip of an
 * English label.
 */
export type ItemRowName = { item: string; name: string };
export type ItemLabel = { label: string; term: string };

/** The items the simulator names itself (camera-sim views' ITEM_NAMES); a unit test holds the two together. */
export const KNOWN_ITEMS = [
  'monthly-fee',
  'initial-fee',
  'outage-waiver',
  'late-interest',
  'settlement',
  'tax',
  'late-return-charge',
  'equipment-replacement',
  'equipment-repair',
  'damages',
  'outage-refund',
] as const;
type KnownItem = (typeof KNOWN_ITEMS)[number];
const isKnown = (item: string): item is KnownItem => (KNOWN_ITEMS as readonly string[]).includes(item);

/** An item the simulator does not name itself is an option when it has a name other than its code (views name options from the tariff). */
export function itemLabel(row: ItemRowName, t: (key: MessageKey, vars?: Record<string, string | number>) => string): ItemLabel {
  if (isKnown(row.item)) return { label: t(`scn.item.${row.item}`), term: row.name };
  if (row.name !== row.item) return { label: t('scn.item.option', { name: row.name }), term: row.name };
  return { label: row.name, term: row.name };
}
