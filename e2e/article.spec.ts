import zlib from 'node:zlib';
import { expect, test } from '@playwright/test';
import { expectNoSidewaysScroll, publishedSlugs, SEED, snap } from './support';

test.describe('the seed article', () => {
  test('reads as a finished news story', async ({ page }, testInfo) => {
    const response = await page.goto(SEED);
    expect(response?.status()).toBe(200);
    await expect(page).toHaveTitle('Usai dari Pyongyang, Putin Buka Peluang Kirim Senjata ke Korea Utara | Warta');
    await expect(page.locator('html')).toHaveAttribute('lang', 'id');

    const article = page.locator('main article');
    await expect(article.getByRole('heading', { level: 1 })).toHaveText('Usai dari Pyongyang, Putin Buka Peluang Kirim Senjata ke Korea Utara');

    // Breadcrumb: Beranda › Internasional
    const crumbs = page.getByRole('navigation', { name: 'Lokasi halaman' }).getByRole('link');
    await expect(crumbs).toHaveText(['Beranda', 'Internasional']);
    await expect(crumbs.nth(1)).toHaveAttribute('href', '/rubrik/internasional');

    // Byline, source, dates in WIB, reading time
    await expect(article.getByRole('link', { name: 'Kontan.co.id' })).toHaveAttribute('href', '/penulis/kontan');
    await expect(article.getByText('Sumber: Kontan.co.id')).toBeVisible();
    const published = article.locator('header time').first();
    await expect(published).toHaveAttribute('datetime', '2024-06-21T09:15:00+07:00');
    await expect(published).toHaveText('Jumat, 21 Juni 2024 | 09:15 WIB');
    await expect(article.getByText(/^\d+ menit baca/)).toBeVisible();

    // Image with caption and credit through next/image
    const image = article.locator('figure img');
    await expect(image).toHaveAttribute('alt', /bendera Rusia/);
    await expect(image).toHaveAttribute('srcset', /_next\/image/);
    await expect(image).toHaveAttribute('sizes', /.+/);
    await expect(article.locator('figcaption')).toContainText('Ilustrasi: Warta');

    // The mended scrape: dateline, joined quote paragraph, sub-heading, read-also blocks
    const body = article.locator('.article-body');
    await expect(body.locator('p').first()).toHaveText(/^KONTAN\.CO\.ID - Pertemuan Presiden Rusia Vladimir Putin/);
    await expect(body.locator('p', { hasText: 'dikutip Reuters hari Kamis (20/6). Rencana Putin' })).toHaveCount(1);
    await expect(body.getByRole('heading', { level: 2 })).toHaveText(['Pertemuan Putin dan Kim']);
    await expect(body.getByText('Baca Juga:')).toHaveCount(0);

    const readAlso = body.getByRole('complementary', { name: 'Baca Juga' });
    await expect(readAlso).toHaveCount(2);
    await expect(readAlso.nth(0).getByRole('link')).toHaveText('NATO Takut Rusia Ikut Terlibat dalam Program Nuklir Korea Utara');
    await expect(readAlso.nth(1).getByRole('link')).toHaveText('Ancaman Putin: Korea Selatan Bikin Kesalahan Besar jika Pasok Senjata ke Ukraina');

    // Tags, share links, related stories
    const tags = page.getByRole('list', { name: 'Topik terkait' }).getByRole('link');
    await expect(tags).toContainText(['Hubungan Rusia–Korea Utara', 'Rusia', 'Korea Utara', 'Vladimir Putin', 'Kim Jong Un', 'Vietnam']);
    await expect(page.getByRole('link', { name: 'Bagikan ke WhatsApp' })).toHaveAttribute('href', /^https:\/\/wa\.me\/\?text=/);
    const related = page.getByRole('region', { name: 'Berita terkait' }).locator('article');
    await expect(related).toHaveCount(4);

    await expectNoSidewaysScroll(page);
    await snap(page, testInfo, 'article');
  });

  test('loads no third-party script or resource', async ({ page }) => {
    const origins = new Set<string>();
    page.on('request', (request) => origins.add(new URL(request.url()).origin));
    await page.goto(SEED);
    await page.waitForLoadState('networkidle');
    const base = new URL(page.url()).origin;
    expect([...origins].filter((o) => o !== base && !o.startsWith('data:'))).toEqual([]);
  });

  test('read-also links lead to the articles they name', async ({ page }) => {
    await page.goto(SEED);
    await page.getByRole('complementary', { name: 'Baca Juga' }).first().getByRole('link').click();
    await expect(page).toHaveURL(/\/berita\/nato-takut-rusia-terlibat-program-nuklir-korea-utara$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('NATO Takut Rusia Ikut Terlibat dalam Program Nuklir Korea Utara');
  });
});

test.describe('with JavaScript disabled', () => {
  test.use({ javaScriptEnabled: false });

  test('the article, a tag page and navigation still work', async ({ page }, testInfo) => {
    await page.goto(SEED);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Putin Buka Peluang/);
    await expect(page.locator('.article-body p', { hasText: 'kata Putin, dikutip Reuters' })).toBeVisible();
    await expect(page.getByRole('complementary', { name: 'Baca Juga' })).toHaveCount(2);
    await snap(page, testInfo, 'article-no-js');

    await page.getByRole('link', { name: 'Hubungan Rusia–Korea Utara' }).click();
    await expect(page).toHaveURL(/\/topik\/hubungan-rusia-korea-utara$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hubungan Rusia–Korea Utara');
    await page.getByRole('link', { name: 'Halaman berikutnya' }).click();
    await expect(page).toHaveURL(/\/halaman\/2$/);

    await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Ekonomi' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ekonomi');
  });
});

test('the print stylesheet keeps the story and drops navigation, sharing and lists', async ({ page }) => {
  await page.goto(SEED);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('.article-body p').first()).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Navigasi utama' })).toBeHidden();
  await expect(page.getByRole('region', { name: 'Bagikan' })).toBeHidden();
  await expect(page.getByRole('region', { name: 'Berita terkait' })).toBeHidden();
  await expect(page.locator('footer').last()).toBeHidden();
  await expect(page.getByText(/^Dicetak dari http/)).toBeVisible();
});

test.describe('lite edition', () => {
  test('is linked from the full article and reads without any JavaScript', async ({ page }, testInfo) => {
    await page.goto(SEED);
    await page.getByRole('link', { name: 'Versi ringan' }).click();
    await expect(page).toHaveURL(/\/berita\/putin-buka-peluang-kirim-senjata-ke-korea-utara\/ringan$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Usai dari Pyongyang, Putin Buka Peluang Kirim Senjata ke Korea Utara');
    await expect(page.locator('time').first()).toHaveText('Jumat, 21 Juni 2024 | 09:15 WIB');
    await expect(page.getByRole('heading', { level: 2 })).toHaveText(['Pertemuan Putin dan Kim']);
    await expect(page.getByRole('complementary', { name: 'Baca Juga' })).toHaveCount(2);
    expect(await page.locator('script').count()).toBe(0);
    expect(await page.locator('link[rel="stylesheet"]').count()).toBe(0);
    await expectNoSidewaysScroll(page);
    await snap(page, testInfo, 'article-lite');
    await page.getByRole('link', { name: 'Baca versi lengkap' }).click();
    await expect(page).toHaveURL(new RegExp(`${SEED}$`));
  });

  test('every article’s lite edition is at most 30 KB compressed, with no script', async ({ request }) => {
    const slugs = publishedSlugs();
    for (const slug of slugs) {
      const response = await request.get(`/berita/${slug}/ringan`);
      expect(response.status(), slug).toBe(200);
      const html = await response.text();
      expect(html, slug).not.toMatch(/<script/i);
      // Everything is in this one response (CSS inline): its compressed size is the whole transfer.
      const bytes = zlib.gzipSync(html).length;
      expect(bytes, `${slug}: ${bytes} bytes`).toBeLessThanOrEqual(30 * 1024);
    }
  });
});
