import { ENGINE_INTERPRETATION_VALUES } from '../../../engine/rule-references.js';
import type { Interpretation } from '../../../engine/rule-types.js';

/**
 * A named interpretation as the editor holds it: its description, its values in order (the
 * default among them, each with its description and the aliases case files may use), and which
 * one is the default. `interpretationOf` turns it back into the file's shape (default first,
 * then the alternatives), keeping the name and clauses; the server checks the result as
 * interpretations.json on disk is checked.
 */
export type ValueRow = { value: string; description: string; aliases?: string[] };
export type InterpretationForm = { description: string; defaultValue: string; values: ValueRow[] };

export const formOf = (i: Interpretation): InterpretationForm => ({
  description: i.description,
  defaultValue: i.default,
  values: [{ value: i.default, description: i.defaultDescription, ...(i.defaultAliases ? { aliases: i.defaultAliases } : {}) }, ...i.alternatives.map((a) => ({ ...a }))],
});

export function interpretationOf(i: Interpretation, f: InterpretationForm): Interpretation {
  const def = f.values.find((v) => v.value === f.defaultValue) ?? f.values[0]!;
  return {
    name: i.name,
    default: def.value,
    defaultDescription: def.description,
    ...(def.aliases ? { defaultAliases: def.aliases } : {}),
    alternatives: f.values.filter((v) => v !== def).map((v) => ({ value: v.value, description: v.description, ...(v.aliases ? { aliases: v.aliases } : {}) })),
    description: f.description,
    clauses: i.clauses,
  };
}

/** The values the engine's code branches on: they cannot be removed (the server refuses it too). */
export const engineValuesOf = (name: string): readonly string[] => ENGINE_INTERPRETATION_VALUES[name] ?? [];
