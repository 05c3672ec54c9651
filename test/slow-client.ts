import { connect, type Socket } from 'node:net';

/**
 * Clients that are too slow on purpose, for the servers' timeouts (src/io/http-limits.ts): each
 * sends `head` at once, then `trickle` one byte every `everyMs` until the server closes the
 * connection or the bytes run out (a bounded loop). The outcome is what the server sent and
 * whether it closed the connection before the client ran out of bytes: never a duration.
 */
export type SlowOutcome = { got: string; closedByServer: boolean; bytesTrickled: number };

export function slowClient(port: number, head: string, trickle: string, everyMs = 20): Promise<SlowOutcome> {
  return new Promise((resolve, reject) => {
    let got = '';
    let sent = 0;
    let finished = false;
    let timer: NodeJS.Timeout | undefined;
    const socket: Socket = connect(port, '127.0.0.1', () => {
      socket.write(head);
      timer = setInterval(() => {
        if (sent >= trickle.length) {
          // Out of bytes and still open: the server did not cut it off.
          clearInterval(timer);
          finished = true;
          socket.destroy();
          resolve({ got, closedByServer: false, bytesTrickled: sent });
          return;
        }
        if (!socket.destroyed && socket.writable) socket.write(trickle[sent++]!);
      }, everyMs);
    });
    socket.on('data', (d: Buffer) => (got += d.toString('utf8')));
    socket.on('error', (e: NodeJS.ErrnoException) => {
      // A reset after the server's answer is a close by the server too.
      if (e.code !== 'ECONNRESET' && e.code !== 'EPIPE') reject(e);
    });
    socket.on('close', () => {
      clearInterval(timer);
      if (!finished) resolve({ got, closedByServer: true, bytesTrickled: sent });
    });
  });
}

/** A keep-alive connection that has sent `request` and read its whole answer (ended by `done`), left open: how many such sockets the server closes. */
export function idleAfter(port: number, request: string, done: (got: string) => boolean): Promise<{ socket: Socket; got: string; closed: Promise<void> }> {
  return new Promise((resolve, reject) => {
    let got = '';
    let answered = false;
    const socket = connect(port, '127.0.0.1', () => socket.write(request));
    const closed = new Promise<void>((ok) => socket.on('close', () => ok()));
    socket.on('data', (d: Buffer) => {
      got += d.toString('utf8');
      if (!answered && done(got)) {
        answered = true;
        resolve({ socket, got, closed });
      }
    });
    socket.on('error', (e: NodeJS.ErrnoException) => {
      if (!answered) reject(e);
    });
    void closed.then(() => {
      if (!answered) reject(new Error(`closed before an answer: ${got}`));
    });
  });
}

/** A connection opened and answered by nothing: what the server sent before it closed it (bounded: `giveUpMs`, then the client closes and `closedByServer` is false). */
export function connectOnly(port: number, giveUpMs = 5000): Promise<{ got: string; closedByServer: boolean }> {
  return new Promise((resolve) => {
    let got = '';
    let gaveUp = false;
    const socket = connect(port, '127.0.0.1');
    const t = setTimeout(() => {
      gaveUp = true;
      socket.destroy();
    }, giveUpMs);
    socket.on('data', (d: Buffer) => (got += d.toString('utf8')));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(t);
      resolve({ got, closedByServer: !gaveUp });
    });
  });
}
