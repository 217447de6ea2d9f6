import { describe, expect, test } from 'vitest';
import { RateLimiter } from './rate-limit';

function clock(start = Date.parse('2026-03-10T10:00:00Z')) {
  const c = { ms: start, now: () => c.ms };
  return c;
}

describe('RateLimiter', () => {
  test('one count per article per address per hour', () => {
    const c = clock();
    const limiter = new RateLimiter({ now: c.now });
    const client = limiter.clientKey('203.0.113.7');
    expect(limiter.check(client, 'a')).toBe('count');
    expect(limiter.check(client, 'a')).toBe('repeat');
    expect(limiter.check(client, 'b')).toBe('count');
    c.ms += 59 * 60_000;
    expect(limiter.check(client, 'a')).toBe('repeat');
    c.ms += 60_000;
    expect(limiter.check(client, 'a')).toBe('count');
    // Another address is counted on its own.
    expect(limiter.check(limiter.clientKey('203.0.113.8'), 'a')).toBe('count');
  });

  test('30 beacons a minute per address, then too many until the minute is over', () => {
    const c = clock();
    const limiter = new RateLimiter({ now: c.now });
    const client = limiter.clientKey('203.0.113.7');
    for (let i = 0; i < 30; i++) expect(limiter.check(client, `story-${i}`)).toBe('count');
    expect(limiter.check(client, 'story-30')).toBe('too-many');
    expect(limiter.check(limiter.clientKey('198.51.100.1'), 'story-30')).toBe('count');
    c.ms += 60_000;
    expect(limiter.check(client, 'story-30')).toBe('count');
  });

  test('client keys are anonymous: hashed with a salt that changes every day', () => {
    const c = clock();
    const limiter = new RateLimiter({ now: c.now });
    const today = limiter.clientKey('203.0.113.7');
    expect(today).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(today).not.toContain('203.0.113.7');
    expect(limiter.clientKey('203.0.113.7')).toBe(today);
    expect(new RateLimiter({ now: c.now }).clientKey('203.0.113.7')).not.toBe(today); // random salt
    c.ms += 86_400_000;
    expect(limiter.clientKey('203.0.113.7')).not.toBe(today);
  });

  test('memory stays bounded: expired entries and the oldest beyond the maximum are evicted', () => {
    const c = clock();
    const limiter = new RateLimiter({ now: c.now, maxEntries: 100 });
    for (let i = 0; i < 1000; i++) limiter.check(limiter.clientKey(`10.0.${i >> 8}.${i & 255}`), 'a');
    expect(limiter.size).toBeLessThanOrEqual(200);
    c.ms += 61 * 60_000;
    limiter.check(limiter.clientKey('10.1.0.1'), 'a');
    expect(limiter.size).toBe(2);
  });
});
