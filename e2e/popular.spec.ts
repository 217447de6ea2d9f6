import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, test, type Page } from '@playwright/test';
import { baseURL, E2E_DATA_DIR } from '../playwright.config';
import { SEED } from './support';

const BEACON = '/api/terbaca';
const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36';

/** The next read beacon the page sends, with the server's answer. */
function nextBeacon(page: Page) {
  return page.waitForResponse((response) => new URL(response.url()).pathname === BEACON && response.request().method() === 'POST');
}

/** Reads of `slug` the test server has stored (its SQLite file; WAL allows a reader beside it). */
function storedViews(slug: string): number {
  const db = new Database(path.join(E2E_DATA_DIR, 'views.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const row = db.prepare('SELECT COALESCE(SUM(views), 0) AS views FROM views WHERE slug = ?').get(slug) as { views: number };
    return row.views;
  } finally {
    db.close();
  }
}

test.describe('most read (Terpopuler)', () => {
  test('reading an article sends one beacon, answered 204 and counted; following a link counts the next article', async ({ page }) => {
    const slug = SEED.split('/').pop()!;
    const first = nextBeacon(page);
    await page.goto(SEED);
    const response = await first;
    expect(response.request().postData()).toBe(slug);
    expect(response.status()).toBe(204);
    expect(await response.headerValue('set-cookie')).toBeNull();
    if (!process.env.REDIS_URL) expect(storedViews(slug)).toBeGreaterThanOrEqual(1);

    // Links are plain <a> (a full page load): the next article's page sends its own beacon.
    const related = page.getByRole('region', { name: 'Berita terkait' }).getByRole('link').first();
    const href = (await related.getAttribute('href'))!;
    const second = nextBeacon(page);
    await related.click();
    await expect(page).toHaveURL(href);
    const next = await second;
    expect(next.request().postData()).toBe(href.split('/').pop());
    expect(next.status()).toBe(204);
  });

  test('the home page renders; a Terpopuler list, when there is one, names at most five stories', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 2, name: 'Terbaru' })).toBeVisible();
    // Pages are prerendered at build time: the list shows the counts of that moment (often none).
    const list = page.getByRole('region', { name: 'Terpopuler' });
    if ((await list.count()) > 0) {
      const links = list.getByRole('link');
      expect(await links.count()).toBeGreaterThan(0);
      expect(await links.count()).toBeLessThanOrEqual(5);
      for (const href of await links.evaluateAll((els) => els.map((el) => el.getAttribute('href')))) expect(href).toMatch(/^\/berita\/[a-z0-9-]+$/);
    }
  });

  test('the beacon endpoint refuses what is not a read', async ({ request }) => {
    // As a browser would send it from our page (a bot's User-Agent, or another origin, would be
    // ignored with a 204 before any check).
    const post = (data: string, headers: Record<string, string> = {}) =>
      request.post(BEACON, { data, headers: { 'user-agent': BROWSER, origin: baseURL, 'content-type': 'text/plain;charset=UTF-8', ...headers } });
    expect((await post('Bukan Slug!')).status()).toBe(400);
    expect((await post('tidak-ada-artikel-ini')).status()).toBe(404);
    expect((await post(SEED.split('/').pop()!, { 'sec-purpose': 'prefetch' })).status()).toBe(204);
    expect((await post(SEED.split('/').pop()!, { 'user-agent': 'Googlebot/2.1 (+http://www.google.com/bot.html)' })).status()).toBe(204);
    // Another site's page posting a beacon: ignored before the slug is even read.
    expect((await post('Bukan Slug!', { origin: 'https://evil.example' })).status()).toBe(204);
  });
});
