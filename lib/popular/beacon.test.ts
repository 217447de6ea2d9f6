import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { handleBeacon, type BeaconDeps } from './beacon';
import { CLIENT_ADDRESS_HEADER } from './client-filter';
import { RateLimiter } from './rate-limit';
import { SqliteViewStore } from './sqlite-store';
import type { ViewStore } from './views';

const CHROME = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36';
const NOW = Date.parse('2026-03-10T10:00:00Z');
const PUBLISHED = new Set(['putin-tiba-di-pyongyang', 'kim-jong-un-menyambut']);

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'warta-beacon-'));
const stores: ViewStore[] = [];
afterAll(async () => {
  for (const store of stores) await store.close();
  fs.rmSync(root, { recursive: true, force: true });
});

/** Headers given as '' are left out of the request (e.g. no Origin). */
const dropEmpty = (headers: Record<string, string>) => Object.fromEntries(Object.entries(headers).filter(([, v]) => v !== ''));

/** A beacon handler on a fresh SQLite store; `errors` collects what it would log. */
function setup(store?: () => Promise<ViewStore>) {
  const sqlite = SqliteViewStore.open(path.join(root, String(stores.length)));
  stores.push(sqlite);
  const errors: unknown[] = [];
  const deps: BeaconDeps = {
    store: store ?? (async () => sqlite),
    limiter: new RateLimiter({ now: () => NOW }),
    isPublished: (slug) => PUBLISHED.has(slug),
    onError: (error) => errors.push(error),
    now: () => NOW,
  };
  const send = (body: string | null, headers: Record<string, string> = {}) =>
    handleBeacon(
      new Request('http://127.0.0.1/api/terbaca', {
        method: 'POST',
        body,
        headers: dropEmpty({ 'user-agent': CHROME, [CLIENT_ADDRESS_HEADER]: '203.0.113.7', host: '127.0.0.1', origin: 'http://127.0.0.1', 'sec-fetch-site': 'same-origin', ...headers }),
      }),
      deps,
    );
  const views = async () => sqlite.top(new Date(NOW), new Date(NOW), 10);
  return { send, views, errors };
}

describe('POST /api/terbaca', () => {
  test('a read is counted once: 204, no cookie, not cached', async () => {
    const { send, views } = setup();
    const response = await send('putin-tiba-di-pyongyang');
    expect(response.status).toBe(204);
    expect(response.headers.get('set-cookie')).toBeNull();
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await views()).toEqual([{ slug: 'putin-tiba-di-pyongyang', views: 1 }]);
    // The same reader again within the hour: accepted, not counted.
    expect((await send('putin-tiba-di-pyongyang')).status).toBe(204);
    // Another reader (address) is.
    expect((await send('putin-tiba-di-pyongyang', { [CLIENT_ADDRESS_HEADER]: '198.51.100.4' })).status).toBe(204);
    expect(await views()).toEqual([{ slug: 'putin-tiba-di-pyongyang', views: 2 }]);
  });

  test('a new User-Agent or X-Forwarded-For is not a new reader: only the address the server decided counts', async () => {
    const { send, views } = setup();
    for (let i = 0; i < 20; i++) {
      const headers = { 'user-agent': `${CHROME} r${i}`, 'x-forwarded-for': `198.51.100.${i}`, 'x-real-ip': `192.0.2.${i}` };
      expect((await send('putin-tiba-di-pyongyang', headers)).status).toBe(204);
    }
    expect(await views()).toEqual([{ slug: 'putin-tiba-di-pyongyang', views: 1 }]);
  });

  test('one IPv6 /64 is one reader', async () => {
    const { send, views } = setup();
    await send('putin-tiba-di-pyongyang', { [CLIENT_ADDRESS_HEADER]: '2001:db8:1:2::1' });
    await send('putin-tiba-di-pyongyang', { [CLIENT_ADDRESS_HEADER]: '2001:db8:1:2:ffff:1:2:3' });
    await send('putin-tiba-di-pyongyang', { [CLIENT_ADDRESS_HEADER]: '2001:db8:1:3::1' });
    expect(await views()).toEqual([{ slug: 'putin-tiba-di-pyongyang', views: 2 }]);
  });

  test.each([
    ['Origin of our Host, no Sec-Fetch-Site (older Safari)', { 'sec-fetch-site': '' }],
    ['Origin of SITE_URL', { origin: 'http://localhost:3000', host: 'warta.internal:8080' }],
    ['no Origin, Sec-Fetch-Site same-origin', { origin: '' }],
  ])('from our pages (%s): counted', async (_name, headers) => {
    const { send, views } = setup();
    expect((await send('putin-tiba-di-pyongyang', headers)).status).toBe(204);
    expect(await views()).toEqual([{ slug: 'putin-tiba-di-pyongyang', views: 1 }]);
  });

  test.each([
    ['Sec-Purpose: prefetch', { 'sec-purpose': 'prefetch' }],
    ['Sec-Purpose: prefetch;prerender', { 'sec-purpose': 'prefetch;prerender' }],
    ['Purpose: prefetch', { purpose: 'prefetch' }],
    ['X-Moz: prefetch', { 'x-moz': 'prefetch' }],
    ['Googlebot', { 'user-agent': 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)' }],
    ['Bingbot', { 'user-agent': 'Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)' }],
    ['headless Chrome', { 'user-agent': CHROME.replace('Chrome/', 'HeadlessChrome/') }],
    ['curl', { 'user-agent': 'curl/8.5.0' }],
    ['no User-Agent', { 'user-agent': '' }],
    ['another site', { 'sec-fetch-site': 'cross-site' }],
    ['a same-site subdomain', { 'sec-fetch-site': 'same-site' }],
    ['Origin of another site', { origin: 'https://evil.example' }],
    ['Origin of another site, no Sec-Fetch-Site', { origin: 'https://evil.example', 'sec-fetch-site': '' }],
    ['Origin "null"', { origin: 'null' }],
    ['neither Origin nor Sec-Fetch-Site (a script)', { origin: '', 'sec-fetch-site': '' }],
  ])('%s: 204 and not counted', async (_name, headers) => {
    const { send, views } = setup();
    expect((await send('putin-tiba-di-pyongyang', headers)).status).toBe(204);
    expect(await views()).toEqual([]);
  });

  test.each([
    ['empty', ''],
    ['no body', null],
    ['upper case', 'Putin-Tiba'],
    ['double hyphen', 'putin--tiba'],
    ['leading hyphen', '-putin'],
    ['path traversal', '../../etc/passwd'],
    ['a URL', '/berita/putin-tiba-di-pyongyang'],
    ['JSON', '{"slug":"putin-tiba-di-pyongyang"}'],
    ['unicode', 'café'],
    ['201 characters', 'a'.repeat(201)],
    ['a megabyte', 'a'.repeat(1 << 20)],
  ])('an invalid slug (%s): 400, not counted', async (_name, body) => {
    const { send, views } = setup();
    expect((await send(body)).status).toBe(400);
    expect(await views()).toEqual([]);
  });

  test('a well-formed slug that is no published article (unknown, draft): 404, not counted', async () => {
    const { send, views } = setup();
    expect((await send('tidak-ada')).status).toBe(404);
    expect((await send('a'.repeat(200))).status).toBe(404);
    expect(await views()).toEqual([]);
  });

  test('more than 30 beacons a minute from one client: 429', async () => {
    const { send, views } = setup();
    const statuses: number[] = [];
    for (let i = 0; i < 32; i++) statuses.push((await send(i % 2 ? 'putin-tiba-di-pyongyang' : 'kim-jong-un-menyambut')).status);
    expect(statuses.slice(0, 30).every((s) => s === 204)).toBe(true);
    expect(statuses.slice(30)).toEqual([429, 429]);
    expect(await views()).toHaveLength(2);
  });

  test('the store holding the read to count it later (Redis away): 202', async () => {
    const holding = { record: async () => 'held' as const, top: async () => [], close: async () => {} };
    const { send, errors } = setup(async () => holding);
    expect((await send('putin-tiba-di-pyongyang')).status).toBe(202);
    expect(errors).toEqual([]);
  });

  test('the store failing: 503, the cause reported, nothing thrown', async () => {
    const { send, errors } = setup(() => Promise.reject(new Error('SQLITE_CANTOPEN: unable to open database file')));
    expect((await send('putin-tiba-di-pyongyang')).status).toBe(503);
    expect(String(errors[0])).toContain('SQLITE_CANTOPEN');
  });
});
