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
