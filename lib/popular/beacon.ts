import { clientAddress, ignoredRequest } from './client-filter';
import type { RateLimiter } from './rate-limit';
import type { ViewStore } from './views';

export interface BeaconDeps {
  store: () => Promise<ViewStore>;
  limiter: RateLimiter;
  /** Whether `slug` is a published article. */
  isPublished: (slug: string) => boolean;
  onError: (error: unknown) => void;
  now?: () => number;
}

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const MAX_SLUG_LENGTH = 200;

/** No cookie, no caching, nothing to read. */
function reply(status: number, text?: string): Response {
  return new Response(text ? `${status}: ${text}\n` : null, {
    status,
    headers: { 'Cache-Control': 'no-store', ...(text && { 'Content-Type': 'text/plain; charset=utf-8' }) },
  });
}

/** The body as text, read no further than `max` bytes (undefined when it is longer). */
async function readSmallBody(request: Request, max: number): Promise<string | undefined> {
  if (Number(request.headers.get('content-length') ?? 0) > max) return undefined;
  const reader = request.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * POST /api/terbaca with the article's slug as the body: counts one read. 204 when counted and
 * when deliberately not counted (prefetch, bot, not posted by our pages, the same address again
 * within the hour); 202 when the store is away (Redis down) and the read is held to be counted
 * when it returns (held-reads.ts); 400 for a malformed slug, 404 for one that is not a published
 * article, 429 past 30 beacons a minute from one address, 503 when the store fails. A client is its address
 * alone (client-filter.ts), never its User-Agent. Nothing about the reader is kept.
 */
export async function handleBeacon(request: Request, deps: BeaconDeps): Promise<Response> {
  if (ignoredRequest(request.headers)) return reply(204);
  const limiter = deps.limiter;
  const client = limiter.clientKey(clientAddress(request.headers));
  const slug = (await readSmallBody(request, MAX_SLUG_LENGTH))?.trim();
  if (!slug || slug.length > MAX_SLUG_LENGTH || !SLUG_PATTERN.test(slug)) return reply(400, 'bad slug');
  if (!deps.isPublished(slug)) return reply(404, 'no such article');
  const verdict = limiter.check(client, slug);
  if (verdict === 'too-many') return reply(429, 'too many requests');
  if (verdict === 'repeat') return reply(204);
  try {
    if ((await (await deps.store()).record(slug, new Date((deps.now ?? Date.now)()))) === 'held') return reply(202);
  } catch (error) {
    deps.onError(error);
    return reply(503, 'not counted');
  }
  return reply(204);
}
