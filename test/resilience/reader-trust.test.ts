/**
 * Issue 15, findings 3, 5, 7 and 8 and the three smaller ones, against the real production server
 * (server/index.ts) on 127.0.0.1, ports 3510–3519, each with a fresh WARTA_DATA_DIR. Every loop
 * is bounded in requests and time. Run after npm run build:
 *   npx tsx --test test/resilience/reader-trust.test.ts
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { type RunningServer, startServer } from '../../scripts/production-server';

const DIST = process.env.WARTA_DIST_DIR ?? '.next';
const PORT = Number(process.env.READER_TRUST_PORT ?? 3510);
const ARTICLES = ['putin-buka-peluang-kirim-senjata-ke-korea-utara', 'ancaman-putin-korea-selatan-pasok-senjata-ukraina', 'duma-rusia-ratifikasi-perjanjian-dengan-korea-utara'];
const [SEED, OTHER, THIRD] = ARTICLES as [string, string, string];
const TAG = 'hubungan-rusia-korea-utara';
const SECTION = 'internasional';
const DRAFT = 'rusia-korea-utara-mulai-bangun-jembatan-sungai-tumen';
const DRAFT_TITLE = 'Rusia dan Korea Utara Mulai Bangun Jembatan Jalan di atas Sungai Tumen';
const CHROME = (n: number) => `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${120 + (n % 30)}.0.${n}.0 Safari/537.36`;

/** The SITE_URL this build was made with ('' when unset: pages then say localhost). */
const BUILT_SITE_URL = (JSON.parse(fs.readFileSync(path.join(DIST, 'required-server-files.json'), 'utf8')).config.env.SITE_URL as string) || 'http://localhost:3000';

interface Server extends RunningServer {
  dataDir: string;
}
const started: Server[] = [];
let nextPort = PORT;

async function start(env: Record<string, string> = {}): Promise<Server> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'warta-reader-trust-'));
  // Only what each server is given: none of the operator's own settings leak in.
  const clean = { TRUSTED_PROXIES: '', PREVIEW_SECRET: '', SITE_URL: '' };
  try {
    const server = { ...(await startServer(nextPort++, { ...clean, WARTA_DATA_DIR: dataDir, ...env }, '/robots.txt', 60_000)), dataDir };
    started.push(server);
    return server;
  } catch (error) {
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}

async function stop(server: Server) {
  await server.stop();
  fs.rmSync(server.dataDir, { recursive: true, force: true });
}

after(async () => {
  for (const server of started) await stop(server);
});

/** Reads of `slug` the server has stored (its SQLite file; WAL lets a reader open it beside the server). */
function storedViews(server: Server, slug: string): number {
  const file = path.join(server.dataDir, 'views.sqlite');
  if (!fs.existsSync(file)) return 0;
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('SELECT COALESCE(SUM(views), 0) AS views FROM views WHERE slug = ?').get(slug) as { views: number }).views;
  } finally {
    db.close();
  }
}

/** A read beacon as our page sends it from a browser, with `headers` on top ('' leaves one out). */
async function beacon(server: Server, slug: string, headers: Record<string, string> = {}): Promise<number> {
  const all: Record<string, string> = { 'user-agent': CHROME(0), origin: server.url, 'sec-fetch-site': 'same-origin', 'content-type': 'text/plain;charset=UTF-8', ...headers };
  const sent = Object.fromEntries(Object.entries(all).filter(([, value]) => value !== ''));
  const response = await fetch(`${server.url}/api/terbaca`, { method: 'POST', body: slug, headers: sent, signal: AbortSignal.timeout(10_000) });
  await response.arrayBuffer();
  return response.status;
}

const randomAddress = () => Array.from({ length: 4 }, () => 1 + Math.floor(Math.random() * 254)).join('.');

/** A raw request (node:http: fetch would add and strip headers), body read and dropped. */
function raw(server: Server, method: string, target: string, headers: Record<string, string> = {}): Promise<http.IncomingMessage & { body: Buffer }> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${server.url}${target}`, { method, headers, timeout: 15_000 }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve(Object.assign(response, { body: Buffer.concat(chunks) })));
    });
    request.on('timeout', () => request.destroy(new Error(`${method} ${target} timed out`)));
    request.on('error', reject);
    request.end();
  });
}

const get = async (server: Server, target: string, headers: Record<string, string> = {}) => {
  const response = await fetch(`${server.url}${target}`, { headers, redirect: 'manual', signal: AbortSignal.timeout(15_000) });
  return { response, text: await response.text() };
};

const metaContent = (html: string, key: string) => new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)"`).exec(html)?.[1];

describe('one server as an attacker meets it: no proxy trusted, no preview secret, no SITE_URL', { timeout: 5 * 60_000 }, () => {
  let server: Server;

  test('starts, and warns loudly that SITE_URL is unset', async () => {
    server = await start();
    assert.match(server.log(), /⚠.*SITE_URL is not set/);
  });

  test('finding 3: beacons from other origins, or from scripts that say no origin, are not counted', async () => {
    assert.equal(await beacon(server, OTHER), 204);
    assert.equal(storedViews(server, OTHER), 1, 'a beacon from our own page counts');
    const foreign: Record<string, string>[] = [
      { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
      { origin: 'https://evil.example', 'sec-fetch-site': '' },
      { origin: 'https://evil.example' },
      { origin: 'null', 'sec-fetch-site': '' },
      { origin: '', 'sec-fetch-site': '' },
    ];
    for (const headers of foreign) assert.equal(await beacon(server, THIRD, headers), 204, JSON.stringify(headers));
    assert.equal(storedViews(server, THIRD), 0);
  });

  test('finding 3: 200 beacons with a random X-Forwarded-For and User-Agent each are one reader: at most one read counted', async () => {
    const deadline = Date.now() + 60_000;
    const statuses: number[] = [];
    for (let i = 0; i < 200 && Date.now() < deadline; i++) {
      statuses.push(await beacon(server, SEED, { 'user-agent': CHROME(i), 'x-forwarded-for': randomAddress(), 'x-real-ip': randomAddress(), 'x-warta-client-address': randomAddress() }));
    }
    assert.equal(statuses.length, 200);
    assert.ok(statuses.every((s) => s === 204 || s === 429), `statuses: ${[...new Set(statuses)].join(', ')}`);
    assert.ok(statuses.includes(429), 'past 30 beacons a minute from one address: 429');
    assert.equal(storedViews(server, SEED), 1);
  });

  test("finding 5: Next.js's draft-mode cookie with the build's previewModeId shows no draft when PREVIEW_SECRET is unset", async () => {
    const previewModeId = JSON.parse(fs.readFileSync(path.join(DIST, 'prerender-manifest.json'), 'utf8')).preview.previewModeId as string;
    const cookie = `__prerender_bypass=${previewModeId}`;
    const draft = await get(server, `/berita/${DRAFT}`, { cookie });
    assert.equal(draft.response.status, 404);
    assert.ok(!draft.text.includes(DRAFT_TITLE));
    const home = await get(server, '/', { cookie });
    assert.ok(!home.text.includes(DRAFT_TITLE));
    assert.ok(!home.text.includes('/api/pratinjau/keluar'), 'no preview banner');
    assert.equal((await get(server, `/api/pratinjau?secret=&slug=${DRAFT}`)).response.status, 401);
  });

  test("finding 7: robots.txt, sitemaps, feeds and canonical URLs carry the build's SITE_URL", async () => {
    assert.ok((await get(server, '/robots.txt')).text.includes(`${BUILT_SITE_URL}/sitemap.xml`));
    assert.ok((await get(server, '/sitemap.xml')).text.includes(`${BUILT_SITE_URL}/`));
    assert.ok((await get(server, '/rss.xml')).text.includes(`${BUILT_SITE_URL}/berita/`));
    const article = (await get(server, `/berita/${SEED}`)).text;
    assert.ok(article.includes(`<link rel="canonical" href="${BUILT_SITE_URL}/berita/${SEED}"`));
  });

  test('finding 8: an article and a tag share their own card, which is served as a PNG', async () => {
    const pages = [
      [`/berita/${SEED}`, `/berita/${SEED}/opengraph-image`],
      [`/topik/${TAG}`, `/topik/${TAG}/opengraph-image`],
    ];
    for (const [page, image] of pages) {
      const html = (await get(server, page!)).text;
      assert.equal(metaContent(html, 'og:image'), `${BUILT_SITE_URL}${image}`, page);
      assert.equal(metaContent(html, 'twitter:image'), `${BUILT_SITE_URL}${image}`, page);
      const response = await fetch(`${server.url}${image}`, { signal: AbortSignal.timeout(30_000) });
      assert.equal(response.status, 200, image);
      assert.equal(response.headers.get('content-type'), 'image/png');
      assert.ok((await response.arrayBuffer()).byteLength > 1000);
    }
  });

  test('share images are cached publicly for an hour', async () => {
    for (const image of ['/opengraph-image', `/berita/${SEED}/opengraph-image`, `/topik/${TAG}/opengraph-image`]) {
      const response = await fetch(`${server.url}${image}`, { signal: AbortSignal.timeout(30_000) });
      await response.arrayBuffer();
      assert.equal(response.headers.get('cache-control'), 'public, max-age=3600, stale-while-revalidate=86400', image);
    }
  });

  test('feeds may be read by browser-based feed readers on other origins', async () => {
    for (const feed of ['/rss.xml', '/atom.xml', '/feed.json', `/topik/${TAG}/rss.xml`, `/rubrik/${SECTION}/rss.xml`]) {
      const response = await fetch(`${server.url}${feed}`, { signal: AbortSignal.timeout(15_000) });
      await response.arrayBuffer();
      assert.equal(response.status, 200, feed);
      assert.equal(response.headers.get('access-control-allow-origin'), '*', feed);
    }
  });

  test('HEAD on a cache miss has the headers of GET: the same CSP hashes and length', async () => {
    const compare = ['status', 'content-type', 'content-security-policy', 'content-length', 'content-encoding', 'cache-control', 'vary'];
    let n = 0;
    for (const page of [`/berita/${SEED}`, `/topik/${TAG}`, '/']) {
      for (const encoding of ['identity', 'br']) {
        // A query of its own for each request: both are misses of the one-second page cache.
        const head = await raw(server, 'HEAD', `${page}?miss=${++n}`, { 'accept-encoding': encoding });
        const full = await raw(server, 'GET', `${page}?miss=${++n}`, { 'accept-encoding': encoding });
        assert.equal(head.headers['x-warta-cache'], 'MISS');
        assert.equal(full.headers['x-warta-cache'], 'MISS');
        assert.equal(head.body.length, 0);
        // An article has an inline script (the read beacon): its hash must be in HEAD's policy too.
        if (page.startsWith('/berita/')) assert.match(String(head.headers['content-security-policy']), /'sha256-/);
        if (encoding === 'identity') assert.equal(Number(head.headers['content-length']), full.body.length);
        for (const name of compare) {
          const value = (r: typeof head) => (name === 'status' ? r.statusCode : r.headers[name]);
          assert.deepEqual(value(head), value(full), `${page} (${encoding}): ${name}`);
        }
      }
    }
  });
});

describe('behind a trusted proxy, with a SITE_URL that is not the build\'s', { timeout: 5 * 60_000 }, () => {
  let server: Server;

  test('starts, and warns that the running SITE_URL differs from the build\'s', async () => {
    server = await start({ TRUSTED_PROXIES: '127.0.0.1,::1', SITE_URL: 'https://lain.example' });
    assert.match(server.log(), /⚠.*SITE_URL is https:\/\/lain\.example but this build was made with/);
  });

  test('finding 3: distinct forwarded addresses are distinct readers; what a client adds on the left is not', async () => {
    const readers = Array.from({ length: 10 }, (_, i) => `198.51.100.${i + 1}`);
    for (const address of readers) assert.equal(await beacon(server, SEED, { 'x-forwarded-for': address }), 204);
    assert.equal(storedViews(server, SEED), 10);
    // One reader lying on the left of what the proxy appended, and in our own header: one read.
    for (let i = 0; i < 10; i++) {
      assert.equal(await beacon(server, OTHER, { 'x-forwarded-for': `${randomAddress()}, 203.0.113.9`, 'x-warta-client-address': randomAddress(), 'user-agent': CHROME(i) }), 204);
    }
    assert.equal(storedViews(server, OTHER), 1);
  });

  test("finding 7: pages keep the build's SITE_URL, also those rendered per request", async () => {
    assert.ok((await get(server, '/robots.txt')).text.includes(`${BUILT_SITE_URL}/sitemap.xml`));
    const search = (await get(server, '/cari?q=putin')).text;
    assert.ok(search.includes(`<link rel="canonical" href="${BUILT_SITE_URL}/cari"`), 'search page canonical');
    assert.ok(!search.includes('lain.example'));
  });
});

describe('preview sessions', { timeout: 5 * 60_000 }, () => {
  const cookiesOf = (response: Response) => response.headers.getSetCookie().map((c) => c.split(';')[0]!);
  let server: Server;
  let session: string[] = [];

  test("with PREVIEW_SECRET: the secret opens a session (our signed cookie beside Next.js's); the draft shows", async () => {
    server = await start({ PREVIEW_SECRET: 'rahasia-pratinjau-satu' });
    const { response } = await get(server, `/api/pratinjau?secret=rahasia-pratinjau-satu&slug=${DRAFT}`);
    assert.equal(response.status, 307);
    const ours = response.headers.getSetCookie().find((c) => c.startsWith('warta_pratinjau='));
    assert.ok(ours, 'our session cookie is set');
    assert.match(ours, /HttpOnly/i);
    assert.match(ours, /SameSite=Lax/i);
    assert.match(ours, /Path=\//);
    assert.doesNotMatch(ours, /Secure/i, 'not Secure over plain http');
    session = cookiesOf(response);
    const draft = await get(server, `/berita/${DRAFT}`, { cookie: session.join('; ') });
    assert.equal(draft.response.status, 200);
    assert.ok(draft.text.includes(DRAFT_TITLE));
  });

  test("Next.js's draft-mode cookie alone shows no draft, even with PREVIEW_SECRET set", async () => {
    const bypassOnly = session.filter((c) => c.startsWith('__prerender_bypass='));
    assert.equal(bypassOnly.length, 1);
    assert.equal((await get(server, `/berita/${DRAFT}`, { cookie: bypassOnly[0]! })).response.status, 404);
  });

  test('/keluar deletes both cookies', async () => {
    const { response } = await get(server, '/api/pratinjau/keluar', { cookie: session.join('; ') });
    assert.equal(response.status, 307);
    const cleared = response.headers.getSetCookie();
    for (const name of ['__prerender_bypass', 'warta_pratinjau']) {
      const line = cleared.find((c) => c.startsWith(`${name}=`));
      assert.ok(line && /Expires=Thu, 01 Jan 1970|Max-Age=0/i.test(line), `${name} is deleted: ${line}`);
    }
  });

  test('a changed secret ends the old session', async () => {
    await stop(server);
    server = await start({ PREVIEW_SECRET: 'rahasia-pratinjau-dua' });
    const draft = await get(server, `/berita/${DRAFT}`, { cookie: session.join('; ') });
    assert.equal(draft.response.status, 404);
    assert.ok(!draft.text.includes(DRAFT_TITLE));
  });
});

describe('configuration', { timeout: 2 * 60_000 }, () => {
  test('a bad TRUSTED_PROXIES stops the start, naming the variable and the fix', async () => {
    await assert.rejects(start({ TRUSTED_PROXIES: '127.0.0.1,localhost' }), (error: Error) => {
      assert.match(error.message, /server exited \(1\)/);
      assert.match(error.message, /TRUSTED_PROXIES has "localhost".*Set TRUSTED_PROXIES to a comma-separated list/);
      return true;
    });
  });
});
