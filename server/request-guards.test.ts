import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequestGuard, NOT_FOUND_PATH } from './request-guards';

// A stand-in for Next.js behind the real guards and the real content: it echoes the path it was given.
const guard = createRequestGuard({ images: { widths: [640], qualities: [75], publicDir: path.resolve('public') } });
const SEED = '/berita/putin-buka-peluang-kirim-senjata-ke-korea-utara';
let server: Server;
let port = 0;
beforeAll(async () => {
  server = createServer((req, res) => {
    if (guard(req, res)) return;
    res.writeHead(req.url === NOT_FOUND_PATH ? 404 : 200, { 'Content-Type': 'text/plain' });
    res.end(req.url);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Sends the request target as written (fetch would resolve dot segments first). */
function get(target: string, headers: Record<string, string> = {}): Promise<{ status: number; location?: string; body: string; hsts?: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path: target, headers }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, location: res.headers.location, body, hsts: res.headers['strict-transport-security'] as string | undefined }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('request guards', () => {
  it('passes a page that exists as it is', async () => {
    expect(await get(SEED)).toMatchObject({ status: 200, body: SEED });
    expect(await get('/topik/hubungan-rusia-korea-utara?x=1')).toMatchObject({ status: 200, body: '/topik/hubungan-rusia-korea-utara?x=1' });
  });

  it('redirects other spellings of a page to its own URL, keeping the query', async () => {
    for (const raw of [`/.${SEED}`, `/x/..${SEED}`, `/%2e${SEED}`, `/${SEED}`, SEED.toUpperCase(), `${SEED}/`, SEED.replace('/berita', '/%62erita')]) {
      expect(await get(`${raw}?q=A`), raw).toMatchObject({ status: 308, location: `${SEED}?q=A` });
    }
  });

  it('answers every spelling of a path that names nothing with the 404 page, before the app renders it', async () => {
    for (const raw of ['/./berita/tidak-ada', '/x/../topik/tidak-ada', '/%2e/rubrik/tidak-ada/rss.xml', '/berita/tidak-ada', '/BERITA/TIDAK-ADA', '/topik/hubungan-rusia-korea-utara/halaman/999', `/berita/${'a'.repeat(2000)}`, '/berita/judul%2Fx', '/sitemaps/7.xml', '/tidak/ada', '/images/../../package.json', '/berita/%E0%A4%A', '/_next/../berita/x']) {
      expect(await get(raw), raw).toMatchObject({ status: 404, body: NOT_FOUND_PATH });
    }
  });

  it('takes an absolute-form target as its path, never redirecting to the host it names', async () => {
    expect(await get('http://evil.example/BERITA/PUTIN-BUKA-PELUANG-KIRIM-SENJATA-KE-KOREA-UTARA')).toMatchObject({ status: 308, location: SEED });
    expect(await get(`http://evil.example${SEED}`)).toMatchObject({ status: 200, body: SEED });
  });

  it('answers a target that is not a path with 400', async () => {
    expect((await get('*')).status).toBe(400);
  });

  it('lets the image optimiser see only images that exist', async () => {
    expect((await get('/_next/image?url=%2Fimages%2Farticles%2Fbendera-rusia-korea-utara.png&w=640&q=75')).status).toBe(200);
    expect((await get('/_next/image?url=%2Fimages%2Farticles%2Fbendera-rusia-korea-utara.png%231&w=640&q=75')).status).toBe(400);
    expect((await get('/_next/static/chunks/x.js')).status).toBe(200);
  });

  it('sends HSTS only over HTTPS', async () => {
    expect((await get(SEED)).hsts).toBeUndefined();
    expect((await get(SEED, { 'x-forwarded-proto': 'https' })).hsts).toMatch(/max-age=63072000/);
  });
});
