import { describe, expect, test } from 'vitest';
import { type CountingStore, HeldReadsStore } from './held-reads';
import { HOUR_MS, hourOf, RETENTION_HOURS, type ViewCount } from './views';

const NOW = Date.parse('2026-03-10T10:30:00Z');

/** A store that fails while `down` is true and otherwise adds reads up per (hour, slug). */
function flakyStore() {
  const counts = new Map<string, number>();
  const state = { down: false, writes: 0 };
  const store: CountingStore = {
    async record(slug, at, count = 1) {
      state.writes++;
      if (state.down) throw new Error("Stream isn't writeable and enableOfflineQueue options is false");
      const key = `${hourOf(at)}:${slug}`;
      counts.set(key, (counts.get(key) ?? 0) + count);
      return 'counted';
    },
    async top(): Promise<ViewCount[]> {
      return [];
    },
    async close() {},
  };
  return { store, counts, state };
}

function held(store: CountingStore, options: { maxEntries?: number; now?: () => number } = {}) {
  const errors: unknown[] = [];
  const wrapped = new HeldReadsStore(store, { onError: (e) => errors.push(e), retryMs: 60_000, now: () => NOW, ...options });
  return { wrapped, errors };
}

describe('HeldReadsStore', () => {
  test('Redis up: each read goes straight to the store', async () => {
    const { store, counts } = flakyStore();
    const { wrapped, errors } = held(store);
    expect(await wrapped.record('a', new Date(NOW))).toBe('counted');
    expect(counts.get(`${hourOf(new Date(NOW))}:a`)).toBe(1);
    expect(errors).toEqual([]);
    await wrapped.close();
  });

  test('Redis down: reads are held (not thrown), then written with their counts and hours when it returns', async () => {
    const { store, counts, state } = flakyStore();
    const { wrapped, errors } = held(store);
    state.down = true;
    const hour = hourOf(new Date(NOW));
    expect(await wrapped.record('a', new Date(NOW))).toBe('held');
    expect(await wrapped.record('a', new Date(NOW))).toBe('held');
    expect(await wrapped.record('b', new Date(NOW - HOUR_MS))).toBe('held');
    expect(wrapped.heldReads).toBe(3);
    expect(errors).toHaveLength(1); // the first failure; later reads join the held ones without trying
    await wrapped.flush(); // still down: kept
    expect(wrapped.heldReads).toBe(3);
    state.down = false;
    await wrapped.flush();
    expect(wrapped.heldReads).toBe(0);
    expect(Object.fromEntries(counts)).toEqual({ [`${hour}:a`]: 2, [`${hour - 1}:b`]: 1 });
    expect(await wrapped.record('a', new Date(NOW))).toBe('counted');
    expect(counts.get(`${hour}:a`)).toBe(3);
    await wrapped.close();
  });

  test('a read held while a flush is writing its story is not lost', async () => {
    const { store, counts, state } = flakyStore();
    const { wrapped } = held(store);
    state.down = true;
    await wrapped.record('a', new Date(NOW));
    state.down = false;
    const flushing = wrapped.flush();
    await wrapped.record('a', new Date(NOW)); // joins the held reads: the flush is under way
    await flushing;
    await wrapped.flush();
    expect(counts.get(`${hourOf(new Date(NOW))}:a`)).toBe(2);
    expect(wrapped.heldReads).toBe(0);
    await wrapped.close();
  });

  test('memory is bounded: past maxEntries stories-and-hours, further reads are dropped and counted', async () => {
    const { store, state } = flakyStore();
    const { wrapped } = held(store, { maxEntries: 3 });
    state.down = true;
    for (const slug of ['a', 'b', 'c', 'd', 'e', 'a']) await wrapped.record(slug, new Date(NOW));
    expect(wrapped.heldReads).toBe(4);
    expect(wrapped.dropped).toBe(2);
    await wrapped.close();
  });

  test('held reads older than the retention are not written', async () => {
    const { store, counts, state } = flakyStore();
    let now = NOW;
    const { wrapped } = held(store, { now: () => now });
    state.down = true;
    await wrapped.record('a', new Date(NOW));
    now += (RETENTION_HOURS + 1) * HOUR_MS;
    state.down = false;
    await wrapped.flush();
    expect(counts.size).toBe(0);
    expect(wrapped.heldReads).toBe(0);
    await wrapped.close();
  });

  test('held reads are offered again on a timer, without a new read', async () => {
    const { store, counts, state } = flakyStore();
    const wrapped = new HeldReadsStore(store, { onError: () => {}, retryMs: 20, now: () => NOW });
    state.down = true;
    await wrapped.record('a', new Date(NOW));
    state.down = false;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(counts.get(`${hourOf(new Date(NOW))}:a`)).toBe(1);
    await wrapped.close();
  });
});
