import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ScenarioChoices, ScenarioSummary } from '../../src/studio/api/contract.js';
import { liveAction } from '../../src/studio/renderer/team/live-actions.js';
import { startTeamStudio } from '../../src/studio/server/team-mode.js';
import { addUser } from '../../src/studio/team/user-store.js';
import { scratch, SEED } from './helpers.js';

/**
 * A scenario run answers when it starts and ends on the server's worker threads: when it finished
 * and its result was saved, the team server tells every open page (a change event
 * `scenarios.runFinished`, by whoever started it), so a colleague's scenario list shows the result
 * instead of "not run" until they reload.
 */
type Answer = { ok: boolean; value?: unknown; error?: { code: string } };
const PASSWORD = 'correct horse battery';

describe('team server: a finished scenario run is told to the others', () => {
  it('sends scenarios.runFinished by the finance user once the result is saved, and the pm’s list then shows it', async () => {
    const dir = scratch('team-run-finished-');
    mkdirSync(join(dir, 'renderer'));
    writeFileSync(join(dir, 'renderer', 'index.html'), '<!doctype html><title>studio</title>');
    const team = await startTeamStudio({ workspace: join(dir, 'ws.sqlite'), seed: SEED, host: '127.0.0.1', port: 0, staticDir: join(dir, 'renderer') });
    const ctl = new AbortController();
    try {
      await addUser(team.ws, { name: 'fumi', role: 'finance', password: PASSWORD });
      await addUser(team.ws, { name: 'sato', role: 'pm', password: PASSWORD });
      const base = team.server.url;
      const signIn = async (name: string) => {
        const res = await fetch(new URL('auth/login', base), {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Origin: base.replace(/\/$/u, '') },
          body: JSON.stringify({ name, password: PASSWORD }),
        });
        const body = (await res.json()) as { value: { csrf: string } };
        return { Cookie: res.headers.get('set-cookie')!.split(';')[0]!, 'X-CSRF-Token': body.value.csrf };
      };
      const fumi = await signIn('fumi');
      const sato = await signIn('sato');
      const call = async (auth: Record<string, string>, name: string, args: unknown): Promise<Answer> => {
        const res = await fetch(new URL(`api/${name}`, base), {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Origin: base.replace(/\/$/u, ''), ...auth },
          body: JSON.stringify(args),
        });
        return (await res.json()) as Answer;
      };
      // sato's page keeps its event stream open.
      const stream = await fetch(new URL('events', base), { headers: { Cookie: sato.Cookie }, signal: ctl.signal });
      const reader = stream.body!.getReader();
      const c = (await call(fumi, 'scenarios.choices', {})).value as ScenarioChoices;
      const form = { ...c.defaultForm, name: 'small', fleet: { ...c.defaultForm.fleet, size: 50 }, horizon: { ...c.defaultForm.horizon, months: 3 } };
      const started = await call(fumi, 'scenarios.run', { id: null, form });
      expect(started.ok, JSON.stringify(started.error)).toBe(true);
      const id = (started.value as { scenario: ScenarioSummary }).scenario.id;
      let text = '';
      // Read until the run's end is told, or give up after 30 s (a stream that never tells it fails below, not by the test's timeout).
      const giveUp = new Promise<null>((resolve) => setTimeout(() => resolve(null), 30_000).unref());
      while (!text.includes('scenarios.runFinished')) {
        const chunk = await Promise.race([reader.read(), giveUp]);
        if (chunk === null || chunk.done) break;
        text += new TextDecoder().decode(chunk.value);
      }
      const events = [...text.matchAll(/data: (.*)\n/gu)].map((m) => JSON.parse(m[1]!) as { call: string; domain: string; id: number | null; by: string });
      expect(events.map((e) => e.call)).toEqual(['scenarios.run', 'scenarios.runFinished']);
      expect(events[1]).toMatchObject({ call: 'scenarios.runFinished', domain: 'scenarios', id, by: 'fumi' });
      // When it is told, the result is there for the page that reloads its list.
      const list = (await call(sato, 'scenarios.list', {})).value as { scenarios: ScenarioSummary[] };
      expect(list.scenarios.find((s) => s.id === id)?.lastRunAt).not.toBeNull();
      expect(liveAction('scenarios.runFinished', 'ja')).toBe('シナリオの実行を終えて結果を保存');
      expect(liveAction('scenarios.runFinished', 'en')).toBe('finished a scenario run and saved its result');
    } finally {
      ctl.abort();
      await team.stop();
    }
  });
});
