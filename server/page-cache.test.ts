import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PageCache, chooseEncoding } from './page-cache';

// A stand-in for the app behind the cache: counts renders, answers by path.
let server: Server;
let base = '';
let renders = 0;
let clock = 0;
const cache = new PageCache({ ttlMs: 1000, maxEntries: 3, now: () => clock });

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.headers['x-forwarded-proto'] === 'https') res.setHeader('Strict-Transport-Security', 'max-age=63072000');
    cache.respond(req, res, () => void render(req, res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

async function render(req: IncomingMessage, res: ServerResponse) {
  renders++;
  const path = req.url ?? '/';
  const html = `<!DOCTYPE html><p>${path} render ${renders}</p>`.padEnd(2000, ' ');
  // A slow page: requests for it arrive while it renders.
  if (path.includes('lambat')) await new Promise((resolve) => setTimeout(resolve, 50));
  // Content republished while this page renders.
  if (path.includes('terbit')) cache.clear();
  res.statusCode = path.startsWith('/hilang') ? 404 : 200;
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.setHeader('Cache-Control', path.startsWith('/pribadi') ? 'private, no-store' : 's-maxage=60, stale-while-revalidate=3540');
  res.setHeader('ETag', `"e-${renders}"`);
  res.setHeader('Vary', 'rsc');
  res.setHeader('x-nextjs-cache', 'MISS');
  res.setHeader('Content-Security-Policy', "script-src 'self'");
  if (path.startsWith('/kue')) res.setHeader('Set-Cookie', 'a=b');
  cache.store(req, res, html);
  res.end(html);
}
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  cache.clear();
  renders = 0;
  clock += 10_000;
});

const get = (path: string, init?: RequestInit) => fetch(`${base}${path}`, init);

describe('the page micro-cache', () => {
  it('does not keep a page whose render began before the cache was cleared (a publish meanwhile)', async () => {
    expect((await get('/berita/terbit')).headers.get('x-warta-cache')).toBeNull();
    expect((await get('/berita/terbit')).headers.get('x-warta-cache')).toBeNull();
    expect(renders).toBe(2);
    // Pages rendered after the clear are kept as before.
    await get('/berita/b');
    expect((await get('/berita/b')).headers.get('x-warta-cache')).toBe('HIT');
  });

  it('answers a second request within its time from the cache, with the same body and headers', async () => {
    const first = await get('/berita/a');
    const firstBody = await first.text();
    expect(first.headers.get('x-warta-cache')).toBe('MISS');
    clock += 999;
    const second = await get('/berita/a');
    expect(await second.text()).toBe(firstBody);
    expect(renders).toBe(1);
    expect(second.headers.get('x-warta-cache')).toBe('HIT');
    for (const name of ['content-type', 'cache-control', 'etag', 'content-security-policy']) {
      expect(second.headers.get(name), name).toBe(first.headers.get(name));
    }
    expect(second.headers.get('vary')).toBe('rsc, Accept-Encoding');
    // Next.js's header described the render behind the entry, not this answer.
    expect(second.headers.get('x-nextjs-cache')).toBeNull();
  });

  it('renders again once its time is up', async () => {
    await get('/berita/a');
    clock += 1000;
    expect(await (await get('/berita/a')).text()).toContain('render 2');
  });

  it('sends what the browser accepts: brotli, gzip or none, all the same page', async () => {
    const plain = await (await get('/berita/a', { headers: { 'Accept-Encoding': 'identity' } })).text();
    for (const encoding of ['br', 'gzip']) {
      const response = await get('/berita/a', { headers: { 'Accept-Encoding': encoding } });
      expect(response.headers.get('content-encoding')).toBe(encoding);
      expect(await response.text()).toBe(plain);
    }
    expect(renders).toBe(1);
  });

  it('answers a matching If-None-Match with 304, and HEAD without a body', async () => {
    const etag = (await get('/berita/a')).headers.get('etag')!;
    expect((await get('/berita/a', { headers: { 'If-None-Match': etag } })).status).toBe(304);
    const head = await get('/berita/a', { method: 'HEAD', headers: { 'Accept-Encoding': 'identity' } });
    expect(head.status).toBe(200);
    expect(Number(head.headers.get('content-length'))).toBe(2000);
    expect(await head.text()).toBe('');
  });

  it('never keeps private pages, errors, cookies, client-router requests or other methods', async () => {
    const twice = async (path: string, init?: RequestInit) => {
      await get(path, init);
      await get(path, init);
    };
    await twice('/pribadi?q=a');
    await twice('/hilang');
    await twice('/kue');
    await twice('/berita/a', { headers: { cookie: '__prerender_bypass=1' } });
    await twice('/berita/b', { headers: { rsc: '1' } });
    await twice('/berita/c', { method: 'POST' });
    expect(renders).toBe(12);
    expect(cache.size).toBe(0);
  });

  it('does not replay one response’s HSTS header to another request', async () => {
    await get('/berita/a', { headers: { 'x-forwarded-proto': 'https' } });
    const plain = await get('/berita/a');
    expect(plain.headers.get('x-warta-cache')).toBe('HIT');
    expect(plain.headers.get('strict-transport-security')).toBeNull();
  });

  it('renders a page once for requests that arrive while it renders, and answers them all with it', async () => {
    const bodies = await Promise.all(Array.from({ length: 6 }, () => get('/berita/lambat').then((r) => r.text())));
    expect(renders).toBe(1);
    expect(new Set(bodies).size).toBe(1);
  });

  it('lets requests waiting for a page that is not kept render for themselves', async () => {
    const answers = await Promise.all(Array.from({ length: 3 }, () => get('/pribadi/lambat')));
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(renders).toBe(3);
  });

  it('drops expired pages when it keeps a new one', async () => {
    await get('/1');
    await get('/2');
    clock += 1000;
    await get('/3');
    expect(cache.size).toBe(1);
  });

  it('keeps at most maxEntries pages, dropping the oldest', async () => {
    for (const path of ['/1', '/2', '/3', '/4']) await get(path);
    expect(cache.size).toBe(3);
    await get('/1');
    expect(renders).toBe(5);
  });
});

describe('choosing an encoding', () => {
  it('prefers brotli, then gzip, and honours q=0', () => {
    expect(chooseEncoding('gzip, deflate, br')).toBe('br');
    expect(chooseEncoding('gzip')).toBe('gzip');
    expect(chooseEncoding('br;q=0, gzip;q=0.8')).toBe('gzip');
    expect(chooseEncoding(undefined)).toBe('identity');
    expect(chooseEncoding('identity')).toBe('identity');
  });
});
