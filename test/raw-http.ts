import { connect } from 'node:net';

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
