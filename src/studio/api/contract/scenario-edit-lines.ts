import { str } from './shared.js';

/**
 * A scenario side's edits as the Scenarios page reads them (docs/studio-scenarios.md § Edits):
 * one line per edit, each with what it changes in the side's version, from what to what, worked
 * out by applying the edit as the simulator does (src/studio/scenarios/edit-lines.ts). The lines
 * carry codes, names and amounts, not sentences: the renderer words them in the page's language.
 */
export type EditChangeKind = 'course-fee' | 'course-policy' | 'new-course' | 'option-price' | 'initial-fee' | 'new-policy' | 'interpretation' | 'parameter' | 'existing-contracts';
export type EditChange = {
  kind: EditChangeKind;
  /** What changes: a course or option code, an initial-fee group, a policy id, an interpretation name, `decision.parameter`; '' for existing contracts. */
  subject: string;
  /** The course's or option's name as the tariff prints it; else ''. */
  name: string;
  /** An option price's key: '' (flat), a term in months (by-term) or a series (by-series). */
  key: string;
  /** The value before the edit and after it (yen for fees and prices; null: none before, or removed). */
  from: number | string | null;
  to: number | string | null;
  /** option-price: the price's kind (flat, by-term, by-series); new-policy: its kind; existing-contracts and parameter: the clause; else ''. */
  detail: string;
  /** new-course: the names of the courses whose contracts may take it instead, and the share that does; else [] and null. */
  courses: string[];
  share: number | null;
};
/**
 * One edit: its place in the side's list, its kind, its note, what it changes, and why it cannot
 * apply (null when it can); `percent`: a course fee changed by percent (+10), which the page says
 * before the yen it gives.
 */
export type EditLine = { index: number; edit: string; note: string; changes: EditChange[]; problem: string | null; percent?: number };
export type SideEditLines = { baseline: EditLine[]; proposal: EditLine[] };

const value = { type: ['number', 'string', 'null'] } as const;
export const editChangeSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['kind', 'subject', 'name', 'key', 'from', 'to', 'detail', 'courses', 'share'],
  properties: {
    kind: { enum: ['course-fee', 'course-policy', 'new-course', 'option-price', 'initial-fee', 'new-policy', 'interpretation', 'parameter', 'existing-contracts'] },
    subject: str,
    name: str,
    key: str,
    from: value,
    to: value,
    detail: str,
    courses: { type: 'array', items: str },
    share: { type: ['number', 'null'] },
  },
} as const;
export const editLineSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['index', 'edit', 'note', 'changes', 'problem'],
  properties: {
    index: { type: 'integer' },
    edit: str,
    note: str,
    changes: { type: 'array', items: editChangeSchema },
    problem: { type: ['string', 'null'] },
    percent: { type: 'number' },
  },
} as const;
export const sideEditLinesSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['baseline', 'proposal'],
  properties: { baseline: { type: 'array', items: editLineSchema }, proposal: { type: 'array', items: editLineSchema } },
} as const;
