import fs from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { PREVIEW_TEST_SECRET } from '../playwright.config';
import { RU_NK_TAG, SEED } from './support';

/** A draft: opening its preview turns draft mode on (e2e/newsroom.spec.ts). */
const DRAFT_SLUG = 'rusia-korea-utara-mulai-bangun-jembatan-sungai-tumen';

// HTTP caching fit for a CDN: HTML fresh for a minute at the edge and served stale while it
// regenerates; fingerprinted assets cached for a year; everything text compressed.
test.describe('HTTP caching and compression', () => {
  test('home, tag and article pages: s-maxage=60 with stale-while-revalidate, never cached privately for long', async ({ request }) => {
    for (const path of ['/', RU_NK_TAG, SEED, `${RU_NK_TAG}/linimasa`, '/rubrik/ekonomi', '/rss.xml', '/sitemap.xml']) {
      const cacheControl = (await request.get(path)).headers()['cache-control'] ?? '';
      expect(cacheControl, path).toMatch(/s-maxage=60\b/);
      expect(cacheControl, path).toMatch(/stale-while-revalidate=\d+/);
      expect(cacheControl, path).not.toMatch(/\bmax-age=(?!0\b)\d{4,}/);
    }
  });

  test('the server keeps a finished page for a second: a repeat is the same page from memory', async ({ request }) => {
    const first = await request.get(RU_NK_TAG);
    const second = await request.get(RU_NK_TAG);
    expect(second.headers()['x-warta-cache']).toBe('HIT');
    expect(await second.text()).toBe(await first.text());
    expect(second.headers()['content-security-policy']).toBe(first.headers()['content-security-policy']);
  });

  test('search answers are shared like other pages: kept a second by the server, a minute by a CDN, never for an editor', async ({ request, playwright }) => {
    const path = `/cari?q=putin&n=${Math.random()}`;
    const first = await request.get(path);
    expect(first.headers()['cache-control']).toMatch(/s-maxage=60\b/);
    expect(first.headers()['cache-control']).toMatch(/stale-while-revalidate=\d+/);
    const second = await request.get(path);
    expect(second.headers()['x-warta-cache']).toBe('HIT');
    expect(await second.text()).toBe(await first.text());
    // Another query is another page.
    expect((await request.get(`/cari?q=korea&n=${Math.random()}`)).headers()['x-warta-cache']).not.toBe('HIT');
    // Draft mode (the preview cookie): rendered for the editor alone, never shared.
    const editor = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
    await editor.get(`/api/pratinjau?secret=${PREVIEW_TEST_SECRET}&slug=${DRAFT_SLUG}`, { maxRedirects: 0 });
    const preview = await editor.get(path);
    expect(preview.headers()['x-warta-cache']).toBeUndefined();
    expect(preview.headers()['cache-control']).toMatch(/private|no-store/);
    await editor.dispose();
  });

  test('fingerprinted JavaScript and CSS are immutable for a year; images a day', async ({ request, page }) => {
    await page.goto(SEED);
    const stylesheets = await page.evaluate(() => [...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')].map((el) => el.href));
    expect(stylesheets.length).toBeGreaterThan(0);
    // Pages load no script (docs/decisions/0002-document-only-pages.md); the build's chunks are
    // still served, to error pages, and get the same caching.
    for (const url of [...stylesheets, builtScript()]) {
      expect((await request.get(url)).headers()['cache-control'], url).toBe('public, max-age=31536000, immutable');
    }
    const image = await page.locator('article figure img').first().getAttribute('src');
    const original = decodeURIComponent(/url=([^&]+)/.exec(image ?? '')?.[1] ?? '');
    expect((await request.get(original)).headers()['cache-control']).toMatch(/max-age=86400/);
  });

  test('HTML, JavaScript and feeds are compressed: brotli when accepted, else gzip', async ({ request }) => {
    for (const path of [SEED, '/', builtScript(), '/rss.xml']) {
      const br = await request.get(path, { headers: { 'Accept-Encoding': 'br, gzip' } });
      expect(br.headers()['content-encoding'], path).toBe('br');
      const gzip = await request.get(path, { headers: { 'Accept-Encoding': 'gzip' } });
      expect(gzip.headers()['content-encoding'], path).toBe('gzip');
    }
  });
});

/** URL of one JavaScript chunk of the build the test server runs. */
function builtScript(): string {
  const chunks = join(process.env.WARTA_DIST_DIR ?? '.next', 'static', 'chunks');
  const name = fs.readdirSync(chunks).find((file) => file.endsWith('.js'));
  if (!name) throw new Error(`no .js file in ${chunks}: run npm run build first`);
  return `/_next/static/chunks/${name}`;
}
