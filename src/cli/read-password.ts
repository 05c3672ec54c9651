import { UsageError } from './options.js';

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
    const chunks: Buffer[] = [];
    for await (const c of stdin) chunks.push(typeof c === 'string' ? Buffer.from(c) : (c as Buffer));
    const line = Buffer.concat(chunks).toString('utf8').split(/\r?\n/u)[0] ?? '';
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
