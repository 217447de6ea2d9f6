import { isbot } from 'isbot';
import { siteConfig } from '../config';

/** Why a beacon is not counted: a prefetch, a crawler, or a request from another site. */
export type Ignored = 'prefetch' | 'bot' | 'cross-site';

/**
 * The header in which the server (server/client-address.ts) hands the client's address to route
 * handlers; it deletes any value a client sent for it. Nothing else is believed about the address.
 */
export const CLIENT_ADDRESS_HEADER = 'x-warta-client-address';

/**
 * Requests that are not a person reading: speculative prefetches (Chrome's Sec-Purpose, the
 * older Purpose and Firefox's X-Moz), known bots by User-Agent (the isbot list; a missing
 * User-Agent counts as a bot: browsers always send one), and beacons not posted by our own pages.
 */
export function ignoredRequest(headers: Headers): Ignored | undefined {
  const purpose = [headers.get('sec-purpose'), headers.get('purpose'), headers.get('x-moz')].join(' ');
  if (/prefetch|prerender/i.test(purpose)) return 'prefetch';
  const userAgent = headers.get('user-agent') ?? '';
  if (!userAgent.trim() || isbot(userAgent)) return 'bot';
  if (!fromOurPages(headers)) return 'cross-site';
  return undefined;
}

/**
 * Whether a beacon comes from one of our pages. Browsers send Origin with every POST (sendBeacon
 * included), so a present Origin must be ours: SITE_URL's origin, or the Host the request was
 * sent to (a preview host, a test server). Sec-Fetch-Site, when sent, must say same-origin too.
 * A POST without Origin is not a current browser; it is believed only when Sec-Fetch-Site says
 * same-origin (a browser that left Origin out). Neither header: a script, not a reader.
 */
function fromOurPages(headers: Headers): boolean {
  const site = headers.get('sec-fetch-site');
  if (site && site !== 'same-origin') return false;
  const origin = headers.get('origin');
  if (origin === null) return site === 'same-origin';
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return false; // "null" (sandboxed frames, file:) and anything else that is not an origin
  }
  return host === new URL(siteConfig.url).host || host === headers.get('host');
}

/**
 * The reader's address for rate limiting only (hashed, never stored), as the server decided it
 * from the socket and trusted proxies. An IPv6 client is its /64: one machine commonly holds a
 * whole /64 and could otherwise be as many readers as it likes.
 */
export function clientAddress(headers: Headers): string {
  const address = headers.get(CLIENT_ADDRESS_HEADER) ?? '';
  return address.includes(':') ? ipv6Prefix64(address) : address;
}

/** The first four groups of an IPv6 address, written in full (`2001:db8::1` → `2001:db8:0:0::/64`). */
export function ipv6Prefix64(address: string): string {
  const [head = '', tail] = address.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}
