import type { ServerResponse } from 'node:http';
import type { ChangeEvent } from '../team/team-dispatch.js';

/**
 * Server-sent events of the team server: every page keeps one /events stream open and hears
 * each change (who saved, approved or ran what), so it can reload that item and say "changed
 * by …". A client whose session has ended is dropped at the next event.
 */
export type LiveClient = { res: ServerResponse; stillValid: () => boolean };

export function createLiveEvents() {
  const clients = new Set<LiveClient>();
  const heartbeat = setInterval(() => {
    for (const c of clients) c.res.write(': keep-alive\n\n');
  }, 25_000);
  heartbeat.unref();
  return {
    add(client: LiveClient): void {
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
