import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { HOUR_MS, hourOf, type Recorded, RETENTION_HOURS, type ViewCount, type ViewStore } from './views';

const PREFIX = 'warta:views:';

/**
 * Read counts in Redis, for sites running several server instances: one sorted set per hour
 * (member = slug, score = views), each expiring after the retention. Commands fail fast while
 * Redis is unreachable (no offline queue, short timeouts); ioredis reconnects in the background.
 */
export class RedisViewStore implements ViewStore {
  private constructor(private readonly redis: Redis) {}

  /** Connects to `url`, waiting at most `waitMs`; a server that is down makes later calls fail, not this one. */
  static async connect(url: string, waitMs = 1000): Promise<RedisViewStore> {
    const redis = new Redis(url, {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: 1000,
      commandTimeout: 1000,
      retryStrategy: (attempt) => Math.min(attempt * 500, 5000),
    });
    // Errors surface through the commands (and the caller's throttled log), not as unhandled events.
    redis.on('error', () => {});
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      redis.connect().catch(() => {}),
      new Promise((resolve) => (timer = setTimeout(resolve, waitMs))),
    ]);
    clearTimeout(timer);
    return new RedisViewStore(redis);
  }

  /** Counts `count` reads (several at once when held reads are written, held-reads.ts). */
  async record(slug: string, at: Date, count = 1): Promise<Recorded> {
    const key = PREFIX + hourOf(at);
    const replies = await this.redis.multi().zincrby(key, count, slug).pexpire(key, RETENTION_HOURS * HOUR_MS).exec();
    // A transaction can resolve with its commands' errors instead of rejecting: not counted then.
    const failed = replies === null ? new Error('Redis transaction aborted') : replies.find(([error]) => error)?.[0];
    if (failed) throw failed;
    return 'counted';
  }

  async top(since: Date, until: Date, limit: number): Promise<ViewCount[]> {
    const keys: string[] = [];
    for (let hour = hourOf(since); hour <= hourOf(until); hour++) keys.push(PREFIX + hour);
    if (keys.length === 0 || limit < 1) return [];
    // Sum the hours into a scratch set, read its head, delete it: one atomic round trip.
    const scratch = `${PREFIX}sum:${randomUUID()}`;
    const replies = await this.redis
      .multi()
      .zunionstore(scratch, keys.length, ...keys)
      .zrevrange(scratch, 0, limit - 1, 'WITHSCORES')
      .del(scratch)
      .exec();
    const [error, flat] = replies?.[1] ?? [new Error('Redis transaction aborted')];
    if (error) throw error;
    const list = flat as string[];
    const counts: ViewCount[] = [];
    for (let i = 0; i < list.length; i += 2) counts.push({ slug: list[i]!, views: Number(list[i + 1]) });
    // ZREVRANGE orders equal scores by member descending; order them as the SQLite store does (slug ascending).
    return counts.sort((a, b) => b.views - a.views || a.slug.localeCompare(b.slug));
  }

  async close(): Promise<void> {
    this.redis.disconnect();
  }
}
