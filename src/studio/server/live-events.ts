import type { ServerResponse } from 'node:http';
import type { ChangeEvent } from '../team/team-dispatch.js';

/**
 * Server-sent events of the team server: every page keeps one /events stream open and hears
 * each change (who saved, approved or ran what), so it can reload that item and say "changed
 * by …". A client whose session has ended is dropped at the next event.
 */
export type LiveClient = { res: ServerResponse; stillValid: () => boolean; session?: string };

/** Streams one session may hold (a page each, a few tabs); past it the oldest is closed, so a signed-in user cannot hold the server's sockets by the thousand. */
export const MAX_LIVE_PER_SESSION = 8;

export function createLiveEvents() {
  const clients = new Set<LiveClient>();
  const heartbeat = setInterval(() => {
    for (const c of clients) c.res.write(': keep-alive\n\n');
  }, 25_000);
  heartbeat.unref();
  return {
    add(client: LiveClient): void {
      if (client.session !== undefined) {
        const same = [...clients].filter((c) => c.session === client.session);
        for (const old of same.slice(0, Math.max(0, same.length - MAX_LIVE_PER_SESSION + 1))) {
          clients.delete(old);
          old.res.end();
        }
      }
      clients.add(client);
      client.res.on('close', () => clients.delete(client));
      client.res.write('retry: 3000\n\n');
    },
    broadcast(e: ChangeEvent): void {
      const data = `event: change\ndata: ${JSON.stringify(e)}\n\n`;
      for (const c of clients) {
        if (!c.stillValid()) {
          clients.delete(c);
          c.res.end();
        } else c.res.write(data);
      }
    },
    get size(): number {
      return clients.size;
    },
    close(): void {
      clearInterval(heartbeat);
      for (const c of clients) c.res.end();
      clients.clear();
    },
  };
}
