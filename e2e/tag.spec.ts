import { expect, test } from '@playwright/test';
import { expectNoSidewaysScroll, listedTimes, RU_NK_TAG, SEED, snap } from './support';

test('follow the Russia–North Korea tag from the seed article, through every page, to the timeline', async ({ page }, testInfo) => {
  await page.goto(SEED);
  await page.getByRole('list', { name: 'Topik terkait' }).getByRole('link', { name: 'Hubungan Rusia–Korea Utara' }).click();
  await expect(page).toHaveURL(new RegExp(`${RU_NK_TAG}$`));
  await expect(page).toHaveTitle('Hubungan Rusia–Korea Utara | Warta');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hubungan Rusia–Korea Utara');
  await expect(page.getByText(/Sejak 2023 Moskwa dan Pyongyang/)).toBeVisible();

  const countText = await page.getByText(/^\d+ berita$/).textContent();
  const count = Number(countText?.match(/\d+/)?.[0]);
  expect(count).toBeGreaterThanOrEqual(12);
  await expect(page.getByText(/Halaman 1 dari \d+/)).toBeVisible();
  await expectNoSidewaysScroll(page);
  await snap(page, testInfo, 'tag');

  // Collect every story across the pages, following "next" links as a reader would.
  const times: number[] = [];
  const headlines: string[] = [];
  for (let pageNumber = 1; ; pageNumber++) {
    const stories = page.locator('main ol li article');
    times.push(...(await listedTimes(page)));
    headlines.push(...(await stories.getByRole('heading').allTextContents()));
    // Each story shows headline, summary and a <time datetime>.
    await expect(stories.first().locator('p').first()).not.toBeEmpty();
    const next = page.getByRole('link', { name: 'Halaman berikutnya' });
    if ((await next.count()) === 0) break;
    await next.click();
    await expect(page).toHaveURL(new RegExp(`${RU_NK_TAG}/halaman/${pageNumber + 1}$`));
    if (pageNumber === 1) await snap(page, testInfo, 'tag-page-2');
  }
  expect(times).toHaveLength(count);
  expect(times.every((t) => !Number.isNaN(t))).toBe(true);
  expect(times).toEqual([...times].sort((a, b) => b - a));
  expect(headlines).toContain('Usai dari Pyongyang, Putin Buka Peluang Kirim Senjata ke Korea Utara');

  // Related tags link onward.
  await expect(page.getByRole('list', { name: 'Topik terkait' }).getByRole('link', { name: 'Korea Utara', exact: true })).toBeVisible();

  // The timeline tells the same story from the start, grouped by month.
  await page.getByRole('link', { name: /Baca dari awal di linimasa/ }).click();
  await expect(page).toHaveURL(new RegExp(`${RU_NK_TAG}/linimasa$`));
  const monthHeadings = await page.locator('main li > h2').allTextContents();
  expect(monthHeadings[0]).toBe('Juli 2023');
  expect(monthHeadings).toContain('Juni 2024');
  const timelineTimes = await page.locator('main ol ol time').evaluateAll((els) => els.map((el) => Date.parse(el.getAttribute('datetime')!)));
  expect(timelineTimes).toHaveLength(count);
  expect(timelineTimes).toEqual([...timelineTimes].sort((a, b) => a - b));
  await expectNoSidewaysScroll(page);
  await snap(page, testInfo, 'timeline');
});

test('page URLs are stable and past the last page is a 404', async ({ page }) => {
  expect((await page.goto(`${RU_NK_TAG}/halaman/2`))?.status()).toBe(200);
  await expect(page.getByText(/Halaman 2 dari \d+/)).toBeVisible();
  const total = Number((await page.getByText(/Halaman 2 dari \d+/).textContent())?.match(/dari (\d+)/)?.[1]);
  expect((await page.goto(`${RU_NK_TAG}/halaman/${total + 1}`))?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Halaman tidak ditemukan');
  expect((await page.goto(`${RU_NK_TAG}/halaman/0`))?.status()).toBe(404);
  expect((await page.goto(`${RU_NK_TAG}/halaman/abc`))?.status()).toBe(404);
});

test('the tag index lists every tag with its count', async ({ page }, testInfo) => {
  await page.goto('/topik');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Semua topik');
  const links = page.getByRole('list', { name: 'Semua topik' }).getByRole('link');
  expect(await links.count()).toBeGreaterThanOrEqual(12);
  await expect(links.filter({ hasText: 'Hubungan Rusia–Korea Utara' })).toHaveText(/Hubungan Rusia–Korea Utara\s*\d+/);
  await expectNoSidewaysScroll(page);
  await snap(page, testInfo, 'tag-index');
});
