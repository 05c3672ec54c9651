import { describe, expect, it } from 'vitest';
import { CALL_ROLES } from '../../src/studio/api/call-roles.js';
import type { Dispatch } from '../../src/studio/api/dispatcher.js';
import { LIVE_ACTIONS, liveAction } from '../../src/studio/renderer/team/live-actions.js';
import { createTeamDispatch, QUIET_CALLS, type ChangeEvent } from '../../src/studio/team/team-dispatch.js';
import { freshWorkspace } from './helpers.js';

/**
 * A change event tells everyone's pages to reload and shows "changed by …": a call that needs a
 * role but changes nothing (the admin's user list, a live re-price at each keystroke) sends none.
 */
describe('team dispatch: which calls tell the others', () => {
  it('sends no change event for the user list or a re-price, and one for a save', async () => {
    const events: ChangeEvent[] = [];
    const inner: Dispatch = () => Promise.resolve({ ok: true, value: {} });
    const dispatch = createTeamDispatch(freshWorkspace(), inner, { onChange: (e) => events.push(e) });
    const admin = { id: 1, name: 'kanri', role: 'admin' } as const;
    const finance = { id: 2, name: 'mori', role: 'finance' } as const;
    expect((await dispatch(admin, 'team.users', {})).status).toBe(200);
    // Arguments the contract accepts: the team dispatch checks them before anything else (argsError).
    const side = { tariffVersionId: null, ruleVersionId: null, edits: [] };
    const form = { name: 'x', seed: 1, horizon: {}, fleet: {}, baseline: side, proposal: side };
    expect((await dispatch(finance, 'scenarios.reprice', { id: 1, form })).status).toBe(200);
    expect(events).toEqual([]);
    await dispatch(finance, 'scenarios.save', { id: 1, form });
    expect(events.map((e) => [e.call, e.by])).toEqual([['scenarios.save', 'mori']]);
  });
});

describe('the "changed by …" note names what was done', () => {
  it('has words in both languages for every call that tells the others, and only for those', () => {
    const telling = Object.entries(CALL_ROLES)
      .filter(([call, access]) => access !== 'read' && !QUIET_CALLS.has(call))
      .map(([call]) => call)
      .sort();
    expect(Object.keys(LIVE_ACTIONS).sort()).toEqual(telling);
    expect(liveAction('tariffs.edit', 'ja')).toBe('料金表の下書きを編集');
    expect(liveAction('tariffs.edit', 'en')).toBe('edited a tariff draft');
    expect(liveAction('no.such', 'ja')).toBe('no.such');
  });
});
