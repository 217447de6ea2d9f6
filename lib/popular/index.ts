import { getContent, type Article } from '../content';
import { env } from '../env';
import { handleBeacon } from './beacon';
import { HeldReadsStore } from './held-reads';
import { MostReadCache } from './most-read';
import { RateLimiter } from './rate-limit';
import type { RedisViewStore } from './redis-store';
import { createViewStore } from './store';
import type { ViewStore } from './views';
import { redisLog, throttledLog } from './throttled-log';

/** After the store failed to open, the next attempt waits this long. */
const REOPEN_MS = 60_000;
// With Redis, its failures share one line a minute with the fan-out's (throttled-log.ts).
const log = env().REDIS_URL ? redisLog() : throttledLog();

let opening: Promise<ViewStore> | undefined;
let failedAt = Number.NEGATIVE_INFINITY;

/** The process's view store, opened on first use; a store that failed to open is retried a minute later. */
export function viewStore(): Promise<ViewStore> {
  if (!opening || (failedAt > Number.NEGATIVE_INFINITY && Date.now() - failedAt >= REOPEN_MS)) {
    failedAt = Number.NEGATIVE_INFINITY;
    opening = createViewStore()
      // Redis comes and goes: reads it cannot take are held here and written when it is back.
      .then((store) => (env().REDIS_URL ? new HeldReadsStore(store as RedisViewStore, { onError: (error) => log('read held until Redis returns', error) }) : store))
      .catch((error: unknown) => {
        failedAt = Date.now();
        throw error;
      });
  }
  return opening;
}

const isPublished = (slug: string) => getContent().article(slug) !== undefined;

// At build time no reader waits, and a page prerendered without the list keeps it until the
// next build: there the first call waits for the store (still bounded).
const building = env().NEXT_PHASE === 'phase-production-build';

const cache = new MostReadCache({
  store: viewStore,
  isListed: isPublished,
  onError: (error) => log('most-read list unavailable', error),
  firstWaitMs: building ? 3000 : 100,
});

/** The most-read published stories (24 h, or 7 days when traffic is thin), without `exclude`. Never throws. */
export async function mostRead({ exclude, limit = 5 }: { exclude?: string; limit?: number } = {}): Promise<Article[]> {
  const content = getContent();
  return (await cache.get())
    .filter((slug) => slug !== exclude)
    .flatMap((slug) => content.article(slug) ?? [])
    .slice(0, limit);
}

const limiter = new RateLimiter();

/** The beacon endpoint's handler with the process's store and limits (app/api/terbaca). */
export function countRead(request: Request): Promise<Response> {
  return handleBeacon(request, {
    store: viewStore,
    limiter,
    isPublished,
    onError: (error) => log('read not counted', error),
  });
}
