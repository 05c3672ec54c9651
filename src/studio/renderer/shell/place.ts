/**
 * Where the studio is open, kept in the address's hash so that a reload, or a link copied and
 * opened elsewhere, opens the same place: the page, then what that page selected, as a query
 * (`#rules?v=3&tab=diff&d=outageWaiver&r=outageWaiver%2Fgross-negligence`). The hash is replaced,
 * never pushed: Back leaves the studio as before, and the server never sees it (the API's
 * addresses are made from the page's path, `new URL('api/', location.href)`, which drops it).
 */
export type Place = { page: string; params: Record<string, string> };

/** The place a hash names (`#rules?v=3`); an empty or foreign hash is no page and no parameters. */
export function readPlace(hash: string): Place {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  const q = text.indexOf('?');
  const page = q < 0 ? text : text.slice(0, q);
  const params: Record<string, string> = {};
  if (q >= 0) for (const [k, v] of new URLSearchParams(text.slice(q + 1))) params[k] = v;
  return { page: /^[a-z]+$/u.test(page) ? page : '', params };
}

/** The hash of a place: its page, then its parameters in the order given (an empty one left out). */
export function placeHash(place: Place): string {
  const q = new URLSearchParams(Object.entries(place.params).filter(([, v]) => v !== ''));
  const query = q.toString();
  return `#${place.page}${query ? `?${query}` : ''}`;
}

/** The place the window's address names now. */
export const currentPlace = (): Place => readPlace(window.location.hash);

/** Makes the window's address name `place`, without a new history entry; nothing when it already does. */
export function showPlace(place: Place): void {
  const hash = placeHash(place);
  if (window.location.hash === hash) return;
  window.history.replaceState(window.history.state, '', hash);
}
