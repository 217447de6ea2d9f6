import { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { RedisViewStore } from './redis-store';
import { freePort, startRedis } from '../cluster/redis-server';
import { at, viewStoreContract } from '../../test/support/store-contract';
import { createViewStore } from './store';
import { HOUR_MS, hourOf, RETENTION_HOURS, type ViewStore } from './views';

let server: Awaited<ReturnType<typeof startRedis>>;
let admin: Redis;
const opened: ViewStore[] = [];

beforeAll(async () => {
  server = await startRedis();
  admin = new Redis(server.url);
}, 15_000);

beforeEach(async () => {
  await admin.flushall();
});

afterAll(async () => {
  for (const store of opened) await store.close();
  admin?.disconnect();
  await server?.stop();
});

async function open(): Promise<ViewStore> {
  const store = await createViewStore({ REDIS_URL: server.url });
  opened.push(store);
  return store;
}

describe('RedisViewStore (a real redis-server)', () => {
  viewStoreContract(open);

  test('REDIS_URL chooses Redis', async () => {
    expect(await open()).toBeInstanceOf(RedisViewStore);
  });

  test('one sorted set per hour, expiring after eight days; no scratch keys left behind', async () => {
    const store = await open();
    await store.record('a', at('2026-03-10T10:05'));
    await store.record('a', at('2026-03-10T10:55'));
    await store.record('b', at('2026-03-10T11:00'));
    await store.top(at('2026-03-10T00:00'), at('2026-03-10T23:00'), 5);
    const first = `warta:views:${hourOf(at('2026-03-10T10:00'))}`;
    expect((await admin.keys('warta:*')).sort()).toEqual([first, `warta:views:${hourOf(at('2026-03-10T11:00'))}`].sort());
    expect(await admin.zcard(first)).toBe(1);
    expect(await admin.zscore(first, 'a')).toBe('2');
    const ttl = await admin.pttl(first);
    expect(ttl).toBeGreaterThan(RETENTION_HOURS * HOUR_MS - 60_000);
    expect(ttl).toBeLessThanOrEqual(RETENTION_HOURS * HOUR_MS);
  });

  test('Redis unreachable: opening does not hang, and calls reject quickly', async () => {
    const port = await freePort(); // nothing listens there
    const started = Date.now();
    const store = await RedisViewStore.connect(`redis://127.0.0.1:${port}`, 300);
    opened.push(store);
    await expect(store.record('a', new Date())).rejects.toThrow();
    await expect(store.top(new Date(0), new Date(), 5)).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
