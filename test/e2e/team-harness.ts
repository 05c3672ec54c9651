import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { PROJECT_ROOT } from '../../src/cli/options.js';
import { courseColumns } from '../../src/tariff-model/tariff-columns.js';
import { launchChromium } from './studio-harness.js';

/** The team e2e tests' shared pieces: a team server in a child process, a person in a browser context of their own, signing in. */
export const PASSWORD = 'team password 2025';

export type Person = { context: BrowserContext; page: Page };
export type TeamServer = { child: ChildProcess; url: string };

/** `tariff studio --serve` on a free loopback port, or on `listen` (a restart on the same address); its stderr prefixed with `tag`; resolves with the URL it prints once it is ready. */
export async function startTeamServer(workspace: string, tag: string, extraArgs: string[] = [], listen = '127.0.0.1:0'): Promise<TeamServer> {
  const child = spawn(process.execPath, [join(PROJECT_ROOT, 'bin', 'tariff.mjs'), 'studio', '--serve', '--workspace', workspace, '--listen', listen, ...extraArgs], {
    cwd: PROJECT_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stderr!.on('data', (c: Buffer) => process.stderr.write(`[${tag}] ${c.toString()}`));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /^ {2}(http:\/\/127\.0\.0\.1:\d+\/)$/mu.exec(out);
      if (m && out.includes('Press Ctrl+C')) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`tariff studio --serve exited with ${code}: ${out}`)));
  });
  return { child, url };
}

/** Stops the server (SIGTERM) and waits for it to exit; nothing when it has already. */
export async function stopTeamServer(server: TeamServer | undefined): Promise<void> {
  const child = server?.child;
  if (!child || child.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** A person at the studio: a browser context of their own (their own cookies), Japanese, 1440×900, on the server's page; a page error fails the test. */
export async function openAsPerson(browser: Browser, url: string): Promise<Person> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'ja-JP', bypassCSP: true });
  const page = await context.newPage();
  page.on('pageerror', (e) => {
    throw e;
  });
  await page.goto(url);
  return { context, page };
}

export async function signIn(page: Page, name: string, password = PASSWORD): Promise<void> {
  await page.getByTestId('login-name').fill(name);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

/** The `tariff` command as a user runs it beside the team server, `input` on its stdin. */
export const tariff = (args: string[], input = '') =>
  spawnSync(process.execPath, [join(PROJECT_ROOT, 'bin', 'tariff.mjs'), ...args], { cwd: PROJECT_ROOT, input, encoding: 'utf8' });

/** The team of a test file: the server, and each person signed in so far by name. */
export type Team = {
  readonly server: TeamServer;
  readonly people: Record<string, Person>;
  /** Signs `name` in, in a browser context of their own, and waits for their badge; they join `people`. */
  person(name: string): Promise<Person>;
};

/**
 * The shared setup of the team e2e files: registers a beforeAll that makes the team on
 * `workspace` with the `tariff users` CLI (each password, PASSWORD, piped on stdin, never an
 * argument), starts the team server (`serverArgs` added, its stderr tagged `tag`), launches
 * Chromium and signs in each of `signedIn`; and an afterAll that closes them. `viewport`: each
 * person's window, when not openAsPerson's.
 */
export function useTeam(
  workspace: string,
  options: { tag: string; users: readonly (readonly [string, string])[]; signedIn: readonly string[]; serverArgs?: string[]; viewport?: { width: number; height: number } },
): Team {
  let server: TeamServer | undefined;
  let browser: Browser | undefined;
  const people: Record<string, Person> = {};
  const person = async (name: string): Promise<Person> => {
    const p = await openAsPerson(browser!, server!.url);
    if (options.viewport) await p.page.setViewportSize(options.viewport);
    await signIn(p.page, name);
    await p.page.getByTestId('team-badge').waitFor();
    people[name] = p;
    return p;
  };
  beforeAll(async () => {
    for (const [name, role] of options.users) {
      const r = tariff(['users', 'add', name, '--role', role, '--workspace', workspace], `${PASSWORD}\n`);
      expect(r.status, r.stderr).toBe(0);
    }
    server = await startTeamServer(workspace, options.tag, options.serverArgs);
    browser = await launchChromium();
    for (const name of options.signedIn) await person(name);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await stopTeamServer(server);
  });
  return {
    get server() {
      if (!server) throw new Error('the team server is not started yet (use it inside a test)');
      return server;
    },
    people,
    person,
  };
}

/** The monthly fee cell of the Tariff page's first course row (the one course a search left). */
export const feeCell = (p: Page) =>
  p.locator(`[data-testid=grid-courses] [role=row][aria-rowindex="2"] [role=gridcell][aria-colindex="${courseColumns.findIndex((c) => c.key === 'monthlyFee') + 2}"]`);

/** Types `price` over the fee in feeCell and presses Enter (the edit is saved as typed). */
export async function typePrice(p: Page, price: string): Promise<void> {
  await feeCell(p).dblclick();
  await p.keyboard.press('ControlOrMeta+A');
  await p.keyboard.type(price);
  await p.keyboard.press('Enter');
}
