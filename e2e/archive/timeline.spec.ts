import { expect, test } from '@playwright/test';
import { expectNoSidewaysScroll, snap } from '../support';

// Against a generated archive of 5,000 stories (scripts/archive-site.ts): topik-0 is its biggest tag.
const TAG = '/topik/topik-0';

const timesOnPage = (page: import('@playwright/test').Page) =>
  page.locator('main ol ol time').evaluateAll((els) => els.map((el) => Date.parse(el.getAttribute('datetime')!)));

test('a long running story is read from where it began, period by period, in order', async ({ page }, testInfo) => {
  await page.goto(TAG);
  const total = Number((await page.getByText(/^[\d.]+ berita$/).first().textContent())!.replace(/\D/g, ''));
  expect(total).toBeGreaterThan(300);
  await page.getByRole('link', { name: /Baca dari awal di linimasa/ }).click();
  await expect(page).toHaveURL(/\/topik\/topik-0\/linimasa\/\d{4}(-\d{2})?$/);
  await snap(page, testInfo, 'timeline-period');

  // Page after page: each bounded, oldest first, each starting after the last one ended.
  let seen = 0;
  let lastTime = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < 4; k++) {
    const times = await timesOnPage(page);
    expect(times.length).toBeGreaterThan(0);
    expect(times.length).toBeLessThanOrEqual(100);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(times[0]!).toBeGreaterThanOrEqual(lastTime);
    lastTime = times.at(-1)!;
    seen += times.length;
    await expectNoSidewaysScroll(page);
    await page.getByRole('navigation', { name: 'Periode linimasa' }).getByRole('link', { name: /^Periode berikutnya/ }).click();
  }
  expect(seen).toBeLessThan(total);

  // The index: every year with its count, adding up to the whole story, and a way in at the start.
  await page.getByRole('navigation', { name: 'Periode linimasa' }).getByRole('link', { name: 'Indeks linimasa' }).click();
  await expect(page).toHaveURL(/\/topik\/topik-0\/linimasa$/);
  await expect(page.getByRole('heading', { level: 2, name: 'Indeks linimasa' })).toBeVisible();
  const yearCounts = await page.locator('#indeks-linimasa ~ ol > li > h3').allTextContents();
  expect(yearCounts.length).toBeGreaterThan(3);
  expect(yearCounts.reduce((sum, text) => sum + Number(/· ([\d.]+) berita/.exec(text)![1]!.replace(/\./g, '')), 0)).toBe(total);
  await expectNoSidewaysScroll(page);
  await snap(page, testInfo, 'timeline-index');
  await page.getByRole('link', { name: /^Mulai dari awal:/ }).click();
  const first = await timesOnPage(page);
  expect(first[0]!).toBeLessThanOrEqual(Date.parse('2020-02-01T00:00:00+07:00'));
});

test('a period that does not exist is a 404', async ({ request }) => {
  for (const period of ['1999', '2020-13', '2021-01-99', 'x']) {
    expect((await request.get(`${TAG}/linimasa/${period}`)).status(), period).toBe(404);
  }
});
