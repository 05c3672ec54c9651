import { appendFileSync, copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DECISIONS } from '../../src/engine/rule-types.js';
import { CALL_NAMES, specOf, type Envelope } from '../../src/studio/api/contract.js';
import { createDispatcher, type Dispatch } from '../../src/studio/api/dispatcher.js';
import { studioHandlers } from '../../src/studio/handlers/studio-handlers.js';
import { CALL_ROLES } from '../../src/studio/api/call-roles.js';
import type { Role, TeamUser } from '../../src/studio/api/roles.js';
import { actorFromRequests, runAs } from '../../src/studio/team/request-user.js';
import { createTeamDispatch } from '../../src/studio/team/team-dispatch.js';
import { setRequiredApprovals } from '../../src/studio/team/team-settings.js';
import { anchorFileOf, readAnchors } from '../../src/studio/workspace/audit-anchor.js';
import { verifyWorkspace } from '../../src/studio/workspace/audit-log.js';
import { openWorkspace } from '../../src/studio/workspace/open-workspace.js';
import { closeWorkspace, type Workspace } from '../../src/studio/workspace/workspace.js';
import { scratch, SEED, TODAY } from './helpers.js';

/**
 * An adversarial sweep of the studio API: for every call in the contract, arguments its schema
 * accepts but a careful caller would not send (ids that do not exist or name another kind of
 * version, stale revisions, dates like 0001-01-01 or 2023-02-29, empty, huge and odd unicode
 * strings, empty and duplicated lists, numbers at the schema's bounds, names such as
 * `__proto__`), dispatched against a workspace holding approved versions, drafts, a version in
 * review and a scenario. Every answer must be a result or an error with a stable code other than
 * INTERNAL that says what is wrong; nothing may throw through; afterwards the workspace opens,
 * its approved versions are unchanged byte for byte and its audit log verifies.
 */

type Schema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  maxProperties?: number;
  items?: Schema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
};

/** What the generators draw from: the workspace's own ids and names, so calls get past their first lookup. */
type Pools = {
  tariffIds: number[];
  ruleIds: number[];
  /** The drafts (a tariff, a rule version): where most writing calls get furthest. */
  draftIds: number[];
  scenarioIds: number[];
  ruleIdsInDraft: string[];
  /** [decision, rule id] of the rule draft: a pair the rule calls find. */
  rulePairs: [string, string][];
  interpretationNames: string[];
  tableFields: string[];
  ruleJson: string[];
  forms: unknown[];
  workbooks: string[];
  caseFolder: string;
  /** The team server's confinement of case folders to caseFolder (case-roots.ts): names may then be relative. */
  confined: boolean;
  facts: Record<string, unknown>[];
};

const ODD_STRINGS = [
  '',
  ' ',
  '\n',
  '\t=1+1',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  '../../../etc/passwd',
  '\u0000',
  'a\u0000b',
  '\uD800',
  '\uDFFF\uD800',
  '\u202Eevil',
  '𠮷野家',
  'é',
  'e\u0301',
  '第1条',
  '別紙3',
  '<script>alert(1)</script>',
  "'; DROP TABLE audit_log; --",
  '%s%n',
  '{}',
  'null',
];
const ODD_DATES = ['0001-01-01', '9999-12-31', '2023-02-29', '2024-02-29', '2025-02-30', '0000-00-00', '2025-13-01', '2025-00-10', '1970-01-01', '2023-09-19', TODAY, '2025-04-01'];
const ODD_NUMBERS = [0, -1, 0.5, 1e-300, 1e308, -1e308, 2 ** 31, 2 ** 53 + 2, Number.MAX_SAFE_INTEGER];
const BIG_INTS = [2 ** 31 - 1, 2 ** 31, 2 ** 53 - 1, 2 ** 53 + 2, 1e21, 1e308];
const ID_KEYS = new Set(['id', 'from', 'to', 'versionId', 'ruleVersionId', 'tariffVersionId', 'tariffFrom', 'tariffTo']);

const jsonish = (p: Pools): fc.Arbitrary<string> =>
  fc.oneof(
    fc.constantFrom(
      '',
      '{}',
      '[]',
      'null',
      '1e999',
      '-0',
      '"x"',
      '{"__proto__":{"polluted":1}}',
      '[['.repeat(3000) + ']]'.repeat(3000),
      '{"a":'.repeat(3000) + '1' + '}'.repeat(3000),
    ),
    fc.constantFrom(...p.ruleJson),
    fc.constantFrom(...p.ruleJson).map((s) => s.replace(/"priority":\s*\d+/u, '"priority": 1e308').replace(/"operator":\s*"[a-zA-Z]+"/u, '"operator": "__proto__"')),
    fc.constantFrom(...p.ruleJson).map((s) => s.replace(/"fact":\s*"[a-zA-Z]+"/u, '"fact": "constructor"')),
    // Conditions nested far deeper than any rule, inside the string (past the payload's depth check).
    fc.constantFrom(...p.ruleJson).map((s) => s.replace(/"conditions":\s*/u, `"conditions": ${'{"all": ['.repeat(2000)}`).replace(/,\s*"event"/u, `${']}'.repeat(2000)}, "event"`)),
    fc.json({ maxDepth: 3 }),
  );

/** A string for a property named `key` under `schema`: odd ones, the schema's bounds, and names the workspace knows. */
function stringArb(s: Schema, key: string, p: Pools): fc.Arbitrary<string> {
  const min = s.minLength ?? 0;
  const max = s.maxLength ?? 300;
  const fits = (x: string) => [...x].length >= min && [...x].length <= max && (!s.pattern || new RegExp(s.pattern, 'u').test(x));
  if (s.pattern === '^\\d{4}-\\d{2}-\\d{2}$') return fc.oneof(fc.constantFrom(...ODD_DATES), fc.stringMatching(/^\d{4}-\d{2}-\d{2}$/u));
  if (s.pattern?.startsWith('^[A-Za-z0-9+/]'))
    return fc.oneof(
      fc.constantFrom('', 'AAAA', Buffer.from('PK\u0003\u0004 not a zip').toString('base64'), ...p.workbooks),
      fc.uint8Array({ maxLength: 600 }).map((b) => Buffer.from(b).toString('base64')),
    );
  if (s.pattern) return fc.stringMatching(new RegExp(s.pattern, 'u'));
  const known: string[] = [];
  if (key === 'decision') known.push(...DECISIONS, 'nope');
  if (key === 'ruleId' || key === 'from') known.push(...p.ruleIdsInDraft);
  if (key === 'name') known.push(...p.interpretationNames, 'admin', 'tester', 'pam', 'PAM', ' pam ');
  if (key === 'field') known.push(...p.tableFields);
  if (key === 'clause') known.push('第27条', '第27条第1項', '第999条', '別紙3表1', '別紙99', '第0条第0項第0号');
  if (key === 'quote') known.push('本規約', 'この規約は、当社が提供する');
  if (key === 'folder' || key === 'folders')
    known.push(p.caseFolder, join(p.caseFolder, 'sub'), join(p.caseFolder, 'file.json'), '/proc/self/forbidden', `${p.caseFolder}/a\u0000b`, `${p.caseFolder}/${'長'.repeat(100)}`);
  if (key === 'fileName') known.push('case.json', 'case', '.hidden', 'a/b.json', 'CON', 'x'.repeat(200));
  if (key === 'value' || key === 'text') known.push('0', '-1', '1e308', 'NaN', 'Infinity', '１２３', '2023-02-29', 'true', 'a,b,,b');
  const generic = fc.oneof(
    fc.constantFrom(...ODD_STRINGS),
    fc.string({ maxLength: 12 }),
    fc.string({ unit: 'grapheme', maxLength: 12 }),
    fc.constant('x'.repeat(max)),
    fc.constant('𠮷'.repeat(max)),
  );
  if (key === 'folder' || key === 'folders')
    // Never a folder of this machine outside the scratch folder: a generated name is put under it, '..' taken out.
    return fc.oneof(fc.constantFrom(...known), p.confined ? generic : generic.map((x) => `${p.caseFolder}/${x.replace(/\.\./gu, '__')}`)).filter(fits);
  const base = /Json$/u.test(key) ? fc.oneof(jsonish(p), generic) : known.length ? fc.oneof(fc.constantFrom(...known), generic) : generic;
  return base.filter(fits);
}

function numberArb(s: Schema, key: string, integer: boolean, p: Pools): fc.Arbitrary<number> {
  const min = s.minimum ?? -1e308;
  const max = s.maximum ?? 1e308;
  const fits = (x: number) => x >= min && x <= max && (!integer || Number.isInteger(x));
  const edges = [min, max, min + 1, max - 1, 0, 1, 2, 3].filter((x) => Math.abs(x) < 1e308 || x === min || x === max);
  const ranged = integer ? fc.integer({ min: Math.max(min, -1e6), max: Math.min(max, 1e6) }) : fc.double({ min: Math.max(min, -1e6), max: Math.min(max, 1e6), noNaN: true });
  // Ids mostly name something that exists (of this kind or another), so calls get past their first lookup.
  if (ID_KEYS.has(key))
    return fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...p.draftIds) },
      { weight: 3, arbitrary: fc.constantFrom(...p.tariffIds, ...p.ruleIds, ...p.scenarioIds) },
      { weight: 1, arbitrary: fc.constantFrom(9999, ...BIG_INTS).filter(fits) },
    );
  // Revisions mostly the current one or near it (a stale one, one ahead).
  if (key === 'revision') return fc.oneof({ weight: 5, arbitrary: fc.integer({ min: 1, max: 4 }) }, { weight: 1, arbitrary: fc.constantFrom(...BIG_INTS) });
  const pool = [...edges, ...(integer ? BIG_INTS : ODD_NUMBERS)];
  return fc.oneof(fc.constantFrom(...pool.filter(fits)), ranged).filter(fits);
}

const opaqueObject = (key: string, p: Pools): fc.Arbitrary<unknown> => {
  if (key === 'facts')
    return fc.oneof(
      fc.constantFrom(...p.facts),
      fc.dictionary(fc.constantFrom('course', 'startDate', 'endDate', 'paid', 'options', '__proto__', 'constructor', 'month'), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
    );
  if (key === 'form') return fc.constantFrom(...p.forms);
  return fc.oneof(fc.constant({}), fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }));
};

/** An arbitrary for the values `schema` admits, leaning on the odd ones. */
function arb(schema: Schema, key: string, p: Pools): fc.Arbitrary<unknown> {
  if ('const' in schema) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const alts = schema.anyOf ?? schema.oneOf;
  if (alts) return fc.oneof(...alts.map((a) => arb(a, key, p)));
  if (Array.isArray(schema.type)) return fc.oneof(...schema.type.map((t) => arb({ ...schema, type: t }, key, p)));
  switch (schema.type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
      return numberArb(schema, key, true, p);
    case 'number':
      return numberArb(schema, key, false, p);
    case 'string':
      return stringArb(schema, key, p);
    case 'array': {
      const item = arb(schema.items ?? {}, key, p);
      const min = schema.minItems ?? 0;
      const max = Math.min(schema.maxItems ?? 6, 6);
      // Duplicate entries too: the same item twice in one list.
      return fc.oneof(
        fc.array(item, { minLength: min, maxLength: max }),
        item.map((x) => [x, x]).filter((xs) => xs.length >= min && xs.length <= (schema.maxItems ?? 6)),
      );
    }
    default:
      break;
  }
  if (!schema.properties && typeof schema.additionalProperties !== 'object') return opaqueObject(key, p);
  if (key === 'form' && p.forms.length) return fc.oneof(fc.constantFrom(...p.forms), objectArb(schema, p));
  return objectArb(schema, p);
}

function objectArb(schema: Schema, p: Pools): fc.Arbitrary<unknown> {
  const props = schema.properties ?? {};
  const required = new Set(schema.required ?? []);
  const entries = Object.entries(props).map(([k, s]) => [k, required.has(k) ? arb(s, k, p) : fc.option(arb(s, k, p), { nil: undefined })] as const);
  const record = fc.record(Object.fromEntries(entries));
  const extra =
    typeof schema.additionalProperties === 'object'
      ? fc.dictionary(
          fc.oneof(fc.constantFrom(...p.tableFields, ...p.interpretationNames, '__proto__', 'constructor', ''), fc.string({ maxLength: 6 })),
          arb(schema.additionalProperties, 'text', p),
          { maxKeys: Math.min(schema.maxProperties ?? 4, 4) },
        )
      : fc.constant({});
  return fc.tuple(extra, record).map(([x, r]) => {
    const o: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(x)) Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
    for (const [k, v] of Object.entries(r)) if (v !== undefined) o[k] = v;
    return o;
  });
}

/** A fresh workspace with one of everything: approved versions, a draft of each kind, a tariff in review, a saved scenario. */
async function buildTemplate(): Promise<{ file: string; pools: Omit<Pools, 'caseFolder' | 'confined'> }> {
  const dir = scratch('sweep-template-');
  const file = join(dir, 'workspace.sqlite');
  const { ws } = openWorkspace(file, { seed: SEED, actor: 'tester' });
  const dispatch = createDispatcher(studioHandlers({ ws, createdNow: true, today: () => TODAY }));
  const ok = async <T>(name: string, args: unknown): Promise<T> => {
    const r = await dispatch(name, args);
    if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.error)}`);
    return r.value as T;
  };
  const approvedTariff = (ws.db.prepare("SELECT id FROM tariff_versions WHERE status = 'approved' ORDER BY id DESC").get() as { id: number }).id;
  const approvedRules = (ws.db.prepare("SELECT id FROM rule_versions WHERE status = 'approved' ORDER BY id DESC").get() as { id: number }).id;
  const tDraft = await ok<{ summary: { id: number } }>('tariffs.createDraft', { from: approvedTariff, effective: '2026-04-01', title: 'sweep draft' });
  const rDraft = await ok<{ summary: { id: number } }>('rules.createDraft', { from: approvedRules, effective: '2026-04-01', title: 'sweep rules draft' });
  const review = await ok<{ summary: { id: number; revision: number } }>('tariffs.createDraft', { from: approvedTariff, effective: '2027-04-01', title: 'sweep in review' });
  await ok('lifecycle.submitTariff', { id: review.summary.id, revision: review.summary.revision, comment: 'for review' });
  // Drafts on the edges of the calendar, for every call that reads versions by date.
  const odd: number[] = [];
  for (const [kind, effective] of [
    ['tariff', '0001-01-01'],
    ['rules', '9999-12-31'],
    ['tariff', '2024-02-29'],
  ] as const)
    odd.push((await ok<{ id: number }>('lifecycle.restore', { kind, from: kind === 'tariff' ? approvedTariff : approvedRules, effective, title: `edge ${effective}` })).id);
  await runAs({ id: 1, name: 'admin', role: 'admin' }, () => ok('team.addUser', { name: 'pam', role: 'pm', password: 'a long enough password' }));
  const choices = await ok<{ defaultForm: Record<string, unknown> }>('scenarios.choices', {});
  const small = { ...choices.defaultForm, name: 'sweep', fleet: { ...(choices.defaultForm.fleet as object), size: 20 }, horizon: { start: '2025-04', months: 3 } };
  const scenario = await ok<{ id: number }>('scenarios.save', { id: null, form: small });
  const rules = await ok<{ version: { decisions: Record<string, { rules: { id: string }[] }>; interpretations: Record<string, unknown> } }>('rules.get', { id: rDraft.summary.id });
  const exported = await ok<{ contentBase64: string }>('workbook.export', { versionId: tDraft.summary.id });
  const ruleFile = JSON.parse(readFileSync(join(SEED.rulesDir, '2023-09-19', 'settlement.json'), 'utf8')) as { rules: unknown[] };
  const caseFacts = ['bessi3-hyo2-settlement-legacy.json', 'dai22jo-cancellation.json'].flatMap(
    (f) => JSON.parse(readFileSync(join('test', 'cases', f), 'utf8')) as { facts: Record<string, unknown> }[],
  );
  const pools = {
    tariffIds: (ws.db.prepare('SELECT id FROM tariff_versions').all() as { id: number }[]).map((r) => r.id),
    ruleIds: (ws.db.prepare('SELECT id FROM rule_versions').all() as { id: number }[]).map((r) => r.id),
    scenarioIds: [scenario.id],
    draftIds: [tDraft.summary.id, rDraft.summary.id, ...odd],
    ruleIdsInDraft: Object.values(rules.version.decisions).flatMap((d) => d.rules.map((r) => r.id)),
    rulePairs: Object.entries(rules.version.decisions).flatMap(([d, v]) => v.rules.map((r) => [d, r.id] as [string, string])),
    interpretationNames: Object.keys(rules.version.interpretations),
    tableFields: ['code', 'name', 'monthlyFee', 'termMonths', 'series', 'effective', 'from', 'fee', 'percent', 'months', 'group'],
    ruleJson: ruleFile.rules.map((r) => JSON.stringify(r)),
    forms: [
      small,
      { ...small, fleet: { ...(small.fleet as object), size: 0 } },
      { ...small, horizon: { start: '0001-01', months: 1 } },
      { ...small, baseline: { tariffVersionId: 9999, ruleVersionId: null, edits: [] } },
      { ...small, seed: 1e308 },
    ],
    workbooks: [exported.contentBase64],
    facts: caseFacts.slice(0, 5).map((c) => c.facts),
  };
  closeWorkspace(ws);
  return { file, pools };
}

let template: Promise<Awaited<ReturnType<typeof buildTemplate>>> | undefined;

/** A copy of the template workspace (with its anchor file) in a folder of its own, and its case folder. */
async function workspaceWithState(confined: boolean) {
  template ??= buildTemplate();
  const t = await template;
  const dir = scratch('sweep-');
  const file = join(dir, 'workspace.sqlite');
  copyFileSync(t.file, file);
  if (existsSync(anchorFileOf(t.file))) copyFileSync(anchorFileOf(t.file), anchorFileOf(file));
  const caseFolder = join(dir, 'cases');
  mkdirSync(caseFolder);
  writeFileSync(join(caseFolder, 'file.json'), '[]\n');
  const { ws } = openWorkspace(file, { actor: 'tester' });
  const dispatch = createDispatcher(studioHandlers({ ws, createdNow: false, today: () => TODAY, ...(confined ? { caseRoots: [caseFolder] } : {}) }));
  const pools: Pools = { ...t.pools, caseFolder, confined };
  return { ws, file, dispatch, pools };
}

const approvedRows = (ws: Workspace) => [
  ...(ws.db.prepare("SELECT 't' AS kind, id, effective, data FROM tariff_versions WHERE status IN ('approved', 'superseded') ORDER BY id").all() as object[]),
  ...(ws.db.prepare("SELECT 'r' AS kind, id, effective, data FROM rule_versions WHERE status IN ('approved', 'superseded') ORDER BY id").all() as object[]),
];

/** The workspace still holds: it opens, the approved versions are unchanged and the audit log verifies against its anchors. */
function assertIntact(file: string, before: object[]) {
  const { ws } = openWorkspace(file, { actor: 'checker', readOnly: true });
  try {
    const after = approvedRows(ws);
    for (const row of before) expect(after).toContainEqual(row);
    const beside = anchorFileOf(file);
    const verdict = verifyWorkspace(ws, { anchors: existsSync(beside) ? [{ source: beside, anchors: readAnchors(beside) }] : [] });
    expect(verdict.chain).toMatchObject({ ok: true });
    expect(verdict.versions).toEqual([]);
    expect(verdict.anchors).toEqual([]);
  } finally {
    closeWorkspace(ws);
  }
}

/** An answer that holds: a result, or an error with a code other than INTERNAL and a message that names the problem. */
function assertAnswer(name: string, args: unknown, r: Envelope<unknown>) {
  // SWEEP_CODES=FILE: note each answer's code there (how deep the sweep gets into each call); the suite never sets it.
  if (process.env.SWEEP_CODES)
    appendFileSync(
      process.env.SWEEP_CODES,
      `${name} ${r.ok ? 'ok' : `${r.error.code} ${r.error.message.slice(0, 160).replace(/\s+/gu, ' ')} ${r.error.code === 'INVALID_ARGS' ? JSON.stringify(r.error.issues[0]) : ''}`}\n`,
    );
  if (r.ok) return;
  const where = `${name} ${JSON.stringify(args).slice(0, 400)} → ${JSON.stringify(r.error).slice(0, 400)}`;
  // SWEEP_LOG=FILE: note every INTERNAL answer there and go on (to survey many at once); the suite never sets it.
  if (process.env.SWEEP_LOG && r.error.code === 'INTERNAL') return appendFileSync(process.env.SWEEP_LOG, `${where}\n`);
  expect(r.error.code, where).toMatch(/^[A-Z][A-Z0-9_]+$/u);
  expect(r.error.code, where).not.toBe('INTERNAL');
  expect(r.error.code, where).not.toBe('RESULT_SCHEMA');
  expect(r.error.message.length, where).toBeGreaterThan(10);
  expect(r.error.message, where).not.toMatch(/\n\s+at /u);
}

/** The calls that simulate or build workbooks: fewer runs keep the file bounded. */
const HEAVY = new Set([
  'rules.regression',
  'lifecycle.fleetImpact',
  'lifecycle.tariffReview',
  'scenarios.run',
  'scenarios.reprice',
  'rules.notice',
  'lifecycle.tariffNotice',
  'rules.publishRelease',
  'rules.coverage',
  'rules.diff',
]);
const RUNS = Number(process.env.SWEEP_RUNS ?? 8);

const TABLE_OF: Record<string, string> = {
  tariffs: 'tariff_versions',
  lifecycle: 'tariff_versions',
  engine: 'tariff_versions',
  rules: 'rule_versions',
  authoring: 'rule_versions',
  scenarios: 'scenarios',
};

/**
 * Half of the runs are made coherent, so the sweep gets past the first lookups into the work
 * itself: a decision with one of its rules, a scenario's own id, a valid form or workbook, and
 * the revision the version has now (read at the moment of the call).
 */
function cohere(name: string, args: unknown, roll: number, ws: Workspace, p: Pools): unknown {
  if (roll % 2 === 1 || args === null || typeof args !== 'object') return args;
  const a = { ...(args as Record<string, unknown>) };
  const domain = name.split('.')[0]!;
  if ('decision' in a && 'ruleId' in a) [a.decision, a.ruleId] = p.rulePairs[roll % p.rulePairs.length]!;
  if (domain === 'scenarios' && typeof a.id === 'number') a.id = p.scenarioIds[0];
  if ('form' in a && roll % 4 === 0) a.form = p.forms[0];
  if ('contentBase64' in a) a.contentBase64 = p.workbooks[0];
  const table = TABLE_OF[domain];
  if ('revision' in a && typeof a.id === 'number' && table) {
    const row = ws.db.prepare(`SELECT revision FROM ${table} WHERE id = ?`).get(a.id) as { revision: number } | undefined;
    if (row) a.revision = row.revision;
  }
  return a;
}

/** A user whose role may make the call (legal for the calls everyone may read). */
const userFor = (name: string): TeamUser => {
  const access = CALL_ROLES[name];
  const role: Role = access === undefined || access === 'read' ? 'legal' : access[0]!;
  return { id: 7, name: `sweep-${role}`, role };
};

type Mode = { team: boolean; confined: boolean; server?: boolean };

async function sweep(name: string, { team, confined, server = false }: Mode) {
  const { ws, file, dispatch, pools } = await workspaceWithState(confined);
  const before = approvedRows(ws);
  const schema = specOf(name)!.args as Schema;
  let call: Dispatch = team ? (n, a) => runAs({ id: 1, name: 'admin', role: 'admin' }, () => dispatch(n, a)) : dispatch;
  if (server) {
    // The team server's own layer (roles, four-eyes with two approvals required, the reviewer taken from the user).
    actorFromRequests(ws, 'server');
    setRequiredApprovals(ws, 2);
    const teamDispatch = createTeamDispatch(ws, dispatch);
    call = async (n, a) => {
      const r = await teamDispatch(userFor(n), n, a);
      expect(r.status === 500, `${n}: status ${r.status} for ${JSON.stringify(r.env).slice(0, 300)}`).toBe(!r.env.ok && r.env.error.code === 'INTERNAL');
      return r.env;
    };
  }
  try {
    await fc.assert(
      fc.asyncProperty(arb(schema, '', pools), fc.nat(99), async (generated, roll) => {
        // What a transport carries: JSON.
        const sent = JSON.parse(JSON.stringify(cohere(name, generated, roll, ws, pools))) as unknown;
        // SWEEP_TRACE=FILE: each call's arguments before it is sent (to find one that never answers); the suite never sets it.
        if (process.env.SWEEP_TRACE) writeFileSync(process.env.SWEEP_TRACE, `${name} ${JSON.stringify(sent)}\n`);
        const r = await call(name, sent);
        assertAnswer(name, sent, r);
        if (name === 'scenarios.run' && r.ok) await dispatch('scenarios.cancel', { runId: (r.value as { runId: string }).runId });
      }),
      { numRuns: HEAVY.has(name) ? Math.max(2, Math.round(RUNS / 4)) : RUNS, endOnFailure: true },
    );
  } finally {
    closeWorkspace(ws);
  }
  assertIntact(file, before);
}

describe('adversarial sweep of every studio call', () => {
  it('knows every call', () => {
    expect(CALL_NAMES.length).toBeGreaterThan(50);
  });
  for (const name of CALL_NAMES)
    it(`${name}: schema-valid odd arguments get a result or a located error, never INTERNAL; the workspace still holds`, async () => {
      await sweep(name, { team: name.startsWith('team.'), confined: false });
    }, 120_000);
  // Through the team server's layer: roles, four-eyes (two approvals required) and the reviewer from the session.
  for (const name of CALL_NAMES.filter((n) => /^(rules|lifecycle|team|authoring|tariffs)\./u.test(n)))
    it(`${name} through the team server's roles and four-eyes: odd arguments get a result or a located error`, async () => {
      await sweep(name, { team: false, confined: true, server: true });
    }, 120_000);
  // A team server confines case folders to its case root, where a relative name is taken from the root.
  for (const name of ['explorer.saveCase', 'rules.setCaseFolders'])
    it(`${name} on a team server (case folders confined to a root): odd folder names get a located error`, async () => {
      await sweep(name, { team: true, confined: true });
    }, 120_000);
});
