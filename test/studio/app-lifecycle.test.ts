import { describe, expect, it, vi } from 'vitest';
import type { Envelope } from '../../src/studio/api/contract.js';
import { closeOnQuit, holdSingleInstance } from '../../src/studio/main/app-lifecycle.js';
import { trackCalls } from '../../src/studio/main/in-flight.js';

/** A stand-in for Electron's app: its listeners, and how often quit was asked. */
function fakeApp(lock = true) {
  const on = new Map<string, (...a: unknown[]) => void>();
  const app = {
    quits: 0,
    on: (e: string, fn: (...a: unknown[]) => void) => (on.set(e, fn), app),
    quit: () => void (app.quits += 1),
    requestSingleInstanceLock: () => lock,
  };
  return { app: app as unknown as Parameters<typeof closeOnQuit>[0] & Parameters<typeof holdSingleInstance>[0], on, quits: () => app.quits };
}

describe('quitting the desktop studio', () => {
  it('waits for the calls still running in main, then closes the workspace once and quits', async () => {
    let finish: (env: Envelope<unknown>) => void = () => undefined;
    const calls = trackCalls(() => new Promise((resolve) => (finish = resolve)));
    const { app, on, quits } = fakeApp();
    const close = vi.fn();
    closeOnQuit(app, close, calls);
    const applying = calls.dispatch('workbook.applyImport', {});
    expect(calls.pending()).toBe(1);
    const held = { preventDefault: vi.fn() };
    on.get('will-quit')!(held);
    expect(held.preventDefault).toHaveBeenCalled();
    expect(close).not.toHaveBeenCalled();
    finish({ ok: true, value: null });
    await applying;
    await calls.settled();
    await Promise.resolve();
    expect(quits()).toBe(1);
    // Electron asks again: now nothing runs, the workspace closes and the quit goes on.
    const again = { preventDefault: vi.fn() };
    on.get('will-quit')!(again);
    expect(again.preventDefault).not.toHaveBeenCalled();
    expect(close).toHaveBeenCalledTimes(1);
    on.get('will-quit')!({ preventDefault: vi.fn() });
    expect(close).toHaveBeenCalledTimes(1);
  });

  it('counts a call that failed as finished', async () => {
    const calls = trackCalls(() => Promise.reject(new Error('boom')));
    await expect(calls.dispatch('tariffs.list', {})).rejects.toThrow('boom');
    await calls.settled();
    expect(calls.pending()).toBe(0);
  });

  it('quits when the last window closes', () => {
    const { app, on, quits } = fakeApp();
    closeOnQuit(app, () => undefined);
    on.get('window-all-closed')!();
    expect(quits()).toBe(1);
  });
});

describe('the single-instance lock', () => {
  it('lets a second start go, telling the first what it asked for', () => {
    const { app: second } = fakeApp(false);
    expect(holdSingleInstance(second, '/b.sqlite', () => undefined)).toBe(false);
    const { app: first, on } = fakeApp(true);
    const heard: unknown[] = [];
    expect(holdSingleInstance(first, '/a.sqlite', (s) => heard.push(s))).toBe(true);
    on.get('second-instance')!({}, [], '/', { opens: '/b.sqlite' });
    on.get('second-instance')!({}, [], '/', null);
    expect(heard).toEqual([{ opens: '/b.sqlite' }, { opens: undefined }]);
  });
});
