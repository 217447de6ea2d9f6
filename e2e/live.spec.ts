import { expect, test } from '@playwright/test';
import { expectNoSidewaysScroll, LIVE, RU_NK_TAG, snap } from './support';

test.describe('a live report', () => {
  test('entries newest first, each with its own permalink and share link; key events lead to them', async ({ page }, testInfo) => {
    await page.goto(LIVE);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Langsung: Kunjungan Putin ke Pyongyang');
    await expect(page.locator('header').getByText('Selesai', { exact: true })).toBeVisible();
    const entries = page.locator('section[aria-labelledby="pembaruan"] article');
    expect(await entries.count()).toBeGreaterThanOrEqual(10);
    const times = await entries.locator('h3 time').evaluateAll((els) => els.map((el) => Date.parse(el.getAttribute('datetime')!)));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    for (const entry of await entries.all()) {
      const id = await entry.getAttribute('id');
      expect(id).toMatch(/^[a-z0-9-]+$/);
      await expect(entry.getByRole('link', { name: 'Tautan ke pembaruan ini' })).toHaveAttribute('href', `#${id}`);
      await expect(entry.getByRole('link', { name: 'Bagikan ke WhatsApp' })).toHaveAttribute('href', new RegExp(`${encodeURIComponent('#')}${id}$`));
    }
    const keyEvents = page.getByRole('navigation', { name: 'Peristiwa penting' }).getByRole('link');
    expect(await keyEvents.count()).toBeGreaterThanOrEqual(3);
    // The report spans days: each key event names its day as well as its time.
    await expect(keyEvents.first()).toContainText('20 Juni, 07:00 WIB');
    await keyEvents.filter({ hasText: 'Putin tiba di Pyongyang' }).click();
    await expect(page).toHaveURL(/#putin-tiba$/);
    await expect(page.locator('#putin-tiba')).toBeInViewport();
    await expectNoSidewaysScroll(page);
    await snap(page, testInfo, 'live');
  });

  test('an ended report offers no new updates: no button, no script', async ({ request }) => {
    const html = await (await request.get(LIVE)).text();
    expect(html).not.toContain('pembaruan-baru');
    expect(html).not.toMatch(/<script>(?!\s*$)/);
  });

  test('a permalink opens at its entry', async ({ page }) => {
    await page.goto(`${LIVE}#perjanjian-ditandatangani`);
    await expect(page.locator('#perjanjian-ditandatangani')).toBeInViewport();
    await expect(page.locator('#perjanjian-ditandatangani')).toContainText('Perjanjian Kemitraan Strategis Komprehensif');
  });

  test('structured data is a LiveBlogPosting with its coverage and one update per entry', async ({ request }) => {
    const html = await (await request.get(LIVE)).text();
    const blocks = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].flatMap((m) => [JSON.parse(m[1]!)].flat());
    const live = blocks.find((b) => b['@type'] === 'LiveBlogPosting');
    expect(live).toBeTruthy();
    expect(live.coverageStartTime).toBe('2024-06-18T18:00:00+07:00');
    expect(live.coverageEndTime).toBe('2024-06-20T08:00:00+07:00');
    const count = [...html.matchAll(/<article id="[a-z0-9-]+"/g)].length;
    expect(live.liveBlogUpdate).toHaveLength(count);
    expect(live.liveBlogUpdate[0].url).toMatch(/\/langsung\/kunjungan-putin-ke-pyongyang#tiba-di-hanoi$/);
  });

  test('is linked from the home page and its tags, and listed in the feed and the sitemap', async ({ page, request }) => {
    for (const path of ['/', RU_NK_TAG]) {
      await page.goto(path);
      const link = page.getByRole('region', { name: 'Liputan langsung' }).getByRole('link', { name: 'Langsung: Kunjungan Putin ke Pyongyang' });
      await expect(link, path).toHaveAttribute('href', LIVE);
    }
    expect(await (await request.get('/rss.xml')).text()).toContain(`${LIVE}</link>`);
    expect(await (await request.get('/sitemap.xml')).text()).toContain(`${LIVE}</loc>`);
  });

  test.describe('with JavaScript disabled', () => {
    test.use({ javaScriptEnabled: false });
    test('is complete', async ({ page }) => {
      await page.goto(LIVE);
      expect(await page.locator('section[aria-labelledby="pembaruan"] article').count()).toBeGreaterThanOrEqual(10);
    });
  });
});
