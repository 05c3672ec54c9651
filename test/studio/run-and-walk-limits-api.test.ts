import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunSizeView, ScenarioChoices, ScenarioForm } from '../../src/studio/api/contract.js';
import { CALL_ROLES } from '../../src/studio/api/call-roles.js';
import { CASE_WALK_LIMITS } from '../../src/io/case-files.js';
import { studioDispatch } from '../../src/studio/handlers/studio-dispatch.js';
import { startStudioServer } from '../../src/studio/server/http-server.js';
import { runAs } from '../../src/studio/team/request-user.js';
import { createTeamDispatch } from '../../src/studio/team/team-dispatch.js';
import { startTeamStudio } from '../../src/studio/server/team-mode.js';
import { addUser } from '../../src/studio/team/user-store.js';
import { runCli } from '../security/helpers.js';
import { freshWorkspace, scratch, SEED } from './helpers.js';

/**
 * The two limits over the studio's API as a page meets them: the browser mode's HTTP server (the
 * real dispatch, the desktop's limits) answers a run over the run-size limit and a case folder
 * too large to read with a JSON error of its own code, at once, and goes on answering; a team
 * server's dispatch holds its own limit, which no run raises.
 */
type Answer = {
  status: number;
  body: { ok: boolean; value?: unknown; error?: { code: string; message: string; hint?: string; issues: { field?: string; value?: string; adviceJa?: string }[] } };
};

/**
 * A team server (`tariff studio --serve`) with the given run-size limit, a finance user signed in
 * over HTTP, and the scenario choices it offers: `post` calls a path with that user's session.
 */
const financeOnTeam = async (prefix: string, maxContractMonths: number) => {
  const dir = scratch(prefix);
  mkdirSync(join(dir, 'renderer'));
  writeFileSync(join(dir, 'renderer', 'index.html'), '<!doctype html><title>studio</title>');
  const team = await startTeamStudio({ workspace: join(dir, 'ws.sqlite'), seed: SEED, host: '127.0.0.1', port: 0, staticDir: join(dir, 'renderer'), maxContractMonths });
  try {
    await addUser(team.ws, { name: 'fumi', role: 'finance', password: 'correct horse battery' });
    const base = team.server.url;
    const post = async (path: string, body: unknown, headers: Record<string, string> = {}) => {
      const res = await fetch(new URL(path, base), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: base.replace(/\/$/u, ''), ...headers },
        body: JSON.stringify(body),
      });
      return { res, body: (await res.json()) as Answer['body'] };
    };
    const login = await post('auth/login', { name: 'fumi', password: 'correct horse battery' });
    const auth = { Cookie: login.res.headers.get('set-cookie')!.split(';')[0]!, 'X-CSRF-Token': (login.body.value as { csrf: string }).csrf };
    const c = (await post('api/scenarios.choices', {}, auth)).body.value as ScenarioChoices;
    return { dir, team, post, auth, c };
  } catch (e) {
    await team.stop();
    throw e;
  }
};

const browserStudio = async () => {
  const ws = freshWorkspace();
  const internal: string[] = [];
  const server = await startStudioServer({ dispatch: studioDispatch(ws, true, (name) => internal.push(name)) });
  const post = async (name: string, args: unknown): Promise<Answer> => {
    const r = await fetch(`${server.url}api/${name}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(args) });
    return { status: r.status, body: (await r.json()) as Answer['body'] };
  };
  const count = (table: string): number => (ws.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return { ws, server, post, count, internal };
};

const huge = (c: ScenarioChoices): ScenarioForm => ({
  ...c.defaultForm,
  name: 'the whole market',
  fleet: { ...c.defaultForm.fleet, size: 10_000_000 },
  horizon: { ...c.defaultForm.horizon, months: 600 },
});

describe('run-size and case-walk limits over the API', () => {
  it('the browser mode answers a run over the limit with RUN_TOO_LARGE at once, saves nothing, and goes on answering', async () => {
    const { server, post, count, internal } = await browserStudio();
    try {
      const c = (await post('scenarios.choices', {})).body.value as ScenarioChoices;
      const before = { scenarios: count('scenarios'), audit: count('audit_log') };
      const r = await post('scenarios.run', { id: null, form: huge(c) });
      // A refusal is data (200 with ok: false, envelope-status.ts), as every handler's; never a 500 or a reset.
      expect(r.status).toBe(200);
      expect(r.body.ok).toBe(false);
      expect(r.body.error).toMatchObject({ code: 'RUN_TOO_LARGE', issues: [{ field: '/fleet/size', value: '6,000,000,000 contract-months' }] });
      expect(r.body.error!.message).toContain('10,000,000 contracts × 600 months × 1 run (1 run of the fleet) = 6,000,000,000 contract-months, more than the limit of 100,000,000');
      expect(r.body.error!.hint).toContain('"Run anyway"');
      expect({ scenarios: count('scenarios'), audit: count('audit_log') }).toEqual(before);
      // A run's own limit must be a whole number from 1: anything else is refused by the contract.
      for (const bad of [0, -1, 1.5, '600', null]) {
        const refused = await post('scenarios.run', { id: null, form: huge(c), maxContractMonths: bad });
        expect(refused.status).toBe(400);
        expect(refused.body.error?.code).toBe('INVALID_ARGS');
      }
      // The server goes on answering.
      expect((await post('scenarios.list', {})).body).toEqual({ ok: true, value: { scenarios: [] } });
      expect(internal).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it('the browser mode refuses / and a home-sized folder as case folders at once, saves nothing, and goes on answering', async () => {
    const { server, post, internal } = await browserStudio();
    try {
      const before = (await post('rules.caseFolders', {})).body.value;
      const root = await post('rules.setCaseFolders', { folders: ['/'] });
      expect(root.body.ok).toBe(false);
      expect(['CASE_FOLDER_TOO_LARGE', 'CASE_PATH_LOOP', 'FILE_UNREADABLE', 'CASE_PATH_NOT_FILE']).toContain(root.body.error!.code);
      expect(root.body.error!.issues[0]).toMatchObject({ field: '/folders/0', value: '/' });
      const home = scratch('home-');
      writeFileSync(join(home, '.profile.json'), '{}');
      for (let i = 0; i <= CASE_WALK_LIMITS.folders; i++) mkdirSync(join(home, `project${i}`));
      const big = await post('rules.setCaseFolders', { folders: [home] });
      expect(big.status).toBe(200);
      expect(big.body.error).toMatchObject({ code: 'CASE_FOLDER_TOO_LARGE', issues: [{ field: '/folders/0', value: home }] });
      expect(big.body.error!.message).toContain(`${home}: is too large a folder to read for case files: it holds more than 2,000 folders`);
      expect((await post('rules.caseFolders', {})).body.value).toEqual(before);
      expect(internal).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it("a team server's dispatch holds its own limit: a finance user's run is refused even when it asks for more, with the server's flag in the hint", async () => {
    const ws = freshWorkspace();
    const team = createTeamDispatch(
      ws,
      studioDispatch(ws, true, () => undefined, { run: { maxContractMonths: 1_000, overrideAllowed: false } }),
    );
    const finance = { id: 7, name: 'fumi', role: 'finance' as const };
    const call = (name: string, args: unknown) => runAs(finance, () => team(finance, name, args));
    const c = (await call('scenarios.choices', {})).env;
    if (!c.ok) throw new Error('choices');
    const form = { ...(c.value as ScenarioChoices).defaultForm, name: 'over', fleet: { ...(c.value as ScenarioChoices).defaultForm.fleet, size: 100 } };
    const r = await call('scenarios.run', { id: null, form, maxContractMonths: 10_000 });
    expect(r.env.ok).toBe(false);
    if (r.env.ok) return;
    expect(r.env.error.code).toBe('RUN_TOO_LARGE');
    expect(r.env.error.message).toContain('= 2,400 contract-months, more than the limit of 1,000');
    expect(r.env.error.hint).toContain('tariff studio --serve --max-contract-months 2400');
    expect(CALL_ROLES['scenarios.run']).toEqual(['finance']);
  });

  it('the team server of tariff studio --serve holds --max-contract-months over HTTP, and the flag is checked', async () => {
    const { dir, team, post, auth, c } = await financeOnTeam('team-limit-', 1_000);
    try {
      const r = await post('api/scenarios.run', { id: null, form: { ...c.defaultForm, name: 'team' }, maxContractMonths: 100_000 }, auth);
      expect(r.res.status).toBe(200);
      expect(r.body.error).toMatchObject({ code: 'RUN_TOO_LARGE', issues: [{ field: '/fleet/size', value: '24,000 contract-months' }] });
      expect(r.body.error!.message).toContain('more than the limit of 1,000');
      expect(r.body.error!.hint).toContain('tariff studio --serve --max-contract-months 24000');
    } finally {
      await team.stop();
    }
    for (const bad of ['0', '1.5', 'many']) {
      const u = await runCli('studio', '--serve', '--workspace', join(dir, 'other.sqlite'), '--max-contract-months', bad);
      expect(u.code).toBe(2);
      expect(u.err).toContain(`--max-contract-months must be a whole number of contract-months from 1 (default 100,000,000: about 10 minutes), got "${bad}"`);
    }
    const web = await runCli('studio', '--web', '--max-contract-months', '5');
    expect(web.code).toBe(2);
    expect(web.err).toContain('--max-contract-months goes with --serve');
  });

  it("the team server's limit holds a sensitivity entry for the fleet size: its up-run counts at its own size, and the refusal names it in English and Japanese", async () => {
    const { team, post, auth, c } = await financeOnTeam('team-fleet-move-', 100_000);
    try {
      // 100 contracts × 24 months = 2,400 contract-months a run of the fleet; the fleet size's up-run alone is 5,000 × 24 = 120,000.
      const form: ScenarioForm = {
        ...c.defaultForm,
        name: 'fleet moved',
        fleet: { ...c.defaultForm.fleet, size: 100 },
        horizon: { ...c.defaultForm.horizon, months: 24 },
        sensitivity: { assumptions: [{ pointer: '/fleet/size', down: 10, up: 5_000 }] },
      };
      const sized = (await post('api/scenarios.runSize', { form }, auth)).body.value as RunSizeView;
      expect(sized.size).toMatchObject({ contracts: 100, months: 24, runs: 1, contractMonths: 2_400 + 240 + 120_000 });
      expect(sized.size!.others.map((o) => [o.en, o.contracts])).toEqual([
        ['the down-run of the fleet size', 10],
        ['the up-run of the fleet size', 5_000],
      ]);
      const before = (await post('api/scenarios.list', {}, auth)).body.value;
      const r = await post('api/scenarios.run', { id: null, form, maxContractMonths: 1_000_000 }, auth);
      expect(r.res.status).toBe(200);
      expect(r.body.error).toMatchObject({ code: 'RUN_TOO_LARGE', issues: [{ field: '/sensitivity/assumptions/0/up', value: '122,640 contract-months' }] });
      expect(r.body.error!.message).toContain(
        '+ the down-run of the fleet size at 10 contracts × 24 months + the up-run of the fleet size at 5,000 contracts × 24 months = 122,640 contract-months, more than the limit of 100,000; ' +
          'what makes it large is the up-run of the fleet size (/sensitivity/assumptions/0/up): 120,000 contract-months alone',
      );
      expect(r.body.error!.hint).toBe(
        'Make "Fleet size, up" in the sensitivity section nearer the fleet size (or untick "Move the fleet size too"). On a team server the limit is the server\'s: whoever runs it may raise it (tariff studio --serve --max-contract-months 122640). Nothing was saved or run.',
      );
      expect(r.body.error!.issues[0]!.adviceJa).toBe(
        'この実行は大きすぎるため開始していません（合計 122,640 契約月、上限 100,000 契約月）。何も保存していません。' +
          '大きいのは感応度の契約数の上側の実行で、それだけで 5,000 契約 × 24 か月 = 120,000 契約月です。「上げた契約数」をいまの契約数に近づけるか、「契約数も動かす」を外してください。',
      );
      expect((await post('api/scenarios.list', {}, auth)).body.value).toEqual(before);
    } finally {
      await team.stop();
    }
  });
});
