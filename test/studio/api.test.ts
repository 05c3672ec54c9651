import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BRIDGE_GLOBAL, channelOf, type StudioBridge } from '../../src/studio/api/bridge.js';
import { createClient, StudioCallError } from '../../src/studio/api/client.js';
import { CALL_NAMES, CONTRACT, type Envelope } from '../../src/studio/api/contract.js';
import { createDispatcher, type Handlers } from '../../src/studio/api/dispatcher.js';
import { studioHandlers } from '../../src/studio/handlers/studio-handlers.js';
import { asJsonPayload, registerIpcHandlers, senderIn } from '../../src/studio/main/ipc-bridge.js';
import { MAX_BODY } from '../../src/studio/server/json-call-body.js';
import { exposeStudioApi } from '../../src/studio/preload/expose-api.js';
import { pickTransport } from '../../src/studio/renderer/transport/pick-transport.js';
import { startStudioServer } from '../../src/studio/server/http-server.js';
import { fakeIpc } from './fake-electron.js';
import { freshStudio, scratch, TODAY } from './helpers.js';

const { ws, dispatch } = freshStudio();

/** Payloads each call's schema must refuse. */
const BAD: [string, unknown, string][] = [
  ['tariffs.get', { id: '1' }, '/id'],
  ['tariffs.get', {}, '/'],
  ['tariffs.get', { id: 1, extra: true }, '/'],
  ['tariffs.edit', { id: 1, revision: 1, edits: [{ table: 'courses', index: -1, field: 'monthlyFee', text: '1' }] }, '/edits/0/index'],
  ['tariffs.edit', { id: 1, revision: 1, edits: [{ table: 'prices', index: 0, field: 'monthlyFee', text: '1' }] }, '/edits/0/table'],
  ['tariffs.edit', { id: 1, revision: 1, edits: [{ table: 'courses', index: 0, field: 'monthlyFee', text: 15000 }] }, '/edits/0/text'],
  ['tariffs.edit', { id: 1, revision: 1, edits: [] }, '/edits'],
  ['tariffs.createDraft', { from: 1, effective: 'next week', title: '' }, '/effective'],
  ['engine.coursePreview', { versionId: 1, index: 0, months: 0 }, '/months'],
  ['workbook.previewImport', { fileName: 'a.xlsx', contentBase64: 'not base64!' }, '/contentBase64'],
  ['workspace.info', { sneaky: 1 }, '/'],
  ['workspace.info', null, '/'],
];

describe('the API contract', () => {
  it('declares every call with a summary, an args schema and a result schema', () => {
    // Each domain adds its calls; the tariff calls and the legal review's stay declared.
    expect(CALL_NAMES).toEqual(
      expect.arrayContaining([
        'workspace.info',
        'tariffs.list',
        'tariffs.get',
        'tariffs.createDraft',
        'tariffs.edit',
        'tariffs.discardDraft',
        'engine.coursePreview',
        'workbook.export',
        'workbook.previewImport',
        'workbook.applyImport',
        ...[
          'list',
          'get',
          'createDraft',
          'checkRule',
          'saveRule',
          'setInterpretation',
          'discardDraft',
          'submit',
          'withdraw',
          'approve',
          'diff',
          'regression',
          'coverage',
          'caseFolders',
          'setCaseFolders',
          'notice',
        ].map((m) => `rules.${m}`),
        'audit.list',
        'audit.verify',
        ...['decisions', 'context', 'decide', 'saveCase'].map((m) => `explorer.${m}`),
      ]),
    );
    expect(new Set(CALL_NAMES).size).toBe(CALL_NAMES.length);
    for (const calls of Object.values(CONTRACT))
      for (const spec of Object.values(calls)) expect(spec).toMatchObject({ summary: expect.any(String), args: expect.any(Object), result: expect.any(Object) });
  });

  it.each(BAD)('the dispatcher refuses %s with %j (INVALID_ARGS at %s)', async (name, payload, field) => {
    const r = await dispatch(name, payload);
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_ARGS', issues: expect.arrayContaining([expect.objectContaining({ field })]) } });
  });

  it('an unknown call is UNKNOWN_CALL, never a crash', async () => {
    for (const name of ['tariffs.drop', 'constructor.name', '__proto__.x', 'tariffs', ''])
      expect(await dispatch(name, {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CALL' } });
  });

  it('a valid call answers its result, checked against the result schema', async () => {
    expect(await dispatch('tariffs.list', {})).toMatchObject({ ok: true, value: { versions: [expect.objectContaining({ id: 1, status: 'approved' })] } });
  });
});

describe('HTTP transport (browser mode)', () => {
  it('needs the secret, the right host and origin, and a JSON POST; validates like IPC', async () => {
    const dir = scratch('static-');
    mkdirSync(join(dir, 'renderer'));
    writeFileSync(join(dir, 'renderer', 'index.html'), '<!doctype html><title>studio</title>');
    writeFileSync(join(dir, 'private.txt'), 'not for the browser');
    const server = await startStudioServer({ dispatch, secret: 'test-secret-000000000000', staticDir: join(dir, 'renderer') });
    const base = `http://127.0.0.1:${server.port}`;
    const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
      fetch(`${base}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
    try {
      expect(server.url).toBe(`${base}/s/test-secret-000000000000/`);
      expect((await post('/api/tariffs.list', {})).status).toBe(404);
      expect((await post('/s/wrong-secret-0000000000000/api/tariffs.list', {})).status).toBe(404);
      expect((await post('/s/test-secret-000000000000/api/tariffs.list', {}, { Origin: 'http://evil.example' })).status).toBe(403);
      // A foreign Host (DNS rebinding) is refused with the JSON error the team server gives too (host-check.ts).
      const rebound = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port: server.port, path: '/s/test-secret-000000000000/', headers: { Host: `evil.example:${server.port}` } }, (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => (body += c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        });
        req.on('error', reject);
        req.end();
      });
      expect(rebound.status).toBe(403);
      expect(JSON.parse(rebound.body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_HOST' } });
      // What node's parser refuses gets the studio's JSON error too (transport-failures.ts).
      const garbage = await new Promise<string>((resolve, reject) => {
        const socket = connect(server.port, '127.0.0.1', () => socket.write('GARBAGE\r\n\r\n'));
        let got = '';
        socket.on('data', (d: Buffer) => (got += d.toString('utf8')));
        socket.on('error', reject);
        socket.on('close', () => resolve(got));
        socket.setTimeout(5000, () => socket.destroy());
      });
      expect(garbage).toMatch(/^HTTP\/1\.1 400 /u);
      expect(JSON.parse(garbage.slice(garbage.indexOf('\r\n\r\n') + 4))).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
      expect((await post('/s/test-secret-000000000000/api/tariffs.list', 'x=1', { 'Content-Type': 'application/x-www-form-urlencoded' })).status).toBe(415);
      expect((await post('/s/test-secret-000000000000/api/tariffs.list', '{not json')).status).toBe(400);
      expect((await fetch(`${base}/s/test-secret-000000000000/api/tariffs.list`)).status).toBe(405);
      const ok = await post('/s/test-secret-000000000000/api/tariffs.list', {}, { Origin: base });
      expect(ok.status).toBe(200);
      expect(ok.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(ok.headers.get('referrer-policy')).toBe('no-referrer');
      expect(((await ok.json()) as Envelope<{ versions: unknown[] }>).ok).toBe(true);
      for (const [name, payload] of BAD) {
        const r = await post(`/s/test-secret-000000000000/api/${name}`, payload);
        expect(r.status, name).toBe(400);
        expect(((await r.json()) as Envelope<unknown>).ok === false).toBe(true);
      }
      const page = await fetch(`${base}/s/test-secret-000000000000/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<title>studio</title>');
      expect((await fetch(`${base}/s/test-secret-000000000000/..%2fprivate.txt`)).status).toBe(404);
      expect((await fetch(`${base}/s/test-secret-000000000000/%E0%A4%A`)).status).toBe(404);
    } finally {
      await server.close();
    }
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const server = await startStudioServer({ dispatch });
    try {
      const { request } = await import('node:http');
      const status = await new Promise<number>((resolve, reject) => {
        const req = request(
          {
            host: '127.0.0.1',
            port: server.port,
            path: `/s/${server.secret}/api/tariffs.list`,
            method: 'POST',
            headers: { Host: `attacker.example:${server.port}`, 'Content-Type': 'application/json' },
          },
          (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          },
        );
        req.on('error', reject);
        req.end('{}');
      });
      expect(status).toBe(403);
    } finally {
      await server.close();
    }
  });
});

describe('IPC transport (Electron) against a fake ipc', () => {
  const wire = (pageUrl?: string) => {
    const fake = fakeIpc(pageUrl);
    const off = registerIpcHandlers(fake.ipcMain, dispatch, senderIn('file:///app/dist-renderer/'));
    exposeStudioApi(fake.contextBridge, fake.ipcRenderer);
    return { ...fake, off, bridge: fake.exposed.get(BRIDGE_GLOBAL) as StudioBridge };
  };

  it('main registers one channel per call; the preload exposes exactly those functions and nothing else', () => {
    const { handlers, exposed, bridge } = wire();
    expect([...handlers.keys()]).toEqual(CALL_NAMES.map(channelOf));
    expect([...exposed.keys()]).toEqual([BRIDGE_GLOBAL]);
    expect(Object.keys(bridge)).toEqual(Object.keys(CONTRACT));
    for (const [domain, calls] of Object.entries(CONTRACT)) expect(Object.keys((bridge as unknown as Record<string, object>)[domain]!)).toEqual(Object.keys(calls));
    expect(JSON.stringify(Object.keys(bridge))).not.toMatch(/invoke|send|on/u);
    expect(Object.isFrozen(bridge)).toBe(true);
  });

  it("wires every call of the contract: the preload's function reaches main's handler, which dispatches that call with its arguments", async () => {
    const fake = fakeIpc();
    const dispatched: [string, unknown][] = [];
    registerIpcHandlers(fake.ipcMain, (name, payload) => (dispatched.push([name, payload]), Promise.resolve({ ok: true, value: name })), senderIn('file:///app/dist-renderer/'));
    exposeStudioApi(fake.contextBridge, fake.ipcRenderer);
    const bridge = fake.exposed.get(BRIDGE_GLOBAL) as Record<string, Record<string, (a: unknown) => Promise<Envelope<unknown>>>>;
    for (const [i, name] of CALL_NAMES.entries()) {
      const [domain, method] = name.split('.') as [string, string];
      expect(typeof bridge[domain]?.[method], `the preload's ${name}`).toBe('function');
      expect(await bridge[domain]![method]!({ call: i }), name).toEqual({ ok: true, value: name });
    }
    expect(dispatched).toEqual(CALL_NAMES.map((name, i) => [name, { call: i }]));
    // Behind main's handlers, the dispatcher main is given does not start while any one call has no handler.
    const handlers = studioHandlers({ ws, createdNow: true, today: () => TODAY }) as unknown as Record<string, Record<string, unknown>>;
    for (const name of CALL_NAMES) {
      const [domain, method] = name.split('.') as [string, string];
      const { [method]: _left, ...others } = handlers[domain]!;
      expect(() => createDispatcher({ ...handlers, [domain]: others } as unknown as Handlers), name).toThrow(`no handler for studio call ${name}`);
    }
    expect(() => createDispatcher(handlers as unknown as Handlers)).not.toThrow();
  });

  it('a call goes preload → main → handler and back as the same typed result as over HTTP', async () => {
    const { bridge } = wire();
    const api = createClient((name, args) => {
      const [d, m] = name.split('.') as [string, string];
      return (bridge as unknown as Record<string, Record<string, (a: unknown) => Promise<Envelope<unknown>>>>)[d]![m]!(args);
    });
    const { versions } = await api.tariffs.list({});
    expect(versions[0]).toMatchObject({ id: 1, effective: '2023-09-19', status: 'approved' });
    const err = await api.tariffs.get({ id: 999 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StudioCallError);
    expect(err).toMatchObject({ code: 'VERSION_NOT_FOUND', call: 'tariffs.get' });
  });

  it('main validates the payload: bad arguments never reach a handler', async () => {
    const { ipcRenderer } = wire();
    for (const [name, payload, field] of BAD)
      expect(await ipcRenderer.invoke(channelOf(name), payload)).toMatchObject({
        ok: false,
        error: { code: 'INVALID_ARGS', issues: expect.arrayContaining([expect.objectContaining({ field })]) },
      });
  });

  it('refuses a sender that is not a studio page', async () => {
    const { bridge } = wire('https://evil.example/');
    expect(await bridge.tariffs.list({})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
  });

  it("answers every payload with the envelope the browser mode's server answers, byte for byte", async () => {
    const server = await startStudioServer({ dispatch });
    const { ipcRenderer } = wire();
    const overHttp = async (name: string, payload: unknown): Promise<Envelope<unknown>> => {
      const res = await fetch(new URL(`api/${name}`, server.url), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(payload) });
      return (await res.json()) as Envelope<unknown>;
    };
    const cases: [string, unknown][] = [
      ...BAD.map(([name, payload]): [string, unknown] => [name, payload]),
      // A member left undefined, as a form's optional field: JSON drops it, a structured clone keeps it.
      ['tariffs.get', { id: 1, extra: undefined }],
      ['tariffs.list', { note: undefined }],
      // A Date: JSON sends its ISO text (refused by the schema as text), a structured clone the Date itself.
      ['tariffs.get', { id: new Date(0) }],
      ['tariffs.get', { id: 999 }],
      ['tariffs.get', { id: 1 }],
      ['tariffs.createDraft', { from: 1, effective: '2099-01-01', title: 'x'.repeat(10_000) }],
    ];
    try {
      for (const [name, payload] of cases) expect(await ipcRenderer.invoke(channelOf(name), payload), `${name} ${JSON.stringify(payload)}`).toEqual(await overHttp(name, payload));
    } finally {
      await server.close();
    }
  });

  it('refuses arguments over the size limit as the HTTP servers do, and arguments that are not JSON', () => {
    expect(asJsonPayload({ contentBase64: 'A'.repeat(MAX_BODY) })).toEqual({
      refused: { ok: false, error: expect.objectContaining({ code: 'PAYLOAD_TOO_LARGE', message: 'the request is larger than the 30 MB limit' }) },
    });
    expect(asJsonPayload({ n: 1n })).toEqual({ refused: { ok: false, error: expect.objectContaining({ code: 'BAD_JSON' }) } });
    expect(asJsonPayload(undefined)).toEqual({ value: undefined });
  });

  it("keeps an error's code, message, hint and issues (with their JSON pointers) across the bridge", async () => {
    const { bridge } = wire();
    const direct = await dispatch('tariffs.edit', { id: 1, revision: 1, edits: [] });
    const bridged = await bridge.tariffs.edit({ id: 1, revision: 1, edits: [] });
    expect(direct.ok).toBe(false);
    expect(bridged).toEqual(direct);
    const api = createClient((name, args) => {
      const [d, m] = name.split('.') as [string, string];
      return (bridge as unknown as Record<string, Record<string, (a: unknown) => Promise<Envelope<unknown>>>>)[d]![m]!(args);
    });
    const err = (await api.tariffs.edit({ id: 1, revision: 1, edits: [] }).catch((e: unknown) => e)) as StudioCallError;
    expect(err).toBeInstanceOf(StudioCallError);
    if (direct.ok) return;
    expect({ code: err.code, message: err.message, hint: err.hint, issues: err.issues }).toEqual({ ...direct.error, hint: direct.error.hint });
    expect(err.issues.map((i) => i.field)).toContain('/edits');
  });

  it('answers a call that cannot cross (arguments that cannot be cloned) with an error envelope, never a bare rejection', async () => {
    const { bridge } = wire();
    const r = await (bridge.tariffs.get as (a: unknown) => Promise<Envelope<unknown>>)({ id: 1, fn: () => 1 });
    expect(r).toMatchObject({ ok: false, error: { code: 'IPC_FAILED', message: expect.stringMatching(/^tariffs\.get: the call did not reach the studio/u), issues: [] } });
  });

  it("answers a call the window's preload does not know (a page newer than its preload) as the dispatcher answers an unknown call", async () => {
    const { bridge } = wire();
    const { list: _missing, ...olderTariffs } = bridge.tariffs;
    const api = pickTransport({ [BRIDGE_GLOBAL]: { ...bridge, tariffs: olderTariffs } } as unknown as Window);
    const err = (await api.tariffs.list({}).catch((e: unknown) => e)) as StudioCallError;
    expect(err).toBeInstanceOf(StudioCallError);
    const unknown = await dispatch('tariffs.list2', {});
    expect(unknown).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CALL', message: 'no studio call named "tariffs.list2"' } });
    expect({ code: err.code, message: err.message, issues: err.issues }).toEqual({ code: 'UNKNOWN_CALL', message: 'no studio call named "tariffs.list"', issues: [] });
    expect(err.hint).toMatch(/npm run build:studio/u);
    // The full bridge answers through the same transport.
    expect((await pickTransport({ [BRIDGE_GLOBAL]: bridge } as unknown as Window).tariffs.list({})).versions.length).toBeGreaterThan(0);
  });

  it('removes its handlers again', () => {
    const { handlers, off } = wire();
    off();
    expect(handlers.size).toBe(0);
  });
});
