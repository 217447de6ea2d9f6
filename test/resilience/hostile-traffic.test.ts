/**
 * Hostile traffic against the production server on 127.0.0.1 (issue 15): junk URLs that would
 * fill the disk, the image optimiser's spellings, slow senders, odd request targets, an incomplete
 * copy of the build. Every loop is bounded in requests and time. Run after npm run build.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { type RunningServer, sleep, startServer } from '../../scripts/production-server';

const PORT = Number(process.env.HOSTILE_PORT ?? 3220);
const DIST = path.resolve(process.env.WARTA_DIST_DIR ?? '.next');
const SEED = '/berita/putin-buka-peluang-kirim-senjata-ke-korea-utara';
const TAG = '/topik/hubungan-rusia-korea-utara';
const IMAGE = '/images/articles/bendera-rusia-korea-utara.png';

/** Sends one request with the target exactly as written (fetch and curl resolve dot segments) and returns the status, the headers and the body as sent. */
function raw(target: string, { method = 'GET', headers = '', port = PORT } = {}): Promise<{ status: number; head: string; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let data = '';
    socket.setTimeout(15_000, () => socket.destroy(new Error(`no answer to ${method} ${target}`)));
    socket.on('data', (chunk) => (data += chunk));
    socket.on('end', () => resolve({ status: Number(data.split(' ')[1]), head: data.split('\r\n\r\n')[0]!, body: data.split('\r\n\r\n').slice(1).join('\r\n\r\n') }));
    socket.on('error', reject);
    socket.write(`${method} ${target} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n${headers}\r\n`);
  });
}

/** Files and folders under a folder (the dist dir): what a request could leave on disk. */
function entriesUnder(dir: string): number {
  let count = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) if (entry.isFile() || entry.isDirectory()) count++;
  return count;
}

const random = () => Math.random().toString(36).slice(2, 10);
/** Junk spellings that name nothing: every route, behind every trick of path resolution. */
const JUNK: ((x: string) => string)[] = [
  (x) => `/berita/${x}`,
  (x) => `/berita/${x}/ringan`,
  (x) => `/berita/${x}/opengraph-image`,
  (x) => `${SEED}/opengraph-image-${x}`,
  (x) => `/topik/${x}`,
  (x) => `/topik/${x}/linimasa`,
  (x) => `/topik/${x}/rss.xml`,
  (x) => `/topik/${x}/opengraph-image`,
  (x) => `${TAG}/halaman/9${x.replace(/\D/g, '')}1`,
  (x) => `/rubrik/${x}`,
  (x) => `/rubrik/${x}/rss.xml`,
  (x) => `/rubrik/internasional/halaman/${x}`,
  (x) => `/penulis/${x}`,
  (x) => `/penulis/redaksi/halaman/8${x.replace(/\D/g, '')}`,
  (x) => `/sitemaps/${x.length}${x.length}.xml`,
  (x) => `/langsung/${x}`,
  (x) => `${TAG}/linimasa/${x}`,
  (x) => `${TAG}/linimasa/20${x.replace(/\D/g, '').slice(0, 2).padEnd(2, '0')}`,
  // The test-only failing page names nothing without WARTA_FAULT_INJECTION=1.
  () => '/uji-galat',
  (x) => `/${x}`,
];
const TRICKS: ((p: string) => string)[] = [
  (p) => p,
  (p) => `/.${p}`,
  (p) => `/x/..${p}`,
  (p) => `/%2e${p}`,
  (p) => `/%2E%2e/${p.slice(1)}`,
  (p) => `/${p}`,
  (p) => `/${p.slice(1).replace(/\//g, '\\')}`,
  (p) => p.replace(/^\/(\w)/, (_m, c: string) => `/%${c.charCodeAt(0).toString(16)}`),
  (p) => `${p}/.`,
  (p) => p.toUpperCase(),
];

describe('hostile traffic', { timeout: 10 * 60_000 }, () => {
  let server: RunningServer;
  before(async () => {
    server = await startServer(PORT, { WARTA_MAX_CONNECTIONS: '1000' });
  });
  after(() => server?.stop());

  test('junk URLs of every route and spelling answer 404 and write nothing under the dist dir', async () => {
    // The 404 page itself is cached once, on the first 404.
    await raw('/tidak-ada');
    const before = entriesUnder(DIST);
    const statuses = new Map<number, number>();
    for (let round = 0; round < 3; round++) {
      for (const junk of JUNK) {
        for (const trick of TRICKS) {
          const target = trick(junk(random()));
          const { status } = await raw(target, { method: round === 2 ? 'HEAD' : 'GET' });
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          assert.equal(status, 404, target);
        }
      }
    }
    assert.equal(statuses.get(404), 3 * JUNK.length * TRICKS.length);
    assert.equal(entriesUnder(DIST), before, 'junk requests left files under the dist dir');
  });

  test('the bundled server, the content database and the build\'s links are never served, however the path is spelled', async () => {
    assert.ok(fs.existsSync(path.join(DIST, 'warta-server.cjs')), 'the build has its bundled server');
    assert.ok(fs.existsSync('node_modules/.cache/warta/check-content.cjs'), 'npm run build left its bundled content check');
    const targets = [
      '/warta-server.cjs',
      '/.next/warta-server.cjs',
      '/_next/warta-server.cjs',
      '/_next/static/../warta-server.cjs',
      '/_next/static/..%2fwarta-server.cjs',
      '/_next/static/%2e%2e/%2e%2e/warta-server.cjs',
      '/_next/static/..%5cwarta-server.cjs',
      '/_next/static/../cache/warta-content/content.db',
      '/_next/static/..%2fcache%2fwarta-content%2fcontent.db',
      '/_next/node_modules/zod/package.json',
      // The content check and its index thread, as npm run build bundles them (server/bundle.cjs).
      '/node_modules/.cache/warta/check-content.cjs',
      '/_next/static/../../node_modules/.cache/warta/index-thread.cjs',
      '/_next/static/..%2f..%2fnode_modules%2f.cache%2fwarta%2fcheck-content.cjs',
      '/_next/static/%2e%2e/%2e%2e/node_modules/.cache/warta/index-thread.cjs',
      '/images/..%5c..%5cnode_modules%5c.cache%5cwarta%5ccheck-content.cjs',
      '/lib/search/search-index.ts',
      '/server/start.cjs',
      '/server/bundle.cjs',
      '/next.config.js',
      '/package.json',
    ];
    const bundled = /bundled by (next|npm run) build|SQLite format/;
    for (const target of targets) {
      const answer = await raw(target);
      assert.ok([301, 308, 400, 404].includes(answer.status), `${target}: ${answer.status}`);
      assert.doesNotMatch(answer.body, bundled, `${target} answered with a bundle or the database`);
      const location = /^location: (.*)$/im.exec(answer.head)?.[1]?.trim();
      // A redirect only ever names this site's own spelling of the path, which is not there either.
      if (location) {
        assert.ok(location.startsWith('/'), `${target} redirects off the site: ${location}`);
        const followed = await fetch(`${server.url}${location}`);
        assert.equal(followed.status, 404, `${target} → ${location}`);
        assert.doesNotMatch(await followed.text(), bundled);
      }
    }
  });

  test('hostile searches get a normal page, cost a bounded time and log no error', async () => {
    const logBefore = server.log().length;
    const queries = ['"', 'NEAR(a b)', 'a* OR b^', 'title:putin', '"korea utara', ')(', 'x'.repeat(10_000), '%00', 'putin" OR "1"="1'];
    const started = performance.now();
    for (const q of queries) {
      for (const extra of ['', '&urut=terbaru', '&tahun=99999', '&rubrik=%3Cx%3E&topik=../../etc', '&halaman=-1', '&halaman=999999999999']) {
        const response = await fetch(`http://127.0.0.1:${PORT}/cari?q=${encodeURIComponent(q)}${extra}`);
        assert.equal(response.status, 200, `${q.slice(0, 20)} ${extra}`);
        assert.match(await response.text(), /<h1[^>]*>/);
      }
    }
    assert.ok(performance.now() - started < 60_000, 'hostile searches took more than a minute');
    await sleep(200);
    assert.doesNotMatch(server.log().slice(logBefore), /request failed|Error|at /);
  });

  test('a shared search page cannot be poisoned: framework requests, spoofed hosts and cookies never reach readers', async () => {
    const target = `/cari?q=putin&poison=${random()}`;
    // The App Router's own request for the same URL answers its payload, not the page: never kept.
    const rsc = await raw(target, { headers: 'RSC: 1\r\nNext-Router-State-Tree: %5B%22%22%5D\r\n' });
    assert.doesNotMatch(rsc.head, /x-warta-cache: HIT/i);
    // A spoofed host and forwarded host, and a made-up draft-mode cookie, on the same URL.
    await raw(target, { headers: 'X-Forwarded-Host: evil.example\r\nX-Forwarded-Proto: http\r\nX-Original-URL: /keluar\r\n' });
    const cookie = await raw(target, { headers: 'Cookie: __prerender_bypass=junk; __next_preview_data=junk\r\n' });
    assert.equal(cookie.status, 200);
    assert.doesNotMatch(cookie.head, /x-warta-cache: HIT/i, 'a request with cookies was answered from the shared copy');
    for (let i = 0; i < 2; i++) {
      const response = await fetch(`http://127.0.0.1:${PORT}${target}`, { headers: { Host: 'evil.example' } });
      const html = await response.text();
      assert.equal(response.status, 200);
      assert.match(response.headers.get('content-type') ?? '', /^text\/html/);
      assert.match(html, /<h1[^>]*>Hasil pencarian: putin<\/h1>/);
      assert.doesNotMatch(html, /evil\.example/);
      assert.match(response.headers.get('cache-control') ?? '', /s-maxage=60/);
    }
  });

  test('a flood of different searches keeps memory bounded, writes nothing and leaves the page cache working', async () => {
    const rss = () => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${server.child.pid}/status`, 'utf8'))![1]) * 1024;
    const before = entriesUnder(DIST);
    const rssBefore = rss();
    const started = performance.now();
    // Each its own URL, so each is rendered and offered to the page cache (which keeps at most 500).
    for (let i = 0; i < 600; i++) {
      const q = i % 3 === 0 ? `putin ${random()}` : i % 3 === 1 ? random() : `korea utara ${i}`;
      const response = await fetch(`http://127.0.0.1:${PORT}/cari?q=${encodeURIComponent(q)}&junk=${random()}`);
      assert.equal(response.status, 200);
      await response.arrayBuffer();
    }
    assert.ok(performance.now() - started < 120_000, 'a flood of 600 searches took more than two minutes');
    assert.equal(entriesUnder(DIST), before, 'searches left files under the dist dir');
    assert.ok(rss() - rssBefore < 200 * 1024 * 1024, `the server grew by ${Math.round((rss() - rssBefore) / 1048576)} MiB`);
    const again = `/cari?q=korea&ulang=${random()}`;
    await fetch(`http://127.0.0.1:${PORT}${again}`).then((r) => r.arrayBuffer());
    assert.equal((await fetch(`http://127.0.0.1:${PORT}${again}`)).headers.get('x-warta-cache'), 'HIT');
  });

  test('images with any deployment id are encoded once; a malformed or second id is refused', async () => {
    const url = (dpl: string) => `/_next/image?url=${encodeURIComponent(IMAGE)}&w=750&q=75&dpl=${dpl}`;
    assert.equal((await raw(url('pertama'), { headers: 'Accept: image/avif\r\n' })).status, 200);
    const cache = path.join(DIST, 'cache', 'images');
    const before = entriesUnder(cache);
    for (let n = 0; n < 30; n++) assert.equal((await raw(url(`id-${random()}`), { headers: 'Accept: image/avif\r\n' })).status, 200);
    assert.equal(entriesUnder(cache), before, 'a new deployment id made a new image cache entry');
    for (const bad of ['x'.repeat(65), '%2e%2e', 'a%20b', '', 'a&dpl=b']) assert.equal((await raw(url(bad), { headers: 'Accept: image/avif\r\n' })).status, 400, bad);
  });

  test('other spellings of a page redirect to its own URL on this site', async () => {
    for (const target of [`/.${SEED}`, `/x/..${SEED}`, `/%2e${SEED}`, `/${SEED}`, SEED.toUpperCase(), `${SEED}/`, `/%62${SEED.slice(2)}`]) {
      const { status, head } = await raw(`${target}?utm=1`);
      assert.equal(status, 308, target);
      assert.match(head, new RegExp(`\r\nlocation: ${SEED}\\?utm=1\r\n`, 'i'), target);
    }
  });

  test('the image optimiser answers each image one way and refuses every other spelling with 400', async () => {
    const ok = `/_next/image?url=${encodeURIComponent(IMAGE)}&w=640&q=75`;
    const first = await raw(ok, { headers: 'Accept: image/avif,image/webp\r\n' });
    assert.equal(first.status, 200);
    assert.match(first.head, /content-type: image\/avif/i);
    const cache = path.join(DIST, 'cache', 'images');
    const before = entriesUnder(cache);
    const spellings = [
      (n: number) => `/_next/image?url=${encodeURIComponent(`${IMAGE}#${n}`)}&w=640&q=75`,
      (n: number) => `/_next/image?url=${encodeURIComponent(`${IMAGE}?v=${n}`)}&w=640&q=75`,
      (n: number) => `/_next/image?url=${encodeURIComponent(`/.${IMAGE}`)}&w=640&q=75&n=${n}`,
      (n: number) => `/_next/image?url=${encodeURIComponent(`/images/${n}/..${IMAGE.slice(7)}`)}&w=640&q=75`,
      (n: number) => `/_next/image?url=${encodeURIComponent(IMAGE)}&w=${641 + n}&q=75`,
      (n: number) => `/_next/image?url=${encodeURIComponent(IMAGE)}&w=640&q=${(n % 99) + 1 === 75 ? 76 : (n % 99) + 1}`,
      (n: number) => `/_next/image?url=%2Fimages%2Ftidak-ada-${n}.png&w=640&q=75`,
      (n: number) => `/_next/image?url=${encodeURIComponent(IMAGE)}&w=640&q=75&x=${n}`,
    ];
    const started = performance.now();
    for (let n = 0; n < 25; n++) {
      for (const spell of spellings) assert.equal((await raw(spell(n), { headers: 'Accept: image/avif\r\n' })).status, 400, spell(n));
    }
    // 200 refusals cost no encode: each is answered before the optimiser (an encode takes about 0.3 s).
    assert.ok(performance.now() - started < 30_000);
    assert.equal(entriesUnder(cache), before, 'refused image requests left files in the image cache');
    assert.equal((await raw(ok, { headers: 'Accept: image/avif,image/webp\r\n' })).status, 200);
  });

  test('the image cache is bounded in the build', () => {
    const config = JSON.parse(fs.readFileSync(path.join(DIST, 'required-server-files.json'), 'utf8')).config.images;
    assert.ok(config.maximumDiskCacheSize > 0 && config.maximumDiskCacheSize <= 512 * 1024 * 1024, String(config.maximumDiskCacheSize));
    assert.ok(config.localPatterns.some((p: { pathname: string; search: string }) => p.pathname === '/images/**' && p.search === ''));
  });

  test('slow senders are dropped and readers are served while 400 slow connections are open', async () => {
    const opened = performance.now();
    const closedAfter: number[] = [];
    const sockets: net.Socket[] = [];
    const trickle = (socket: net.Socket, bytes: string[]) => {
      const timer = setInterval(() => (bytes.length > 0 && !socket.destroyed ? socket.write(bytes.shift()!) : clearInterval(timer)), 1000);
      socket.on('close', () => {
        clearInterval(timer);
        closedAfter.push(performance.now() - opened);
      });
    };
    for (let i = 0; i < 400; i++) {
      const socket = net.connect(PORT, '127.0.0.1');
      socket.on('error', () => {});
      sockets.push(socket);
      if (i % 2 === 0) {
        // Headers one byte a second: would take minutes to finish.
        socket.on('connect', () => trickle(socket, [...`GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Lambat: ${'a'.repeat(200)}\r\n\r\n`]));
      } else {
        // Headers at once, then a body of 200 bytes one byte a second.
        socket.on('connect', () => {
          socket.write('POST /api/terbaca HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\nContent-Length: 200\r\nUser-Agent: Mozilla/5.0\r\n\r\n');
          trickle(socket, [...'a'.repeat(200)]);
        });
      }
    }
    await sleep(2_000);
    // Readers meanwhile: every page answered, promptly.
    for (let i = 0; i < 30; i++) {
      const t = performance.now();
      for (const page of ['/', SEED, TAG]) assert.equal((await fetch(`http://127.0.0.1:${PORT}${page}`)).status, 200, page);
      assert.ok(performance.now() - t < 5_000, 'a reader waited more than 5 s');
    }
    // Header tricklers within 30 s, body tricklers once the request time is up.
    const deadline = performance.now() + 45_000;
    while (closedAfter.length < 400 && performance.now() < deadline) await sleep(500);
    for (const socket of sockets) socket.destroy();
    assert.equal(closedAfter.length, 400, 'some slow connections were still open after 45 s');
    assert.ok(Math.max(...closedAfter) < 40_000, `slowest dropped after ${Math.round(Math.max(...closedAfter) / 1000)} s`);
    assert.equal((await fetch(`http://127.0.0.1:${PORT}/`)).status, 200);
  });

  test('odd request targets: * gets 400 without a stack trace, absolute-form never redirects elsewhere', async () => {
    const logBefore = server.log().length;
    for (let i = 0; i < 20; i++) assert.equal((await raw('*')).status, 400);
    assert.equal((await raw('*', { method: 'OPTIONS' })).status, 400);
    const absolute = await raw('http://evil.example/BERITA/PUTIN-BUKA-PELUANG-KIRIM-SENJATA-KE-KOREA-UTARA');
    assert.equal(absolute.status, 308);
    assert.match(absolute.head, new RegExp(`\r\nlocation: ${SEED}\r\n`, 'i'));
    assert.doesNotMatch(absolute.head, /evil/);
    assert.equal((await raw(`http://evil.example${SEED}`)).status, 200);
    await sleep(200);
    const logged = server.log().slice(logBefore);
    assert.doesNotMatch(logged, /request failed|Error|at /);
  });

  test('a connection past the cap is closed at once, and the server serves again when connections drop', async () => {
    const capped = await startServer(PORT + 1, { WARTA_MAX_CONNECTIONS: '20' });
    try {
      const idle = await Promise.all(Array.from({ length: 20 }, () => new Promise<net.Socket>((resolve) => {
        const socket = net.connect(PORT + 1, '127.0.0.1', () => resolve(socket));
        socket.on('error', () => {});
      })));
      await sleep(300);
      // A new connection of its own (fetch would reuse the one that probed the start).
      const past = await raw('/', { port: PORT + 1 }).catch(() => ({ status: 0 }));
      assert.ok(!(past.status > 0), `the 21st connection was answered ${past.status}`);
      for (const socket of idle) socket.destroy();
      await sleep(300);
      assert.equal((await raw('/', { port: PORT + 1 })).status, 200);
    } finally {
      await capped.stop();
    }
  });
});

describe('a start that cannot work', { timeout: 120_000 }, () => {
  /** npm start with `env`: it must exit 1 with a message, not a stack trace. Returns what it printed. */
  const failedStart = (env: Record<string, string>): string => {
    const started = spawnSync(process.execPath, ['server/start.cjs'], {
      env: { ...process.env, NODE_ENV: 'production', PORT: String(PORT + 2), HOST: '127.0.0.1', ...env },
      encoding: 'utf8',
      timeout: 60_000,
    });
    assert.equal(started.status, 1, started.stdout + started.stderr);
    assert.doesNotMatch(started.stderr, /\n\s+at /, 'a stack trace instead of the message');
    return started.stderr;
  };

  test('a bad environment variable stops the start, named with its fix', () => {
    const printed = failedStart({ PORT: 'delapan-ribu', WARTA_PAGE_CACHE_MS: '-5' });
    assert.match(printed, /PORT="delapan-ribu": must be a whole number/);
    assert.match(printed, /WARTA_PAGE_CACHE_MS="-5"/);
  });

  test('a build folder without the bundled server refuses to start and says to build', () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'warta-no-build-'));
    try {
      const printed = failedStart({ WARTA_DIST_DIR: empty });
      assert.match(printed, /warta-server\.cjs is missing/);
      assert.match(printed, /run npm run build/);
    } finally {
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });

  test('invalid content with no database to start from stops the start with every problem listed', () => {
    const copy = '.next-invalid-content-copy';
    const contentDir = fs.mkdtempSync(path.join(os.tmpdir(), 'warta-invalid-content-'));
    fs.rmSync(copy, { recursive: true, force: true });
    // The build without its cache: no content.db, so the server writes one from the folder.
    fs.cpSync(DIST, copy, { recursive: true, verbatimSymlinks: true, filter: (source) => !source.startsWith(path.join(DIST, 'cache')) });
    fs.cpSync('content', contentDir, { recursive: true });
    const story = path.join(contentDir, 'articles', fs.readdirSync(path.join(contentDir, 'articles'))[0]!);
    fs.writeFileSync(story, fs.readFileSync(story, 'utf8').replace(/^section: .*$/m, 'section: tidak-ada'));
    try {
      const printed = failedStart({ WARTA_DIST_DIR: copy, WARTA_CONTENT_DIR: contentDir });
      assert.match(printed, /Warta cannot start\. Content has 1 problem/);
      assert.match(printed, new RegExp(`${path.basename(story)}:\\d+ — field "section"`));
      assert.match(printed, /Fix: /);
    } finally {
      fs.rmSync(copy, { recursive: true, force: true });
      fs.rmSync(contentDir, { recursive: true, force: true });
    }
  });

  test('a copy of the build without its links to native packages refuses to start and says what is missing', () => {
    const copy = '.next-incomplete-copy';
    fs.rmSync(copy, { recursive: true, force: true });
    fs.cpSync(DIST, copy, { recursive: true, verbatimSymlinks: true, filter: (source) => !source.startsWith(path.join(DIST, 'cache')) });
    fs.rmSync(path.join(copy, 'node_modules'), { recursive: true, force: true });
    try {
      const printed = failedStart({ WARTA_DIST_DIR: copy });
      assert.match(printed, /node_modules\/ is missing/);
      assert.match(printed, /docs\/operations\.md/);
    } finally {
      fs.rmSync(copy, { recursive: true, force: true });
    }
  });
});
