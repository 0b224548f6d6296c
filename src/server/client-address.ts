// Who is on the other end of a request, behind a reverse proxy (`serve --trust-proxy`). Behind a
// proxy the TCP peer is the proxy, so every user would share one login-throttling bucket; the
// proxy says who its client was in `X-Forwarded-For`. Anyone can send that header, though, so it
// is believed only when the peer is a proxy the operator named, and only as far back as the chain
// runs through named proxies: the right-most address that is not one of them is the client.
import { BlockList, isIP } from 'node:net';
import { AppError } from '../domain/errors.js';

/** True for an address the operator trusts to report its client truthfully. */
export type TrustedProxies = (address: string) => boolean;

const USAGE =
  'takes IP addresses, address ranges such as 10.0.0.0/8, or "loopback", separated by commas (e.g. --trust-proxy loopback,10.0.0.5)';

/**
 * Reads the value of `--trust-proxy` / `COFFEECHAT_TRUST_PROXY`: comma-separated addresses,
 * CIDR ranges and the word `loopback` (127.0.0.0/8 and ::1). Anything else is `invalid_input`.
 */
export function trustedProxies(spec: string, flag = '--trust-proxy'): TrustedProxies {
  const items = spec.split(',').map((s) => s.trim());
  if (items.every((s) => s === '')) throw new AppError('invalid_input', `${flag} ${USAGE}; it was empty.`);
  const list = new BlockList();
  for (const item of items) {
    if (item === '') continue;
    if (item.toLowerCase() === 'loopback') {
      list.addSubnet('127.0.0.0', 8, 'ipv4');
      list.addAddress('::1', 'ipv6');
      continue;
    }
    const [address = '', prefixText, extra] = item.split('/');
    const family = isIP(address);
    const prefix = prefixText === undefined ? undefined : Number(prefixText);
    const maxPrefix = family === 6 ? 128 : 32;
    const validPrefix = prefix === undefined || (/^\d{1,3}$/.test(prefixText ?? '') && prefix <= maxPrefix);
    if (family === 0 || extra !== undefined || !validPrefix)
      throw new AppError('invalid_input', `${flag} ${USAGE}; "${item}" is none of these.`, { field: flag, value: item });
    const one = plain(address) ?? address; // ::ffff:10.0.0.5 is 10.0.0.5, as peers are compared
    if (prefix === undefined) list.addAddress(one, isIP(one) === 6 ? 'ipv6' : 'ipv4');
    else list.addSubnet(address, prefix, family === 6 ? 'ipv6' : 'ipv4');
  }
  return (address) => {
    const a = plain(address);
    return !!a && list.check(a, isIP(a) === 6 ? 'ipv6' : 'ipv4');
  };
}

/**
 * The client's address: the peer's, unless the peer is a trusted proxy and says who it forwarded
 * for; then the right-most `X-Forwarded-For` entry that is not itself a trusted proxy (entries to
 * its left were written by the client or by proxies nobody vouches for). When every entry is
 * trusted, the left-most; an entry that is no address ends the walk at the hop before it.
 */
export function clientAddress(peer: string | undefined, forwardedFor: string | null | undefined, trusted?: TrustedProxies): string {
  let current = plain(peer);
  if (!current) return 'unknown';
  if (!trusted || !forwardedFor || !trusted(current)) return current;
  const hops = forwardedFor.split(',');
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = plain(hops[i]);
    if (!hop) break;
    current = hop;
    if (!trusted(hop)) break;
  }
  return current;
}

/**
 * An address as a bare IP: without brackets, port or IPv6 zone, and an IPv4 client seen through
 * an IPv6 socket (`::ffff:192.0.2.1`) as plain IPv4, so that one client is one throttling key.
 * Undefined when it is not an address at all.
 */
function plain(text: string | undefined): string | undefined {
  let a = text?.trim() ?? '';
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(a);
  if (bracketed) a = bracketed[1]!;
  else if (/^[\d.]+:\d+$/.test(a)) a = a.slice(0, a.lastIndexOf(':')); // IPv4 with a port
  a = a.replace(/%.*$/, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(a);
  if (mapped) a = mapped[1]!;
  return isIP(a) ? a.toLowerCase() : undefined;
}
