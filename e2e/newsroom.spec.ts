import { expect, test } from '@playwright/test';
import { PREVIEW_TEST_SECRET } from '../playwright.config';
import { snap } from './support';

const DRAFT = '/berita/rusia-korea-utara-mulai-bangun-jembatan-sungai-tumen';
const DRAFT_TITLE = 'Rusia dan Korea Utara Mulai Bangun Jembatan Jalan di atas Sungai Tumen';

test.describe('drafts and preview', () => {
  test('a draft never reaches the public site', async ({ page, request }) => {
    expect((await request.get(DRAFT)).status()).toBe(404);
    await page.goto('/');
    await expect(page.getByText(DRAFT_TITLE)).toHaveCount(0);
    expect(await (await request.get('/rss.xml')).text()).not.toContain(DRAFT_TITLE);
    expect(await (await request.get('/sitemap.xml')).text()).not.toContain(DRAFT);
    expect(await (await request.get('/cari?q=jembatan+tumen')).text()).not.toContain(DRAFT_TITLE);
  });

  test('a wrong or missing secret gets 401 and shows nothing', async ({ page, request }) => {
    for (const url of ['/api/pratinjau', `/api/pratinjau?secret=salah&slug=${DRAFT.split('/').pop()}`]) {
      const response = await request.get(url, { maxRedirects: 0 });
      expect(response.status(), url).toBe(401);
      expect(response.headers()['set-cookie'] ?? '', url).not.toContain('__prerender_bypass');
    }
    await page.goto(`/api/pratinjau?secret=salah&slug=${DRAFT.split('/').pop()}`);
    expect((await page.goto(DRAFT))?.status()).toBe(404);
  });

  test('an editor with the secret sees the draft under a "Pratinjau" banner, and can leave', async ({ page }, testInfo) => {
    await page.goto(`/api/pratinjau?secret=${PREVIEW_TEST_SECRET}&slug=${DRAFT.split('/').pop()}`);
    await expect(page).toHaveURL(new RegExp(`${DRAFT}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(DRAFT_TITLE);
    await expect(page.getByRole('status').filter({ hasText: 'Pratinjau' })).toBeVisible();
    // A draft has no lite edition yet, so none is offered.
    await expect(page.getByRole('link', { name: 'Versi ringan' })).toHaveCount(0);
    await snap(page, testInfo, 'preview');
    await page.getByRole('link', { name: 'Keluar dari pratinjau' }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole('status').filter({ hasText: 'Pratinjau' })).toHaveCount(0);
    expect((await page.goto(DRAFT))?.status()).toBe(404);
  });
});
