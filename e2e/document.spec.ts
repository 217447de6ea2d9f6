import { expect, test } from '@playwright/test';
import { RU_NK_TAG, SEED } from './support';

// Pages reach the browser as plain documents, without the framework runtime or the RSC payload
// (server/document-only.ts, docs/decisions/0002-document-only-pages.md).
const PAGES = ['/', SEED, RU_NK_TAG, `${RU_NK_TAG}/linimasa`, '/topik', '/rubrik/ekonomi', '/penulis/redaksi', '/cari?q=putin', '/tidak-ada'];
/** Every page type, for the checks that read HTML only. */
const PAGE_TYPES = [...PAGES, `${SEED}/ringan`, `${RU_NK_TAG}/halaman/2`, '/rubrik/internasional', '/cari?q=zzzzqqq'];

test.describe('pages as plain documents', () => {
  test('load no script file and carry no framework payload; only our small inline scripts run', async ({ page }) => {
    for (const path of PAGES) {
      const scriptFiles: string[] = [];
      const listener = (request: { resourceType(): string; url(): string }) => {
        if (request.resourceType() === 'script') scriptFiles.push(request.url());
      };
      page.on('request', listener);
      const response = await page.goto(path, { waitUntil: 'load' });
      const html = (await response?.text()) ?? '';
      page.off('request', listener);
      expect(scriptFiles, path).toEqual([]);
      expect(html, path).not.toContain('self.__next_f');
      expect(html, path).not.toMatch(/<script[^>]*\ssrc=/);
      expect(html, path).not.toMatch(/<link[^>]*rel="(?:preload|modulepreload)"[^>]*\.js"/);
      // Executable inline scripts: at most the read beacon, a few hundred bytes.
      const inline = [...html.matchAll(/<script(?![^>]*type="application\/ld\+json")[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
      expect(inline.join('').length, path).toBeLessThan(600);
      // The page is whole without the runtime: its main heading is there and visible.
      await expect(page.getByRole('heading', { level: 1 }).first(), path).toBeVisible();
    }
  });

  test('an article keeps its JSON-LD, stylesheet and image preload, and is less than half what it was', async ({ request }) => {
    const html = await (await request.get(SEED)).text();
    expect(html).toMatch(/<script type="application\/ld\+json">\[?\{"@context":"https:\/\/schema.org"/);
    // The build's deployment id rides on asset URLs (next.config.js, docs/decisions/0010).
    const css = /<link rel="stylesheet" href="(\/_next\/static\/[^"?]+\.css\?dpl=[A-Za-z0-9_-]+)"/.exec(html)?.[1];
    expect(css).toBeDefined();
    expect((await request.get(css!)).status()).toBe(200);
    expect(html).toMatch(/<link rel="preload" as="image"/);
    // With the RSC payload this page was about 60 KB of HTML.
    expect(html.length).toBeLessThan(30_000);
  });

  test('no page has a Suspense boundary that React outlined (it would stay hidden without the runtime)', async ({ request }) => {
    // facebook/react#33027: past about 12.8 KB of HTML, a completed boundary over 500 bytes is sent
    // hidden and revealed by an inline $RC script. docs/decisions/0002-document-only-pages.md.
    for (const path of PAGE_TYPES) {
      const html = await (await request.get(path)).text();
      expect(html, path).not.toMatch(/<template id="B:/);
      expect(html, path).not.toMatch(/<div hidden id="S:|\bhidden=""? id="S:/);
      expect(html, path).not.toMatch(/\$RC\b/);
    }
  });

  test('HEAD answers like GET, without a body', async ({ request }) => {
    for (const path of ['/', SEED, RU_NK_TAG]) {
      const response = await request.head(path);
      expect(response.status(), path).toBe(200);
      expect(response.headers()['content-type'], path).toContain('text/html');
    }
  });
});
