import { describe, expect, it } from 'vitest';
import { capSharedMaxAge, Schedule } from './schedule';

const T = Date.parse('2026-12-03T08:00:00Z');

function setup(times: Record<string, number>) {
  let now = T;
  // Newest first, as ContentStore.candidates.
  const stories = Object.entries(times)
    .map(([slug, publishedMs]) => ({ slug, publishedMs }))
    .sort((a, b) => b.publishedMs - a.publishedMs);
  const released: string[][] = [];
  const schedule = new Schedule({ stories: () => stories, now: () => now, release: (slugs) => released.push(slugs) });
  return { schedule, released, at: (ms: number) => (now = ms) };
}

describe('Schedule', () => {
  it('releases each story once, at the first tick at or after its time', () => {
    const { schedule, released, at } = setup({ old: T - 60_000, a: T + 5_000, b: T + 5_000, c: T + 90_000 });
    at(T + 4_999);
    schedule.tick();
    expect(released).toEqual([]);
    at(T + 5_400);
    schedule.tick();
    expect(released).toEqual([['a', 'b']]);
    at(T + 6_400);
    schedule.tick();
    at(T + 91_000);
    schedule.tick();
    expect(released).toEqual([['a', 'b'], ['c']]);
  });

  it('stories already out when it starts are not released again', () => {
    const { schedule, released, at } = setup({ old: T - 1 });
    at(T + 1_000);
    schedule.tick();
    expect(released).toEqual([]);
  });

  it('caps shared caching in the minute before a story comes out, not before or after', () => {
    const { schedule, at } = setup({ a: T + 90_000 });
    expect(schedule.secondsUntilNext()).toBeUndefined(); // 90 s away: a minute's caching is safe
    at(T + 60_000);
    expect(schedule.secondsUntilNext()).toBe(30);
    at(T + 89_950);
    expect(schedule.secondsUntilNext()).toBe(1);
    at(T + 90_000);
    expect(schedule.secondsUntilNext()).toBeUndefined();
  });
});

describe('capSharedMaxAge', () => {
  it('lowers s-maxage only, and only when it is longer', () => {
    expect(capSharedMaxAge('s-maxage=60, stale-while-revalidate=3540', 12)).toBe('s-maxage=12, stale-while-revalidate=3540');
    expect(capSharedMaxAge('s-maxage=5, stale-while-revalidate=3540', 12)).toBe('s-maxage=5, stale-while-revalidate=3540');
    expect(capSharedMaxAge('no-store', 12)).toBe('no-store');
    expect(capSharedMaxAge('private, no-cache, no-store, max-age=0, must-revalidate', 12)).toBe('private, no-cache, no-store, max-age=0, must-revalidate');
  });
});
