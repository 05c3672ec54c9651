import { benchRequests } from './serve-cases.js';
import { runLoad, type LoadResult } from './http-load.js';

/**
 * bench:serve's load client in a process of its own (forked by bench/serve.ts with an IPC
 * channel), as wrk runs apart from the service it loads. The bench's own process holds the
 * in-process rounds' engines, cases and garbage; a collection of that heap stopping the client
 * would count as the service's latency. Here the heap holds only the encoded requests.
 *
 * Each message `{ port, set, total, concurrency }` runs one bounded load (bench/http-load.ts) and
 * is answered with its LoadResult; messages are taken one at a time.
 */
export type LoadOrder = { port: number; set: 'singles' | 'batches'; total: number; concurrency: number };
export type LoadReply = { ok: true; result: LoadResult } | { ok: false; error: string };

const { singles, batches } = benchRequests();
let queue = Promise.resolve();
process.on('message', (order: LoadOrder) => {
  queue = queue.then(async () => {
    let reply: LoadReply;
    try {
      reply = { ok: true, result: await runLoad(order.port, order.set === 'singles' ? singles : batches, order.total, order.concurrency) };
    } catch (e) {
      reply = { ok: false, error: (e as Error).message };
    }
    process.send!(reply);
  });
});
process.on('disconnect', () => process.exit(0));
process.send!({ ready: true });
