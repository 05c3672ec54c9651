import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES, DEFAULT_TARIFFS, PROJECT_ROOT } from '../../src/cli/options.js';
import { DECISION_EVENTS, acceptedEventTypes } from '../../src/engine/decision-events.js';
import { DataLoadError } from '../../src/engine/errors.js';
import { DECISIONS, type DecisionName, type RuleVersion } from '../../src/engine/rule-types.js';
import { validateRuleVersion } from '../../src/engine/validate-data.js';
import { openRelease } from '../../src/engine/release-loader.js';
import { loadRuleVersions, loadTariffVersions } from '../../src/io/folder-store.js';
import { releaseContent } from '../../src/io/release-build.js';
import { sealRelease, sha256Hex } from '../../src/io/release-file.js';
import { checkRuleEdit } from '../../src/studio/handlers/rule-checks.js';

/** The event types a decision accepts: held to the decisions' code and the committed rules; an unknown one is an error everywhere. */
const DECISIONS_DIR = join(PROJECT_ROOT, 'src', 'engine', 'decisions');
const version = loadRuleVersions(DEFAULT_RULES)[0]!;

/** Per decision, the event types its code branches on (`f.type === 'x'`, `types.has('x')`, `reasonsOf(…, 'x')`), read from its source. */
function typesInCode(): Partial<Record<DecisionName, Set<string>>> {
  const out: Partial<Record<DecisionName, Set<string>>> = {};
  for (const f of readdirSync(DECISIONS_DIR).filter((n) => n.endsWith('.ts'))) {
    const src = readFileSync(join(DECISIONS_DIR, f), 'utf8');
    const parts = src.split(/^ {2}name: '(\w+)',$/mu);
    for (let i = 1; i < parts.length; i += 2) {
      const body = parts[i + 1]!;
      const found = new Set<string>();
      for (const m of body.matchAll(/\.type === '([a-z-]+)'|types\.has\('([a-z-]+)'\)|reasonsOf\(\w+, '([a-z-]+)'\)/gu)) found.add((m[1] ?? m[2] ?? m[3])!);
      out[parts[i] as DecisionName] = found;
    }
  }
  return out;
}

const load = (v: Pick<RuleVersion, 'decisions' | 'interpretations'>) =>
  validateRuleVersion(
    { effective: '2000-01-01', status: 'draft' },
    {
      decisions: Object.fromEntries(DECISIONS.map((d) => [d, { file: `${d}.json`, data: v.decisions[d] }])),
      interpretations: { file: 'interpretations.json', data: { interpretations: v.interpretations } },
    },
  );

describe('the event types each decision accepts', () => {
  it('decides: exactly the types the decision code branches on, for every decision', () => {
    const code = typesInCode();
    expect(Object.keys(code).sort()).toEqual([...DECISIONS].sort());
    for (const d of DECISIONS) expect(new Set(DECISION_EVENTS[d].decides), d).toEqual(code[d]);
  });

  it('every committed rule fires an accepted type, and every recorded type is one a committed rule fires', () => {
    for (const d of DECISIONS) {
      const fired = new Set(version.decisions[d].rules.map((r) => r.event.type));
      for (const t of fired) expect(acceptedEventTypes(d), `${d}: ${t}`).toContain(t);
      for (const t of DECISION_EVENTS[d].records) expect(fired.has(t), `${d} records ${t}`).toBe(true);
    }
    expect(() => load(version)).not.toThrow();
  });

  it('a rule with an event type its decision never handles is an error at /event/type listing the accepted types (loaders, validate, releases)', () => {
    const changed = structuredClone(version);
    changed.decisions.settlement.rules[1]!.event.type = 'settle-same-familly';
    let error: unknown;
    try {
      load(changed);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DataLoadError);
    expect((error as DataLoadError).errors).toEqual([
      {
        file: 'settlement.json',
        pointer: '/rules/1/event/type',
        code: 'RULE_EVENT_UNKNOWN',
        message:
          'the event type "settle-same-familly" is not one the settlement decision handles: the rule would fire and its answer would ignore it. Use one of "settle-remaining", "settle-same-family" (or, to record a reading in the trace, "no-settlement", "free-months-excluded")',
      },
    ]);
  });

  it("the studio's rule editor: an error (not a warning) at /event/type, once, with the accepted types", () => {
    const rule = version.decisions.lateInterest.rules[0]!;
    const checked = checkRuleEdit(version, undefined, 'lateInterest', rule.id, JSON.stringify({ ...rule, event: { type: 'charge-intrest' } }));
    expect(checked.issues).toEqual([
      expect.objectContaining({
        code: 'RULE_EVENT_UNKNOWN',
        severity: 'error',
        field: '/event/type',
        value: 'charge-intrest',
        expected: 'charge-interest',
        message: expect.stringMatching(/^\/event\/type: the event type "charge-intrest" is not one the lateInterest decision handles.*Use one of "charge-interest"$/u),
      }),
    ]);
  });

  it('release build refuses such a version (a workspace may hold one approved before the check), and release verify refuses a release that holds one', () => {
    const changed = structuredClone(version);
    changed.decisions.termination.rules[0]!.event.type = 'terminated';
    const approval = { approvedBy: 'legal', approvedAt: null };
    const source = (v: RuleVersion) => ({
      source: 'workspace' as const,
      rules: [{ version: v, approval }],
      tariffs: loadTariffVersions(DEFAULT_TARIFFS).map((t) => ({ version: t, approval })),
      auditHead: null,
      auditEntries: null,
    });
    expect(() => releaseContent(source(changed))).toThrow(
      expect.objectContaining({ code: 'RULE_EVENT_UNKNOWN', errors: [expect.objectContaining({ file: 'rules 2023-09-19/termination.json', pointer: '/rules/0/event/type' })] }),
    );
    // A release built before the check, sealed (its hash holds): verify names the rule.
    const good = releaseContent(source(version));
    const bad = sealRelease({ ...good, rules: [changed] });
    expect(() => openRelease(JSON.parse(JSON.stringify(bad)), sha256Hex, 'old.release.json')).toThrow(
      expect.objectContaining({ errors: [expect.objectContaining({ code: 'RULE_EVENT_UNKNOWN', pointer: '/rules/0/event/type' })] }),
    );
    expect(() => openRelease(JSON.parse(JSON.stringify(sealRelease(good))), sha256Hex, 'good.release.json')).not.toThrow();
  });
});
