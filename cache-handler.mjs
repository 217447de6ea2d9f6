// Next.js's incremental cache (ISR pages, route handlers) in Redis, shared by every instance
// (docs/decisions/0008-cluster.md). next.config.js loads it only when REDIS_URL is set at run time.
// While Redis is unreachable each instance falls back to a small in-memory cache of its own.
// Keys carry the build id (the deployment id, next.config.js): during a rolling deploy an instance
// of the new build never serves a page the old build rendered, with the old build's asset URLs.
import { CacheHandler } from '@fortedigital/nextjs-cache-handler';
import { ioredisAdapter } from '@fortedigital/nextjs-cache-handler/helpers/ioredisAdapter';
import createLruHandler from '@fortedigital/nextjs-cache-handler/local-lru';
import createRedisHandler from '@fortedigital/nextjs-cache-handler/redis-strings';
import { Redis } from 'ioredis';

CacheHandler.onCreation(({ buildId }) => {
  globalThis.__wartaCacheConfig ??= (async () => {
    const client = new Redis(process.env.REDIS_URL, { maxRetriesPerRequest: 1, retryStrategy: (times) => Math.min(times * 200, 2_000) });
    client.on('error', () => {});
    await Promise.race([new Promise((resolve) => client.once('ready', resolve)), new Promise((resolve) => setTimeout(resolve, 3_000))]);
    const redis = createRedisHandler({ client: ioredisAdapter(client), keyPrefix: `warta:next:${buildId ?? 'unknown'}:`, timeoutMs: 1_000 });
    return { handlers: [redis, createLruHandler()] };
  })();
  return globalThis.__wartaCacheConfig;
});

export default CacheHandler;
