import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkServerUrl, chooseConnection, REMEMBERED } from '../../src/studio/main/connection.js';
import { scratch } from './helpers.js';

describe('the desktop app as a client of a team server', () => {
  it('opens the local workspace by default, a server when asked, remembers it, and forgets it with --local', () => {
    const userData = scratch('userdata-');
    expect(chooseConnection(undefined, userData)).toEqual({ kind: 'local' });
    expect(chooseConnection('https://studio.example.com/some/page', userData)).toEqual({ kind: 'server', url: 'https://studio.example.com/' });
    expect(JSON.parse(readFileSync(join(userData, REMEMBERED), 'utf8'))).toEqual({ server: 'https://studio.example.com/' });
    expect(chooseConnection(undefined, userData)).toEqual({ kind: 'server', url: 'https://studio.example.com/' });
    expect(chooseConnection('local', userData)).toEqual({ kind: 'local' });
    expect(existsSync(join(userData, REMEMBERED))).toBe(false);
  });

  it('refuses plain http to another machine (passwords in clear) and anything that is not a URL', () => {
    expect(checkServerUrl('http://127.0.0.1:8420')).toBe('http://127.0.0.1:8420/');
    expect(() => checkServerUrl('http://studio.example.com/')).toThrow(/reached over https/u);
    expect(() => checkServerUrl('studio')).toThrow(/is not a URL/u);
  });
});
