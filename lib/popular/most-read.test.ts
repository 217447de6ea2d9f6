import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { getContent } from '../content';
import { MostReadCache, type MostReadOptions } from './most-read';
import { RedisViewStore } from './redis-store';
import { freePort } from '../cluster/redis-server';
import { SqliteViewStore } from './sqlite-store';
import { at } from '../../test/support/store-contract';
import { createViewStore } from './store';
import type { ViewStore } from './views';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'warta-most-read-'));
const stores: ViewStore[] = [];
afterAll(async () => {
  for (const store of stores) await store.close();
  fs.rmSync(root, { recursive: true, force: true });
});

function sqlite(): ViewStore {
  const store = SqliteViewStore.open(path.join(root, String(stores.length)));
  stores.push(store);
  return store;
}

const PUBLISHED = new Set(['a', 'b', 'c', 'd', 'e', 'f', 'g']);

function cache(store: () => Promise<ViewStore>, options: Partial<MostReadOptions> = {}) {
  const errors: unknown[] = [];
  const c = new MostReadCache({ store, isListed: (slug) => PUBLISHED.has(slug), onError: (e) => errors.push(e), ...options });
  return { cache: c, errors };
}

/** Records `views` reads of each slug at `when`. */
async function seed(store: ViewStore, when: Date, views: Record<string, number>) {
  for (const [slug, n] of Object.entries(views)) for (let i = 0; i < n; i++) await store.record(slug, when);
}

describe('MostReadCache', () => {
  test('the last 24 hours when at least five listed stories were read, most read first; unknown slugs dropped', async () => {
    const store = sqlite();
    const now = at('2026-03-10T14:30');
    await seed(store, at('2026-03-10T09:00'), { a: 5, b: 4, c: 3, d: 2, e: 1, 'sudah-dihapus': 9 });
    await seed(store, at('2026-03-05T09:00'), { f: 50 }); // five days ago: outside the day
    const { cache: c } = cache(async () => store, { now: () => now.getTime() });
    expect(await c.get()).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  test('thin traffic (fewer than five stories in 24 hours): the last 7 days', async () => {
    const store = sqlite();
    const now = at('2026-03-10T14:30');
    await seed(store, at('2026-03-10T09:00'), { a: 1, b: 1 });
    await seed(store, at('2026-03-04T15:00'), { f: 50, 'sudah-dihapus': 80 }); // 6 days before: in the week
    await seed(store, at('2026-03-03T14:00'), { g: 99 }); // 7 days and 30 minutes before: outside
    const { cache: c } = cache(async () => store, { now: () => now.getTime() });
    expect(await c.get()).toEqual(['f', 'a', 'b']);
  });

  test('refreshes at most once a minute, in the background: a stale list is returned at once', async () => {
    const store = sqlite();
    let ms = at('2026-03-10T14:30').getTime();
    let calls = 0;
    let release = () => {};
    const slow = async () => {
      calls++;
      if (calls > 1) await new Promise<void>((resolve) => (release = resolve));
      return store;
    };
    await seed(store, new Date(ms), { a: 1 });
    const { cache: c } = cache(slow, { now: () => ms });
    expect(await c.get()).toEqual(['a']);
    await seed(store, new Date(ms), { b: 2 });
    ms += 59_000;
    expect(await c.get()).toEqual(['a']); // fresh enough: no refresh
    expect(calls).toBe(1);
    ms += 1_000;
    expect(await c.get()).toEqual(['a']); // stale: returned as is while the refresh waits on the store
    expect(await c.get()).toEqual(['a']);
    expect(calls).toBe(2); // one refresh at a time
    release();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(await c.get()).toEqual(['b', 'a']);
  });

  test('the first call waits a bounded time, then renders without the list', async () => {
    const never = () => new Promise<ViewStore>(() => {});
    const { cache: c } = cache(never, { firstWaitMs: 100 });
    const started = Date.now();
    expect(await c.get()).toEqual([]);
    expect(Date.now() - started).toBeLessThan(300);
  });

  test('SQLite not writable: an empty list, quickly; the cause reported once', async () => {
    const file = path.join(root, 'a-file');
    fs.writeFileSync(file, '');
    const { cache: c, errors } = cache(() => createViewStore({ WARTA_DATA_DIR: path.join(file, 'data') }));
    const started = Date.now();
    expect(await c.get()).toEqual([]);
    expect(await c.get()).toEqual([]);
    expect(Date.now() - started).toBeLessThan(300);
    expect(errors).toHaveLength(1);
    expect(String(errors[0])).toMatch(/ENOTDIR/);
  });

  test('Redis unreachable: an empty list, quickly', async () => {
    const port = await freePort();
    const redis = await RedisViewStore.connect(`redis://127.0.0.1:${port}`, 50);
    stores.push(redis);
    const { cache: c, errors } = cache(async () => redis);
    const started = Date.now();
    expect(await c.get()).toEqual([]);
    expect(Date.now() - started).toBeLessThan(300);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(errors).toHaveLength(1);
  });

  test('a store that fails after a good list: the list stays an hour, then pages render without it; it comes back with the store', async () => {
    const store = sqlite();
    let ms = at('2026-03-10T14:30').getTime();
    let broken = false;
    await seed(store, new Date(ms), { a: 1 });
    const { cache: c, errors } = cache(async () => (broken ? Promise.reject(new Error('disk I/O error')) : store), { now: () => ms });
    expect(await c.get()).toEqual(['a']);
    const refreshAfter = async (minutes: number) => {
      ms += minutes * 60_000;
      await c.get();
      await new Promise((resolve) => setTimeout(resolve, 10));
      return c.get();
    };
    broken = true;
    expect(await refreshAfter(1)).toEqual(['a']);
    expect(await refreshAfter(58)).toEqual(['a']);
    expect(errors).toHaveLength(2);
    expect(await refreshAfter(1)).toEqual([]);
    broken = false;
    expect(await refreshAfter(1)).toEqual(['a']);
  });
});

describe('mostRead() for pages', () => {
  test('resolves to an empty list, without throwing, when the data folder cannot be written', async () => {
    const file = path.join(root, 'another-file');
    fs.writeFileSync(file, '');
    const saved = process.env.WARTA_DATA_DIR;
    process.env.WARTA_DATA_DIR = path.join(file, 'data');
    const errors: string[] = [];
    const original = console.error;
    console.error = (line: string) => errors.push(line);
    try {
      const { mostRead } = await import('./index');
      getContent(); // loaded once per process before any page renders; not what is timed here
      const started = Date.now();
      expect(await mostRead()).toEqual([]);
      expect(await mostRead({ exclude: 'a' })).toEqual([]);
      expect(Date.now() - started).toBeLessThan(300);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(/^\[terpopuler\] most-read list unavailable: .*ENOTDIR/);
    } finally {
      console.error = original;
      if (saved === undefined) delete process.env.WARTA_DATA_DIR;
      else process.env.WARTA_DATA_DIR = saved;
    }
  });
});
