import { expect, test } from '@playwright/test';
import { expectNoSidewaysScroll, RU_NK_TAG, SEED } from './support';

test.describe('the masthead on a phone (360 × 780)', () => {
  test.use({ viewport: { width: 360, height: 780 } });
  test.skip(({ isMobile }) => !isMobile, 'phone layout');

  test('a story’s and a tag page’s headline start within 200 px of the top', async ({ page }) => {
    for (const path of [SEED, RU_NK_TAG]) {
      await page.goto(path);
      const top = await page.getByRole('heading', { level: 1 }).first().evaluate((h) => h.getBoundingClientRect().top);
      expect(top, path).toBeLessThanOrEqual(200);
    }
  });

  test('the sections are one row that scrolls sideways by itself, reachable by keyboard; the page never scrolls sideways', async ({ page }) => {
    await page.goto(SEED);
    const nav = page.getByRole('navigation', { name: 'Navigasi utama' });
    const items = nav.getByRole('listitem');
    const tops = await items.evaluateAll((lis) => lis.map((li) => Math.round(li.getBoundingClientRect().top)));
    expect(new Set(tops).size, 'sections wrap onto more than one row').toBe(1);
    const list = nav.getByRole('list');
    const { scrollWidth, clientWidth } = await list.evaluate((ul) => ({ scrollWidth: ul.scrollWidth, clientWidth: ul.clientWidth }));
    expect(scrollWidth).toBeGreaterThan(clientWidth);
    await expectNoSidewaysScroll(page);
    // Tab to the last section: the row scrolls as focus moves along it, and the focused link is in
    // view (Chromium reveals a link only once it is wholly out of view, so it may be cut at the
    // edge: not hidden, WCAG 2.4.11).
    const last = nav.getByRole('link', { name: 'Topik' });
    for (let i = 0; i < 20 && !(await last.evaluate((a) => a === document.activeElement)); i++) await page.keyboard.press('Tab');
    await expect(last).toBeFocused();
    await expect(last).toBeInViewport({ ratio: 0.5 });
    expect(await list.evaluate((ul) => ul.scrollLeft)).toBeGreaterThan(0);
    expect(await last.evaluate((a) => getComputedStyle(a).outlineStyle)).not.toBe('none');
    await expectNoSidewaysScroll(page);
  });

  test('search is a link with a name to the search page, which has the form', async ({ page }) => {
    await page.goto(RU_NK_TAG);
    await expect(page.getByRole('banner').getByRole('searchbox')).toBeHidden();
    await page.getByRole('banner').getByRole('link', { name: 'Cari' }).click();
    await expect(page.locator('main').getByRole('searchbox', { name: 'Cari berita' })).toBeVisible();
  });
});

test.describe('the masthead on a desktop', () => {
  test.skip(({ isMobile }) => isMobile, 'desktop layout');

  test('keeps the search form and every section in view', async ({ page }) => {
    await page.goto(SEED);
    await expect(page.getByRole('banner').getByRole('searchbox', { name: 'Cari berita' })).toBeVisible();
    await expect(page.getByRole('banner').getByRole('link', { name: 'Cari', exact: true })).toBeHidden();
    for (const link of await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link').all()) await expect(link).toBeInViewport();
  });
});
