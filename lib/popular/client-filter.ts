import { isbot } from 'isbot';

/** Why a beacon is not counted: a prefetch, a crawler, or a request from another site. */
export type Ignored = 'prefetch' | 'bot' | 'cross-site';

/**
 * Requests that are not a person reading: speculative prefetches (Chrome's Sec-Purpose, the
 * older Purpose and Firefox's X-Moz), known bots by User-Agent (the isbot list; a missing
 * User-Agent counts as a bot: browsers always send one), and beacons posted from other sites.
 */
export function ignoredRequest(headers: Headers): Ignored | undefined {
  const purpose = [headers.get('sec-purpose'), headers.get('purpose'), headers.get('x-moz')].join(' ');
  if (/prefetch|prerender/i.test(purpose)) return 'prefetch';
  const userAgent = headers.get('user-agent') ?? '';
  if (!userAgent.trim() || isbot(userAgent)) return 'bot';
  const site = headers.get('sec-fetch-site');
  if (site && site !== 'same-origin') return 'cross-site';
  return undefined;
}

/**
 * The client's address for rate limiting only (hashed, never stored): the last X-Forwarded-For
 * entry, which is the one the nearest proxy saw (Next.js sets it from the socket when absent).
 */
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get('x-forwarded-for');
  return forwarded?.split(',').at(-1)?.trim() || headers.get('x-real-ip') || '';
}
