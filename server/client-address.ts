import type { IncomingMessage } from 'node:http';
import { BlockList, isIP } from 'node:net';
import { CLIENT_ADDRESS_HEADER } from '../lib/popular/client-filter';
import { env } from '../lib/env';

/**
 * The address of the client, decided once in the server from the socket and handed to Next.js
 * in a header of ours (route handlers never see the socket). X-Forwarded-For is believed only
 * from the proxies the operator names in TRUSTED_PROXIES: anyone else can write anything in it,
 * and read counts keyed on it could be bought (issue 15).
 */

/** The proxies whose X-Forwarded-For is believed: addresses and CIDR ranges, IPv4 and IPv6. */
export type TrustedProxies = BlockList;

/** Parses TRUSTED_PROXIES (`127.0.0.1,10.0.0.0/8,::1,fd00::/8`); throws, naming the variable and the fix, on anything else. */
export function parseTrustedProxies(value: string | undefined, name = 'TRUSTED_PROXIES'): TrustedProxies {
  const list = new BlockList();
  for (const entry of (value ?? '').split(',').map((e) => e.trim()).filter(Boolean)) {
    const [address = '', bits, extra] = entry.split('/');
    const family = isIP(address);
    const max = family === 4 ? 32 : 128;
    if (family === 0 || extra !== undefined || (bits !== undefined && !(/^\d{1,3}$/.test(bits) && Number(bits) <= max))) {
      throw new Error(
        `${name} has "${entry}", which is neither an IP address nor a CIDR range. ` +
          `Set ${name} to a comma-separated list such as "127.0.0.1,10.0.0.0/8,::1", or leave it unset when no proxy is in front of the server.`,
      );
    }
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (bits === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(bits), type);
  }
  return list;
}

/** `::ffff:1.2.3.4` (an IPv4 client of a dual-stack socket) → `1.2.3.4`; ports and brackets dropped. */
export function normalizeAddress(raw: string): string {
  let address = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) address = bracketed[1]!;
  else if (/^[\d.]+:\d+$/.test(address)) address = address.slice(0, address.lastIndexOf(':'));
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped ? mapped[1]! : address;
}

function isTrusted(address: string, trusted: TrustedProxies): boolean {
  const family = isIP(address);
  return family !== 0 && trusted.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/**
 * The client's address: the socket's peer, unless that peer is a trusted proxy; then the
 * right-most X-Forwarded-For entry that is not itself a trusted proxy (entries to its left were
 * written by the client and prove nothing). When every entry is a trusted proxy, the left-most.
 */
export function clientAddressOf(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, trusted: TrustedProxies): string {
  const peer = normalizeAddress(socketAddress ?? '');
  if (!isTrusted(peer, trusted)) return peer;
  const hops = [forwardedFor ?? []].flat().join(',').split(',').map(normalizeAddress).filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) if (!isTrusted(hops[i]!, trusted)) return hops[i]!;
  return hops[0] ?? peer;
}

/**
 * Replaces whatever the client said about its address with the trusted value: our header (a
 * client-sent one is deleted first), and X-Forwarded-For / X-Real-IP, so Next.js and the pages
 * see only that value too.
 */
export function setClientAddress(req: IncomingMessage, trusted: TrustedProxies = trustedFromEnv()): void {
  const address = clientAddressOf(req.socket?.remoteAddress, req.headers['x-forwarded-for'], trusted);
  delete req.headers[CLIENT_ADDRESS_HEADER];
  req.headers[CLIENT_ADDRESS_HEADER] = address;
  req.headers['x-forwarded-for'] = address;
  req.headers['x-real-ip'] = address;
}

let fromEnv: TrustedProxies | undefined;
/** TRUSTED_PROXIES of this process, parsed once. */
function trustedFromEnv(): TrustedProxies {
  return (fromEnv ??= parseTrustedProxies(env().TRUSTED_PROXIES));
}

// A bad TRUSTED_PROXIES stops the start (this module is loaded before the server listens),
// with the message alone rather than a stack trace.
try {
  trustedFromEnv();
} catch (error) {
  console.error(`✗ ${(error as Error).message}`);
  process.exit(1);
}
