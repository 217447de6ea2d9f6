/**
 * Publishing without a rebuild, against a real production build and server:
 * - a scheduled story is nowhere (page, home, feed, sitemap, search) until its time, then appears
 *   within a minute by time-based revalidation — the server's clock is controlled with
 *   WARTA_CLOCK_START so the story's time arrives 20 s after the server starts;
 * - POST /api/revalidate: 401 without the secret, 400 for a malformed body, 422 (and nothing
 *   changed) when content is invalid, and a new story on its page and the home page at once.
 * It builds a copy of content/ into its own dist folder (.next-publishing), so it never touches
 * the main build. Run with `npm run test:publishing` (part of `npm test`).
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { hashScripts } from '../../server/csp';
import { type RunningServer, startServer } from '../../scripts/production-server';

const PORT = Number(process.env.PUBLISHING_PORT ?? 3210);
const BASE = `http://127.0.0.1:${PORT}`;
const SECRET = 'rahasia-uji-revalidasi';
const DIST = '.next-publishing';
const SCHEDULED = 'uji-berita-terjadwal';
const FRESH = 'uji-berita-revalidasi';
/** The scheduled story's time, in real time: well after the build ends. */
const publishAt = new Date(Date.now() + 60 * 60_000);
/** The server's clock starts this long before the story's time. */
const LEAD_MS = 20_000;

const contentDir = fs.mkdtempSync(path.join(os.tmpdir(), 'warta-publishing-'));
let server: RunningServer | undefined;
let serverStartedAt = 0;

function article(slug: string, title: string, publishedAt: string): string {
  return `---
title: "${title}"
summary: "Artikel uji untuk ${slug}: dipakai oleh tes penerbitan, tidak pernah ada di content/."
publishedAt: "${publishedAt}"
section: nasional
tags:
  - pemilu-2024
authors:
  - redaksi
---

Ini artikel uji. Isinya tidak penting; yang diuji adalah kapan artikel ini muncul di situs.
`;
}

/** ISO time in Jakarta, as editors write it. */
const jakarta = (d: Date) => new Date(d.getTime() + 7 * 3600_000).toISOString().replace(/\.\d+Z$/, '+07:00');

async function get(pathname: string): Promise<{ status: number; body: string; csp: string | null }> {
  const response = await fetch(BASE + pathname);
  return { status: response.status, body: await response.text(), csp: response.headers.get('content-security-policy') };
}

async function revalidate(body: string, secret = SECRET) {
  const response = await fetch(`${BASE}/api/revalidate`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${secret}`, 'Content-Type': 'application/json' },
    body,
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

/** Where readers could find the story: its page, the home page, the feed, the sitemap, search. */
async function visibility(slug: string) {
  const [page, home, rss, sitemap, search] = await Promise.all([
    get(`/berita/${slug}`),
    get('/'),
    get('/rss.xml'),
    get('/sitemap.xml'),
    get(`/cari?q=${encodeURIComponent('artikel uji')}`),
  ]);
  return {
    page: page.status === 200,
    home: home.body.includes(`/berita/${slug}"`),
    rss: rss.body.includes(`/berita/${slug}<`),
    sitemap: sitemap.body.includes(`/berita/${slug}<`),
    search: search.body.includes(`/berita/${slug}"`),
  };
}

before(async () => {
  fs.cpSync('content', contentDir, { recursive: true });
  fs.writeFileSync(path.join(contentDir, 'articles', `${SCHEDULED}.md`), article(SCHEDULED, 'Uji berita terjadwal', jakarta(publishAt)));
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', WARTA_CONTENT_DIR: contentDir, WARTA_DIST_DIR: DIST };
  execFileSync(process.execPath, ['node_modules/next/dist/bin/next', 'build'], { env, stdio: 'inherit' });

  server = await startServer(PORT, {
    WARTA_CONTENT_DIR: contentDir,
    WARTA_DIST_DIR: DIST,
    REVALIDATE_SECRET: SECRET,
    WARTA_CLOCK_START: new Date(publishAt.getTime() - LEAD_MS).toISOString(),
  }, '/', 60_000);
  serverStartedAt = Date.now();
});

after(() => {
  server?.child.kill('SIGKILL');
  fs.rmSync(contentDir, { recursive: true, force: true });
  fs.rmSync(DIST, { recursive: true, force: true });
  if (process.exitCode) console.log(server?.log());
});

test('a scheduled story is nowhere before its time', async () => {
  assert.deepEqual(await visibility(SCHEDULED), { page: false, home: false, rss: false, sitemap: false, search: false });
  assert.equal((await get(`/berita/${SCHEDULED}`)).status, 404);
});

test('a scheduled story appears everywhere within a minute of its time, without a rebuild', async () => {
  const publishedAtServer = serverStartedAt + LEAD_MS;
  const deadline = publishedAtServer + 60_000 + 15_000; // revalidate = 60 s, plus one regeneration
  let seen = await visibility(SCHEDULED);
  while (Object.values(seen).includes(false) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 3000));
    seen = await visibility(SCHEDULED);
  }
  assert.deepEqual(seen, { page: true, home: true, rss: true, sitemap: true, search: true }, `not everywhere ${Math.round((Date.now() - publishedAtServer) / 1000)} s after its time`);
  // Regenerated pages still carry a CSP that matches their scripts exactly.
  const home = await get('/');
  for (const hash of hashScripts(home.body)) assert.ok(home.csp?.includes(hash), `home CSP lacks ${hash}`);
});

test('POST /api/revalidate refuses a missing or wrong secret with 401', async () => {
  assert.equal((await fetch(`${BASE}/api/revalidate`, { method: 'POST', body: '{"slugs":["x"]}' })).status, 401);
  assert.equal((await revalidate('{"slugs":["x"]}', 'salah')).status, 401);
});

test('POST /api/revalidate answers a malformed body with 400 and the reason', async () => {
  const notJson = await revalidate('slugs=x');
  assert.equal(notJson.status, 400);
  assert.match(String(notJson.json.error), /not JSON/);
  const badSlug = await revalidate('{"slugs":["Bukan Slug"]}');
  assert.equal(badSlug.status, 400);
  assert.match(String(badSlug.json.error), /slugs\.0.*article slug/);
  const empty = await revalidate('{"slugs":[]}');
  assert.equal(empty.status, 400);
  assert.match(String(empty.json.error), /at least one/);
});

test('POST /api/revalidate keeps serving the old content when the new content is invalid (422)', async () => {
  const broken = path.join(contentDir, 'articles', 'rusak.md');
  fs.writeFileSync(broken, '---\ntitle: "Tanpa tanggal"\n---\nIsi.\n');
  try {
    const result = await revalidate(`{"slugs":["${SCHEDULED}"]}`);
    assert.equal(result.status, 422);
    assert.match(JSON.stringify(result.json.problems), /rusak\.md.*publishedAt/);
    assert.equal((await get('/')).status, 200);
  } finally {
    fs.rmSync(broken);
  }
});

test('POST /api/revalidate puts a new story on its page and the home page at once', async () => {
  assert.equal((await get(`/berita/${FRESH}`)).status, 404);
  // The server's clock is an hour ahead of real time: "now" for the server.
  const serverNow = new Date(publishAt.getTime() - LEAD_MS + (Date.now() - serverStartedAt));
  fs.writeFileSync(path.join(contentDir, 'articles', `${FRESH}.md`), article(FRESH, 'Uji berita revalidasi', jakarta(new Date(serverNow.getTime() - 60_000))));
  const result = await revalidate(`{"slugs":["${FRESH}"]}`);
  assert.equal(result.status, 200, JSON.stringify(result.json));
  assert.ok((result.json.revalidated as string[]).includes('/topik/pemilu-2024'));
  const page = await get(`/berita/${FRESH}`);
  assert.equal(page.status, 200);
  assert.match(page.body, /Uji berita revalidasi/);
  assert.match((await get('/')).body, new RegExp(`/berita/${FRESH}"`));
  assert.match((await get('/topik/pemilu-2024')).body, new RegExp(`/berita/${FRESH}"`));
  const unknown = await revalidate('{"slugs":["tidak-pernah-ada"]}');
  assert.equal(unknown.status, 404);
});

test('a running live report leads the home page with LANGSUNG, and a new entry shows at once after POST /api/revalidate', async () => {
  const serverNow = () => new Date(publishAt.getTime() - LEAD_MS + (Date.now() - serverStartedAt));
  const start = new Date(serverNow().getTime() - 30 * 60_000);
  const file = path.join(contentDir, 'live', 'uji-liputan-langsung.md');
  const entry = (id: string, at: Date, text: string) => `:::entri{id="${id}" waktu="${jakarta(at)}"}\n${text}\n:::\n`;
  const report = (entries: string) =>
    `---\ntitle: "Langsung: Uji Liputan"\nsummary: "Liputan langsung uji, tidak pernah ada di content/."\nstatus: berlangsung\ncoverageStart: "${jakarta(start)}"\nsection: nasional\ntags: [pemilu-2024]\nauthors: [redaksi]\n---\n\n${entries}`;
  fs.writeFileSync(file, report(entry('pertama', new Date(start.getTime() + 60_000), 'Pembaruan pertama.')));
  assert.equal((await revalidate('{"slugs":["uji-liputan-langsung"]}')).status, 200);
  const home = (await get('/')).body;
  assert.match(home, /aria-labelledby="liputan-berlangsung"[\s\S]*?Langsung<\/span>[\s\S]*?href="\/langsung\/uji-liputan-langsung"/);
  const running = await get('/langsung/uji-liputan-langsung');
  assert.match(running.body, /Pembaruan pertama\./);
  // While it runs, the page may offer new entries without a reload: a hidden button and a hashed script.
  assert.match(running.body, /<button id="pembaruan-baru" type="button" hidden=""/);
  for (const hash of hashScripts(running.body)) assert.ok(running.csp?.includes(hash), `live page CSP lacks ${hash}`);
  assert.equal(hashScripts(running.body).length, 1);

  // A new entry on top, then revalidation: on the page at once, not after a minute.
  fs.writeFileSync(file, report(entry('kedua', new Date(serverNow().getTime() - 60_000), 'Pembaruan kedua.') + entry('pertama', new Date(start.getTime() + 60_000), 'Pembaruan pertama.')));
  const result = await revalidate('{"slugs":["uji-liputan-langsung"]}');
  assert.equal(result.status, 200, JSON.stringify(result.json));
  assert.ok((result.json.revalidated as string[]).includes('/langsung/uji-liputan-langsung'));
  const page = (await get('/langsung/uji-liputan-langsung')).body;
  assert.ok(page.indexOf('Pembaruan kedua.') > 0 && page.indexOf('Pembaruan kedua.') < page.indexOf('Pembaruan pertama.'), 'the new entry is not first');

  // Entries out of order are refused with the file and line, and the page stays as it was.
  fs.writeFileSync(file, report(entry('pertama', new Date(start.getTime() + 60_000), 'Pembaruan pertama.') + entry('kedua', new Date(serverNow().getTime() - 60_000), 'Pembaruan kedua.')));
  const refused = await revalidate('{"slugs":["uji-liputan-langsung"]}');
  assert.equal(refused.status, 422);
  assert.match(JSON.stringify(refused.json.problems), /uji-liputan-langsung\.md:14.*later than the one above it/);
  assert.match((await get('/langsung/uji-liputan-langsung')).body, /Pembaruan kedua\./);
  fs.rmSync(file);
});
