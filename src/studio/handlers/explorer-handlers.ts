import { existsSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { decide, DECISION_DEFS } from '../../engine/decide.js';
import { FACT_LABELS, INPUT_FACT_LABELS } from '../../engine/review/fact-labels.js';
import type { CaseInput, Output } from '../../engine/output-types.js';
import { DECISIONS } from '../../engine/rule-types.js';
import { writeFileAtomically } from '../../io/atomic-write.js';
import { makeFolders } from '../../io/make-folders.js';
import type { DecisionForm, FactField } from '../api/contract.js';
import type { Handlers } from '../api/dispatcher.js';
import { StudioError } from '../../tariff-model/studio-error.js';
import { approvedRulesInForce, getRuleVersion } from '../workspace/rule-store.js';
import { allTariffVersions, getTariffVersion } from '../workspace/tariff-store.js';
import type { Workspace } from '../workspace/workspace.js';
import { caseFolderFor } from './case-roots.js';
import { workspaceRegistry } from './case-runs.js';
import { asDecision } from './rule-checks.js';
import { clauseTexts, termsFor } from './rule-views.js';
import type { StudioContext } from './studio-context.js';

/**
 * The decision explorer: a form per decision generated from its facts' JSON Schema, an answer
 * under any rule and tariff version (drafts too), and the case file that pins the answer.
 */
type PropSchema = { type?: string | string[]; format?: string; enum?: (string | null)[]; minimum?: number; items?: { type?: string } };

function fieldOf(decision: keyof typeof FACT_LABELS, name: string, p: PropSchema, required: boolean): FactField {
  const label = FACT_LABELS[decision]?.[name] ?? INPUT_FACT_LABELS[name] ?? { ja: name, en: name };
  const base = { name, required, options: [] as (string | null)[], minimum: typeof p.minimum === 'number' ? p.minimum : null, ja: label.ja, en: label.en };
  if (p.enum) return { ...base, kind: 'enum', options: p.enum };
  if (p.type === 'boolean') return { ...base, kind: 'boolean' };
  if (p.type === 'integer' || p.type === 'number') return { ...base, kind: 'integer' };
  // A list of records (paymentAllocation's bills and payments) is typed as JSON; a list of codes as a list.
  if (p.type === 'array') return { ...base, kind: p.items?.type === 'object' ? 'json' : 'list' };
  if (p.format === 'iso-date') return { ...base, kind: 'date' };
  if (p.format === 'iso-datetime') return { ...base, kind: 'datetime' };
  if (p.format === 'iso-month') return { ...base, kind: 'month' };
  if (['course', 'from', 'to'].includes(name)) return { ...base, kind: 'course' };
  return { ...base, kind: 'string' };
}

export const decisionForms = (): DecisionForm[] =>
  DECISIONS.map((name) => {
    const schema = DECISION_DEFS[name].factsSchema as { properties: Record<string, PropSchema>; required: string[] };
    return { name, schema, fields: Object.entries(schema.properties).map(([f, p]) => fieldOf(name, f, p, schema.required.includes(f))) };
  });

/** The answer a case file expects: the output less its trace, versions and the case's own echo. */
export const expectOf = (o: Output): Record<string, unknown> => {
  const { trace: _t, versions: _v, name: _n, asOf: _a, decision: _d, errors, ...rest } = o;
  return o.outcome === 'invalid' && errors ? { outcome: 'invalid' } : rest;
};

const approvedTariffInForce = (ws: Workspace, asOf: string) => {
  let found: number | undefined;
  for (const t of allTariffVersions(ws)) if (t.status !== 'draft' && t.status !== 'in-review' && t.effective <= asOf) found = t.id;
  return found;
};

/** The longest file name most file systems take, in bytes of UTF-8 (NAME_MAX). */
const NAME_MAX_BYTES = 255;

const safeFileName = (name: string): string => {
  const n = name.trim();
  const refuse = (why: string) => {
    const message = `/fileName: ${JSON.stringify(name.slice(0, 100))} is not a file name${why}`;
    throw new StudioError(
      'CASE_FILE_NAME',
      message,
      [{ severity: 'error', code: 'CASE_FILE_NAME', message, field: '/fileName' }],
      'Give a plain file name such as dai27jo-my-case.json (no folders, no special characters).',
    );
  };
  // eslint-disable-next-line no-control-regex -- control characters are what is refused here
  if (!n || n !== basename(n) || n.startsWith('.') || /[\\/:*?"<>|\u0000-\u001f\u007f]/u.test(n)) refuse('');
  const file = n.endsWith('.json') ? n : `${n}.json`;
  if (Buffer.byteLength(file) > NAME_MAX_BYTES) refuse(`: ${Buffer.byteLength(file)} bytes long, and a file system takes at most ${NAME_MAX_BYTES}`);
  return file;
};

/** Writes the case file; what the file system refuses (no permission, a name too long, a disk full) is said with the path and what to do. */
function writeCaseFile(dir: string, name: string, caseJson: string): string {
  const file = join(dir, name);
  try {
    if (existsSync(dir) && !statSync(dir).isDirectory()) throw new StudioError('CASE_FOLDER', `/folder: ${dir} is a file, not a folder`, [], 'Choose a folder.');
    makeFolders(dir);
    if (existsSync(file)) throw new StudioError('CASE_FILE_EXISTS', `${file} already exists; it was left as it is`, [], 'Choose another file name.');
    writeFileAtomically(file, caseJson);
    return file;
  } catch (e) {
    if (e instanceof StudioError) throw e;
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    const message = `/folder: cannot write the case file ${file} (${code}: ${(e as Error).message.split(',')[0]})`;
    throw new StudioError(
      'CASE_FOLDER_UNWRITABLE',
      message,
      [{ severity: 'error', code: 'CASE_FOLDER_UNWRITABLE', message, field: '/folder', value: dir.slice(0, 300) }],
      'Choose a folder you can write to, with a shorter path; nothing was saved.',
    );
  }
}

export const explorerHandlers = (ctx: StudioContext): Handlers['explorer'] => ({
  decisions: () => ({ decisions: decisionForms() }),

  context: ({ ruleVersionId, tariffVersionId }) => {
    const rules = getRuleVersion(ctx.ws, ruleVersionId);
    const tariff = getTariffVersion(ctx.ws, tariffVersionId);
    return {
      courses: tariff.version.courses.map((c) => ({ code: c.code, name: c.name })),
      options: tariff.version.options.map((o) => ({ code: o.code, name: o.name })),
      interpretations: rules.version.interpretations,
      rules: Object.values(rules.version.decisions).flatMap((f) => f.rules.map((r) => ({ id: r.id, name: r.name }))),
      parameterUnits: Object.fromEntries(
        Object.entries(rules.version.decisions).flatMap(([d, f]) => Object.entries(f.parameters ?? {}).flatMap(([name, p]) => (p.unit ? [[`${d}.${name}`, p.unit] as const] : []))),
      ),
    };
  },

  decide: async ({ decision, asOf, facts, ruleVersionId, tariffVersionId, interpretations, name }) => {
    const d = asDecision(decision);
    const rules = getRuleVersion(ctx.ws, ruleVersionId);
    const tariff = getTariffVersion(ctx.ws, tariffVersionId);
    const c: CaseInput = {
      ...(name.trim() ? { name: name.trim() } : {}),
      asOf,
      decision: d,
      facts,
      ...(Object.keys(interpretations).length ? { interpretations } : {}),
    };
    const output = await decide(workspaceRegistry(ctx.ws), c, { today: ctx.today(), rules: rules.version, tariff: tariff.version });
    const texts = clauseTexts(termsFor(ctx.ws, rules.effective), [...output.clauses, ...output.trace.map((t) => t.clause)]);
    const pinnedToApproved = approvedRulesInForce(ctx.ws, asOf)?.id === rules.id && approvedTariffInForce(ctx.ws, asOf) === tariff.id;
    const caseJson = `${JSON.stringify({ ...c, expect: expectOf(output) }, null, 2)}\n`;
    return { output, clauseTexts: texts, caseJson, pinnedToApproved };
  },

  saveCase: ({ folder, fileName, caseJson }) => {
    const dir = caseFolderFor(ctx, folder, '/folder');
    const name = safeFileName(fileName);
    try {
      JSON.parse(caseJson);
    } catch (e) {
      throw new StudioError('CASE_JSON', `the case is not valid JSON: ${(e as Error).message}`, [], 'Answer the case again and save the file it produces.');
    }
    const file = writeCaseFile(dir, name, caseJson);
    return { file };
  },
});
