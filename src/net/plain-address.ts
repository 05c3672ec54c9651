/**
 * An IPv4-mapped IPv6 address (`::ffff:1.2.3.4`, as a dual-stack socket reports an IPv4 peer) as
 * its IPv4 (`1.2.3.4`); any other text as it is. The one spelling of a client's address that
 * every server counts and logs by: the decision service and the reverse-proxy check
 * (src/io/client-address.ts) and the team server's sign-in limit (src/studio/team/login.ts).
 * Plain text in, plain text out: no package, so every layer may use it.
 */
export const plainAddress = (a: string): string => {
  const m = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/iu.exec(a);
  return m ? m[1]! : a;
};

/**
 * The client an address stands for, as the per-address limits count it (the team server's
 * sign-ins, the decision service's bad bearer tokens): an IPv4 address (an IPv4-mapped IPv6 one as
 * its IPv4), an IPv6 address by its /64 (the block one host or one customer is given: counting each
 * address would give a single machine 2^64 tries).
 */
export function clientKeyOf(ip: string): string {
  const plain = plainAddress(ip);
  if (!plain.includes(':') || plain === '::1') return plain;
  const bare = plain.replace(/%.*$/u, '').toLowerCase();
  const [head = '', tail] = bare.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/u, ''))
    .join(':')}::/64`;
}
