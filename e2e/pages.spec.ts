import { expect, test } from '@playwright/test';
import { expectNoSidewaysScroll, listedTimes, snap } from './support';

test('home: lead story, latest, a block per section, popular tags', async ({ page }, testInfo) => {
  expect((await page.goto('/'))?.status()).toBe(200);
  await expect(page).toHaveTitle(/^Warta/);
  await expect(page.getByRole('region', { name: 'Berita utama' }).getByRole('heading', { level: 3 })).toHaveCount(1);
  expect(await page.getByRole('region', { name: 'Terbaru' }).locator('article').count()).toBeGreaterThanOrEqual(5);
  for (const section of ['Internasional', 'Nasional', 'Ekonomi', 'Teknologi', 'Olahraga']) {
    await expect(page.getByRole('region', { name: section, exact: true })).toBeVisible();
  }
  expect(await page.getByRole('list', { name: 'Topik populer' }).getByRole('link').count()).toBeGreaterThanOrEqual(8);
  await expectNoSidewaysScroll(page);
  await snap(page, testInfo, 'home');
});

test('section page lists its stories newest first', async ({ page }, testInfo) => {
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Internasional' }).click();
  await expect(page).toHaveURL(/\/rubrik\/internasional$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Internasional');
  const times = await listedTimes(page);
  expect(times.length).toBeGreaterThan(0);
  expect(times).toEqual([...times].sort((a, b) => b - a));
  await expectNoSidewaysScroll(page);
  await snap(page, testInfo, 'section');
});

test('author page shows the bio and their stories', async ({ page }, testInfo) => {
  await page.goto('/berita/lavrov-berkunjung-ke-pyongyang');
  await page.locator('main article header').getByRole('link', { name: 'Desk Internasional' }).click();
  await expect(page).toHaveURL(/\/penulis\/desk-internasional$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Desk Internasional');
  await expect(page.getByText(/meliput politik global/)).toBeVisible();
  expect((await listedTimes(page)).length).toBeGreaterThan(0);
  await expectNoSidewaysScroll(page);
  await snap(page, testInfo, 'author');
});

for (const [kind, path] of [
  ['article', '/berita/tidak-ada-berita-ini'],
  ['tag', '/topik/tidak-ada'],
  ['tag timeline', '/topik/tidak-ada/linimasa'],
  ['section', '/rubrik/tidak-ada'],
  ['author', '/penulis/tidak-ada'],
  ['path', '/sama/sekali/tidak/ada'],
] as const) {
  test(`an unknown ${kind} answers 404 with the Indonesian not-found page`, async ({ page }, testInfo) => {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Halaman tidak ditemukan');
    if (kind === 'article') await snap(page, testInfo, 'not-found');
    await page.getByRole('link', { name: 'Kembali ke beranda' }).click();
    await expect(page).toHaveURL(/\/$/);
  });
}

test('skip link moves focus to the main content', async ({ page, isMobile }) => {
  test.skip(isMobile, 'keyboard navigation is a desktop concern');
  await page.goto('/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Langsung ke konten utama' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#konten$/);
});

test('no page scrolls sideways at 320 px', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
  const page = await context.newPage();
  for (const path of ['/', '/berita/putin-buka-peluang-kirim-senjata-ke-korea-utara', '/topik/hubungan-rusia-korea-utara', '/topik/hubungan-rusia-korea-utara/linimasa', '/topik', '/rubrik/ekonomi', '/penulis/redaksi', '/tidak-ada']) {
    await page.goto(path);
    await expectNoSidewaysScroll(page);
  }
  await context.close();
});

test('dark mode follows the system setting', async ({ browser }, testInfo) => {
  const context = await browser.newContext({ colorScheme: 'dark', viewport: testInfo.project.use.viewport ?? undefined });
  const page = await context.newPage();
  await page.goto('/berita/putin-buka-peluang-kirim-senjata-ke-korea-utara');
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).toBe('rgb(18, 20, 24)');
  await snap(page, testInfo, 'article-dark');
  await context.close();
});

test('a page that fails to render shows the Indonesian error page, and the site keeps serving', async ({ page }, testInfo) => {
  const response = await page.goto('/uji-galat');
  expect(response?.status()).toBe(500);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Terjadi kesalahan');
  await expect(page.getByRole('button', { name: 'Coba lagi' })).toBeVisible();
  await snap(page, testInfo, 'error');
  await page.getByRole('link', { name: 'Kembali ke beranda' }).click();
  await expect(page).toHaveURL(/\/$/);
  expect((await page.goto('/berita/putin-buka-peluang-kirim-senjata-ke-korea-utara'))?.status()).toBe(200);
});
