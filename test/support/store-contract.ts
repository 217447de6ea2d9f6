import { expect, test } from 'vitest';
import type { ViewStore } from '../../lib/popular/views';

/** An instant in UTC, e.g. at('2026-03-10T14:05'). */
export const at = (iso: string) => new Date(`${iso}:00Z`);

/**
 * What every ViewStore must do, run against SQLite and Redis alike. `fresh` gives an empty
 * store for each test.
 */
export function viewStoreContract(fresh: () => Promise<ViewStore>) {
  test('counts reads per article, most read first, ties by slug', async () => {
    const store = await fresh();
    for (const slug of ['b', 'a', 'c', 'c', 'a', 'c']) await store.record(slug, at('2026-03-10T14:05'));
    expect(await store.top(at('2026-03-10T14:00'), at('2026-03-10T14:59'), 10)).toEqual([
      { slug: 'c', views: 3 },
      { slug: 'a', views: 2 },
      { slug: 'b', views: 1 },
    ]);
    expect(await store.top(at('2026-03-10T14:00'), at('2026-03-10T14:59'), 2)).toEqual([
      { slug: 'c', views: 3 },
      { slug: 'a', views: 2 },
    ]);
  });

  test('sums whole hours from the hour of `since` to the hour of `until`, both included', async () => {
    const store = await fresh();
    await store.record('early', at('2026-03-10T12:59')); // the hour before the window
    await store.record('first', at('2026-03-10T13:00')); // first minute of the first hour
    await store.record('first', at('2026-03-10T13:59'));
    await store.record('last', at('2026-03-10T15:30')); // the hour of `until`, after `until` itself
    await store.record('late', at('2026-03-10T16:00')); // the hour after
    expect(await store.top(at('2026-03-10T13:20'), at('2026-03-10T15:10'), 10)).toEqual([
      { slug: 'first', views: 2 },
      { slug: 'last', views: 1 },
    ]);
  });

  test('a 24-hour and a 7-day window over the same counts', async () => {
    const store = await fresh();
    const now = at('2026-03-10T14:30');
    await store.record('today', at('2026-03-10T14:10'));
    await store.record('yesterday', at('2026-03-09T15:00')); // 23 h 30 min ago: this hour's window still holds it
    await store.record('too-old-for-a-day', at('2026-03-09T14:59'));
    await store.record('six-days', at('2026-03-04T15:00'));
    await store.record('eight-days', at('2026-03-02T14:00'));
    const day = await store.top(at('2026-03-09T15:00'), now, 10);
    expect(day.map((c) => c.slug).sort()).toEqual(['today', 'yesterday']);
    const week = await store.top(at('2026-03-03T15:00'), now, 10);
    expect(week.map((c) => c.slug).sort()).toEqual(['six-days', 'today', 'too-old-for-a-day', 'yesterday']);
  });

  test('an empty window, and a limit of zero', async () => {
    const store = await fresh();
    expect(await store.top(at('2026-03-10T00:00'), at('2026-03-10T23:00'), 5)).toEqual([]);
    await store.record('a', at('2026-03-10T10:00'));
    expect(await store.top(at('2026-03-10T00:00'), at('2026-03-10T23:00'), 0)).toEqual([]);
  });
}
