import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PROJECT_ROOT } from '../../src/cli/options.js';

/** The team e2e tests' shared pieces: a team server in a child process, a person in a browser context of their own, signing in. */
export const PASSWORD = 'team password 2025';

export type Person = { context: BrowserContext; page: Page };
export type TeamServer = { child: ChildProcess; url: string };

/** `tariff studio --serve` on a free loopback port (its stderr prefixed with `tag`); resolves with the URL it prints once it is ready. */
export async function startTeamServer(workspace: string, tag: string, extraArgs: string[] = []): Promise<TeamServer> {
  const child = spawn(process.execPath, [join(PROJECT_ROOT, 'bin', 'tariff.mjs'), 'studio', '--serve', '--workspace', workspace, '--listen', '127.0.0.1:0', ...extraArgs], {
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
