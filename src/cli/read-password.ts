import { UsageError } from './options.js';

/** The longest first line of stdin read as a password or a token (a password is at most 1,024 characters). */
const MAX_LINE_BYTES = 16 * 1024;

/**
 * A password for `tariff users`: typed at the terminal without echo (asked twice), or the first
 * line of stdin when it is piped (for scripts: `printf '%s\n' "$PW" | tariff users add …`).
 * Never an argument: a password on the command line would land in the shell history and in ps.
 */
export async function readPassword(
  prompt: string,
  what: 'password' | 'token' = 'password',
  stdin: NodeJS.ReadStream = process.stdin,
  stderr: NodeJS.WriteStream = process.stderr,
): Promise<string> {
  if (!stdin.isTTY) {
    // Up to the first line end only: what follows is not read, and a stream that never ends
    // (/dev/zero, yes) is cut at MAX_LINE_BYTES instead of filling the memory.
    let got = Buffer.alloc(0);
    for await (const c of stdin) {
      got = Buffer.concat([got, typeof c === 'string' ? Buffer.from(c) : (c as Buffer)]);
      if (got.includes(0x0a) || got.length > MAX_LINE_BYTES) break;
    }
    const end = got.indexOf(0x0a);
    if (end < 0 && got.length > MAX_LINE_BYTES)
      throw new UsageError(`the first line of stdin is longer than ${MAX_LINE_BYTES.toLocaleString('en-US')} bytes: pipe the ${what} alone, as one line`);
    const line = got
      .subarray(0, end < 0 ? got.length : end)
      .toString('utf8')
      .replace(/\r$/u, '');
    if (!line) throw new UsageError(`no ${what} on stdin: pipe it as the first line, or run the command at a terminal to type it`);
    return line;
  }
  const first = await typeHidden(prompt, stdin, stderr);
  const again = await typeHidden('Type it again: ', stdin, stderr);
  if (first !== again) throw new UsageError(`the two ${what}s differ; nothing was changed`);
  return first;
}

function typeHidden(prompt: string, stdin: NodeJS.ReadStream, stderr: NodeJS.WriteStream): Promise<string> {
  return new Promise((resolve, reject) => {
    stderr.write(prompt);
    let value = '';
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    const done = (err?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      stderr.write('\n');
      if (err) reject(err);
      else resolve(value);
    };
    const onData = (s: string) => {
      for (const ch of s) {
        if (ch === '\r' || ch === '\n') return done();
        if (ch === '\u0003') return done(new UsageError('cancelled; nothing was changed'));
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else value += ch;
      }
    };
    stdin.on('data', onData);
  });
}
