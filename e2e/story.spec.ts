import { expect, test, type Page } from '@playwright/test';
import { expectNoSidewaysScroll, RU_NK_TAG, SEED, snap } from './support';

const STORY = 'Hubungan Rusia–Korea Utara';

/** The explainer box at the top of a tag page or timeline: heading, date, facts, closed answers that open. */
async function expectExplainer(page: Page, storySelector: string) {
  const box = page.getByRole('region', { name: 'Yang perlu Anda ketahui' });
  await expect(box).toBeVisible();
  await expect(box.locator('time')).toHaveText('5 September 2025');
  await expect(box.locator('time')).toHaveAttribute('datetime', '2025-09-05T10:00:00+07:00');
  await expect(box.getByText(/^Diperbarui/)).toBeVisible();
  await expect(box.getByRole('heading', { level: 3 })).toHaveText(['Fakta utama', 'Tanya jawab']);
  await expect(box.locator('ul > li')).toHaveCount(7);
  const details = box.locator('details');
  await expect(details).toHaveCount(3);
  const answer = details.first().locator('p');
  await expect(answer).toBeHidden();
  await details.first().locator('summary').click();
  await expect(answer).toBeVisible();
  await expect(answer).toContainText('19 Juni 2024');
  // It comes before the list of stories.
  const boxTop = (await box.boundingBox())!.y;
  const firstStory = (await page.locator(storySelector).first().boundingBox())!.y;
  expect(boxTop).toBeLessThan(firstStory);
}

/** Article hrefs of a running story's timeline, oldest first. */
async function timelineOrder(page: Page): Promise<string[]> {
  await page.goto(`${RU_NK_TAG}/linimasa`);
  return page.locator('main ol ol h3 a').evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(`JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    test.use({ javaScriptEnabled });

    test('a running story’s tag page and timeline open with “Yang perlu Anda ketahui”', async ({ page }, testInfo) => {
      await page.goto(RU_NK_TAG);
      await expectExplainer(page, 'main ol li article');
      await expectNoSidewaysScroll(page);
      if (javaScriptEnabled) await snap(page, testInfo, 'tag-explainer-open');
      await page.goto(`${RU_NK_TAG}/linimasa`);
      await expectExplainer(page, 'main ol ol li');
      await expectNoSidewaysScroll(page);
      // Not repeated on page 2 of the list: it belongs to the story, not to a page of it.
      await page.goto(`${RU_NK_TAG}/halaman/2`);
      await expect(page.getByRole('region', { name: 'Yang perlu Anda ketahui' })).toHaveCount(0);
    });

    test('an article shows its place in the running story, and previous and next lead along it', async ({ page }) => {
      const order = await timelineOrder(page);
      expect(order.length).toBeGreaterThanOrEqual(20);
      const at = order.indexOf(SEED);
      expect(at).toBeGreaterThan(0);

      await page.goto(SEED);
      const nav = page.getByRole('navigation', { name: `Urutan berita dalam ${STORY}` });
      await expect(nav).toContainText(`Berita ${at + 1} dari ${order.length} dalam ${STORY}`);
      const previous = nav.getByRole('link', { name: /^‹ Sebelumnya/ });
      const next = nav.getByRole('link', { name: /^Berikutnya ›/ });
      await expect(previous).toHaveAttribute('href', order[at - 1]!);
      await expect(previous).toHaveAttribute('rel', 'prev');
      await expect(next).toHaveAttribute('href', order[at + 1]!);
      await expect(nav.getByRole('link', { name: /linimasa/ })).toHaveAttribute('href', `${RU_NK_TAG}/linimasa`);
      await expectNoSidewaysScroll(page);

      await next.click();
      await expect(page).toHaveURL(new RegExp(`${order[at + 1]}$`));
      await expect(page.getByRole('navigation', { name: `Urutan berita dalam ${STORY}` })).toContainText(`Berita ${at + 2} dari ${order.length}`);
      await page.getByRole('navigation', { name: `Urutan berita dalam ${STORY}` }).getByRole('link', { name: /^‹ Sebelumnya/ }).click();
      await expect(page).toHaveURL(new RegExp(`${SEED}$`));

      // The ends of the story say so instead of linking.
      await page.goto(order[0]!);
      const first = page.getByRole('navigation', { name: `Urutan berita dalam ${STORY}` });
      await expect(first).toContainText(`Berita 1 dari ${order.length}`);
      await expect(first).toContainText('Ini berita pertama dalam rangkaian ini.');
      await expect(first.getByRole('link', { name: /Sebelumnya/ })).toHaveCount(0);
      await page.goto(order.at(-1)!);
      const last = page.getByRole('navigation', { name: `Urutan berita dalam ${STORY}` });
      await expect(last).toContainText(`Berita ${order.length} dari ${order.length}`);
      await expect(last).toContainText('Ini berita terbaru dalam rangkaian ini.');
      await expect(last.getByRole('link', { name: /Berikutnya/ })).toHaveCount(0);
    });
  });
}

test('a story outside any running story has no story navigation', async ({ page }) => {
  await page.goto('/berita/bi-turunkan-suku-bunga-acuan-ke-6-persen');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('navigation', { name: /^Urutan berita/ })).toHaveCount(0);
});

test('the topic index: a meta description, running stories first with their newest headline, then every topic A–Z', async ({ page }) => {
  await page.goto('/topik');
  await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /^Indeks topik Warta: liputan berkelanjutan/);
  await expect(page.locator('main h2')).toHaveText(['Liputan berkelanjutan', 'Semua topik A–Z']);

  const running = page.getByRole('region', { name: 'Liputan berkelanjutan' }).locator('li');
  await expect(running.getByRole('heading', { level: 3 }).getByRole('link')).toHaveText([STORY, 'Perang Rusia–Ukraina']);
  const first = running.first();
  await expect(first).toContainText('Sejak 2023 Moskwa dan Pyongyang');
  const newest = first.getByRole('link').nth(1);
  const newestHref = await newest.getAttribute('href');

  const names = await page.getByRole('list', { name: 'Semua topik' }).getByRole('link').evaluateAll((links) =>
    links.map((a) => a.firstChild!.textContent!.trim()),
  );
  expect(names.length).toBeGreaterThanOrEqual(20);
  expect(names).toEqual([...names].sort(new Intl.Collator('id').compare));
  expect(names).toContain(STORY);
  const texts = await page.getByRole('list', { name: 'Semua topik' }).getByRole('link').allTextContents();
  expect(texts.every((text) => /\d+$/.test(text.trim())), 'every topic shows its count').toBe(true);
  await expectNoSidewaysScroll(page);

  // The newest headline is the first story on the story's own page.
  await page.goto(RU_NK_TAG);
  expect(await page.locator('main ol li article h2 a, main ol li article h3 a').first().getAttribute('href')).toBe(newestHref);
});
