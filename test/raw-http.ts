import type { Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';

/**
 * Raw bytes on a new connection to 127.0.0.1:port, and what the server sends back until it
 * closes (bounded: 5 s). With `hangUpAfterMs`, the client hangs up that long after sending.
 * For what an HTTP client library will not send: malformed requests, a body cut short.
 */
export const rawExchange = (port: number, bytes: string, hangUpAfterMs?: number): Promise<string> =>
  new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(bytes);
      if (hangUpAfterMs !== undefined) setTimeout(() => socket.destroy(), hangUpAfterMs);
    });
    let got = '';
    socket.on('data', (d: Buffer) => (got += d.toString('utf8')));
    socket.on('error', reject);
    socket.on('close', () => resolve(got));
    socket.setTimeout(5000, () => socket.destroy());
  });

/** Listens on 127.0.0.1 at a free port; the port. */
export const listen = (server: Server): Promise<number> => new Promise((ok) => server.listen(0, '127.0.0.1', () => ok((server.address() as AddressInfo).port)));

/** Closes the server once its connections end (`closeConnections`: ends them now, a slow client's included). */
export const closeServer = (server: Server, closeConnections = false): Promise<void> =>
  new Promise((ok) => {
    if (closeConnections) server.closeAllConnections();
    server.close(() => ok());
  });

/** A raw response's status, 0 when none came. */
export const statusOf = (raw: string): number => Number(/^HTTP\/1\.1 (\d{3})/u.exec(raw)?.[1] ?? 0);

/** A raw response's body (everything after its headers). */
export const bodyOf = (raw: string): string => raw.slice(raw.indexOf('\r\n\r\n') + 4);

/** A request as raw HTTP/1.1 text, its Content-Length from the body; `Connection: close` unless `keepAlive`. */
export const rawRequest = (method: string, path: string, headers: Record<string, string>, body = '', keepAlive = false): string =>
  `${method} ${path} HTTP/1.1\r\n${Object.entries({
    ...headers,
    ...(body ? { 'Content-Length': String(Buffer.byteLength(body)) } : {}),
    Connection: keepAlive ? 'keep-alive' : 'close',
  })
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('')}\r\n${body}`;

/** A body of POST /v1/decisions/approval that approves (every fact in the applicant's favour). */
export const APPROVE_BODY = JSON.stringify({
  asOf: '2025-01-01',
  facts: { inServiceArea: true, technicallyFeasible: true, paymentDelinquent: false, falseDeclaration: false, businessHindrance: false, antisocialForces: false },
});

/**
 * Raw bytes on a new connection, and what came back: the bytes, and whether the server closed
 * the connection (not the client giving up after `waitMs`, bounded). For a request sent with
 * keep-alive that the server must answer and then close. `encoding` both ways (latin1: byte for byte).
 */
export const rawExchangeClosed = (port: number, bytes: string, waitMs = 5000, encoding: BufferEncoding = 'utf8'): Promise<{ got: string; closedByServer: boolean }> =>
  new Promise((resolve, reject) => {
    let gaveUp = false;
    const socket = connect(port, '127.0.0.1', () => socket.write(Buffer.from(bytes, encoding)));
    let got = '';
    socket.on('data', (d: Buffer) => (got += d.toString(encoding)));
    socket.on('error', (e: NodeJS.ErrnoException) => {
      // A reset after the server's answer is a close by the server too.
      if (e.code !== 'ECONNRESET' && e.code !== 'EPIPE') reject(e);
    });
    socket.on('close', () => resolve({ got, closedByServer: !gaveUp }));
    socket.setTimeout(waitMs, () => {
      gaveUp = true;
      socket.destroy();
    });
  });

/** Whether a raw response is whole: its headers ended and as many body bytes as its Content-Length. */
export const wholeResponse = (raw: string): boolean => {
  const i = raw.indexOf('\r\n\r\n');
  const len = /content-length: *(\d+)/iu.exec(raw)?.[1];
  return i >= 0 && len !== undefined && Buffer.byteLength(raw.slice(i + 4)) === Number(len);
};
