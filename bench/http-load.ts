import { connect, type Socket } from 'node:net';

/**
 * The load client of bench:serve: keep-alive HTTP/1.1 connections over node:net, each with one
 * request in flight, every response framed by its content-length (the services measured always
 * send one). Requests are encoded once, before the clock starts.
 *
 * Why not node's http client: client and server share this machine's two cores, and node's client
 * (an Agent, a ClientRequest and an IncomingMessage per request) cost more CPU per request than
 * the decision service it measured, so its figures were the client's. This client only writes
 * bytes and counts them, as wrk does.
 */
export type EncodedRequest = Buffer;
export type LoadResult = { perSec: number; p99Ms: number; p50Ms: number; failed: number; requests: number };

/** `POST path` with a JSON body, as the bytes sent on the wire. */
export const encodePost = (path: string, body: string): EncodedRequest => {
  const bytes = Buffer.from(body, 'utf8');
  const head = `POST ${path} HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\ncontent-length: ${bytes.length}\r\n\r\n`;
  return Buffer.concat([Buffer.from(head, 'latin1'), bytes]);
};

const HEADER_END = Buffer.from('\r\n\r\n', 'latin1');

/** One connection's reader: chunks kept until a whole response has arrived (no copy of a large body). */
class ResponseReader {
  private chunks: Buffer[] = [];
  private have = 0;
  private total = -1;
  private status = 0;

  /** Adds bytes; the response's status once it is complete, else undefined. */
  push(d: Buffer): number | undefined {
    this.chunks.push(d);
    this.have += d.length;
    if (this.total < 0) {
      const head = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks);
      const end = head.indexOf(HEADER_END);
      if (end < 0) return undefined;
      const text = head.subarray(0, end).toString('latin1');
      const length = /\r\ncontent-length:\s*(\d+)/i.exec(text);
      if (!length) throw new Error(`a response without content-length: ${text.split('\r\n')[0]}`);
      this.status = Number(text.slice(9, 12));
      this.total = end + 4 + Number(length[1]);
      this.chunks = [head];
    }
    if (this.have < this.total) return undefined;
    if (this.have > this.total) throw new Error('bytes past the response: the service answered what was not asked');
    const status = this.status;
    this.chunks = [];
    this.have = 0;
    this.total = -1;
    return status;
  }
}

/**
 * Sends `total` requests (cycling through `requests`) over `concurrency` keep-alive connections to
 * 127.0.0.1:`port`, each connection sending its next request when its answer has arrived. A
 * bounded loop: it ends after `total` answers, or rejects on a connection error.
 */
export function runLoad(port: number, requests: readonly EncodedRequest[], total: number, concurrency: number): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const latencies = new Float64Array(total);
    let next = 0;
    let done = 0;
    let failed = 0;
    const sockets: Socket[] = [];
    const t0 = performance.now();
    const finish = (): void => {
      const seconds = (performance.now() - t0) / 1000;
      for (const s of sockets) s.destroy();
      latencies.sort();
      resolve({
        perSec: total / seconds,
        p99Ms: latencies[Math.min(total - 1, Math.floor(total * 0.99))]!,
        p50Ms: latencies[Math.floor(total / 2)]!,
        failed,
        requests: total,
      });
    };
    for (let k = 0; k < Math.min(concurrency, total); k += 1) {
      const socket = connect(port, '127.0.0.1');
      sockets.push(socket);
      socket.setNoDelay(true);
      const reader = new ResponseReader();
      let sentAt = 0;
      const send = (): void => {
        if (next >= total) return;
        const r = requests[next % requests.length]!;
        next += 1;
        sentAt = performance.now();
        socket.write(r);
      };
      socket.on('connect', send);
      socket.on('data', (d: Buffer) => {
        let status: number | undefined;
        try {
          status = reader.push(d);
        } catch (e) {
          for (const s of sockets) s.destroy();
          reject(e as Error);
          return;
        }
        if (status === undefined) return;
        latencies[done] = performance.now() - sentAt;
        done += 1;
        if (status !== 200) failed += 1;
        if (done === total) finish();
        else send();
      });
      socket.on('error', (e) => {
        for (const s of sockets) s.destroy();
        reject(e);
      });
    }
  });
}
