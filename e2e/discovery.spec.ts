import { parseFeed } from '@rowanmanning/feed-parser';
import { expect, type Locator, type Page, type TestInfo, test } from '@playwright/test';
import { expectNoSidewaysScroll, publishedSlugs, RU_NK_TAG, SEED, snap } from './support';

const SEED_TITLE = 'Usai dari Pyongyang, Putin Buka Peluang Kirim Senjata ke Korea Utara';

/** The search box a reader reaches from the masthead: in it on a desktop, one tap away (the search page) on a phone. */
async function headerSearchBox(page: Page, testInfo: TestInfo): Promise<Locator> {
  if (testInfo.project.name === 'phone') {
    await page.getByRole('banner').getByRole('link', { name: 'Cari' }).click();
    await expect(page).toHaveURL(/\/cari$/);
    return page.locator('main').getByRole('searchbox', { name: 'Cari berita' });
  }
  return page.getByRole('banner').getByRole('searchbox', { name: 'Cari berita' });
}

test.describe('search', () => {
  test('the header search finds the seed article for "Putin senjata Korea Utara"', async ({ page }, testInfo) => {
    await page.goto('/');
    const box = await headerSearchBox(page, testInfo);
    await box.fill('Putin senjata Korea Utara');
    await box.press('Enter');
    await expect(page).toHaveURL(/\/cari\?q=Putin\+senjata\+Korea\+Utara/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hasil pencarian: Putin senjata Korea Utara');
    const results = page.locator('main ol article');
    await expect(results.first().getByRole('heading')).toHaveText(SEED_TITLE);
    await expect(results.first().locator('mark').first()).toBeVisible();
    await expectNoSidewaysScroll(page);
    await snap(page, testInfo, 'search');

    // Filter by section, keeping the query.
    await page.getByRole('navigation', { name: 'Saring menurut rubrik' }).getByRole('link', { name: /^Internasional/ }).click();
    await expect(page).toHaveURL(/rubrik=internasional/);
    await expect(results.first().getByRole('heading')).toHaveText(SEED_TITLE);

    // Narrow to a tag, then clear it.
    await page.getByRole('navigation', { name: 'Saring menurut topik' }).getByRole('link', { name: /^Hubungan Rusia–Korea Utara/ }).click();
    await expect(page).toHaveURL(/topik=hubungan-rusia-korea-utara/);
    await expect(page.getByText('Hanya topik Hubungan Rusia–Korea Utara')).toBeVisible();
    await expect(results.first().getByRole('heading')).toHaveText(SEED_TITLE);
    await page.getByRole('link', { name: 'hapus saringan' }).click();
    await expect(page).not.toHaveURL(/topik=/);
  });

  test('sort by date, filter by year, section and tag facets with counts, all plain links', async ({ page }) => {
    await page.goto('/cari?q=korea');
    const results = page.locator('main ol article');
    const count = async () => Number((await page.getByRole('status').textContent())!.match(/^(\d+)/)![1]);
    const shown = () => results.locator('time').evaluateAll((els) => els.map((el) => el.getAttribute('datetime')!));
    const total = await count();
    expect(total).toBeGreaterThan(10);

    // Section counts add up to the total.
    const sectionCounts = await page
      .getByRole('navigation', { name: 'Saring menurut rubrik' })
      .getByRole('link')
      .evaluateAll((links) => links.map((a) => Number(a.querySelector('span')?.textContent ?? 'NaN')).filter((n) => !Number.isNaN(n)));
    expect(sectionCounts.reduce((a, b) => a + b, 0)).toBe(total);

    // Newest first, same total.
    const sortNav = page.getByRole('navigation', { name: 'Urutkan' });
    await expect(sortNav.getByRole('link', { name: 'Paling relevan' })).toHaveAttribute('aria-current', 'page');
    await sortNav.getByRole('link', { name: 'Terbaru' }).click();
    await expect(page).toHaveURL(/urut=terbaru/);
    await expect(sortNav.getByRole('link', { name: 'Terbaru' })).toHaveAttribute('aria-current', 'page');
    expect(await count()).toBe(total);
    const newest = (await shown()).map((iso) => Date.parse(iso));
    expect(newest).toEqual([...newest].sort((a, b) => b - a));

    // A year: only stories of that year, as many as its link said, still newest first.
    const yearNav = page.getByRole('navigation', { name: 'Saring menurut tahun' });
    const yearLink = yearNav.getByRole('link', { name: /^2024/ });
    const yearCount = Number((await yearLink.locator('span').textContent())!.trim());
    await yearLink.click();
    await expect(page).toHaveURL(/tahun=2024/);
    await expect(page).toHaveURL(/urut=terbaru/);
    expect(await count()).toBe(yearCount);
    for (const iso of await shown()) expect(iso).toMatch(/^2024-/);
    await yearNav.getByRole('link', { name: 'Semua tahun' }).click();
    await expect(page).not.toHaveURL(/tahun=/);
    expect(await count()).toBe(total);
  });

  test('a "quoted phrase" and FTS5 syntax in the query get a normal results page', async ({ page, request }) => {
    await page.goto(`/cari?q=${encodeURIComponent('"Korea Utara"')}`);
    await expect(page.locator('main ol article').first()).toBeVisible();
    for (const q of ['putin AND', 'NEAR(putin senjata)', 'put*', '^putin', 'title:putin', '"putin', '"""', '(', 'a'.repeat(10_000)]) {
      const response = await request.get(`/cari?q=${encodeURIComponent(q)}`);
      expect(response.status(), q).toBe(200);
      expect(await response.text(), q).toContain('<h1');
    }
  });

  test.describe('with JavaScript disabled', () => {
    test.use({ javaScriptEnabled: false });
    test('the search form still works', async ({ page }, testInfo) => {
      await page.goto(SEED);
      const box = await headerSearchBox(page, testInfo);
      await box.fill('Putin senjata Korea Utara');
      await box.locator('xpath=ancestor::form').getByRole('button', { name: 'Cari' }).click();
      await expect(page.locator('main ol article').first().getByRole('heading')).toHaveText(SEED_TITLE);
    });
  });

  test('no results: a helpful page with a spelling hint and popular topics', async ({ page }, testInfo) => {
    await page.goto('/cari?q=pyonyang');
    await expect(page.getByRole('heading', { level: 2, name: /Tidak ada berita untuk/ })).toBeVisible();
    await expect(page.getByRole('link', { name: 'pyongyang' })).toHaveAttribute('href', '/cari?q=pyongyang');
    expect(await page.getByRole('list', { name: 'Topik populer' }).getByRole('link').count()).toBeGreaterThan(3);
    await snap(page, testInfo, 'search-no-results');
  });

  test('hostile input is harmless', async ({ page, request }) => {
    let dialogs = 0;
    page.on('dialog', async (d) => {
      dialogs++;
      await d.dismiss();
    });
    await page.goto(`/cari?q=${encodeURIComponent('<script>alert(1)</script><img src=x onerror=alert(2)>')}`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('<script>alert(1)</script>');
    expect(await page.locator('main script, main img[src="x"]').count()).toBe(0);
    expect(dialogs).toBe(0);

    const long = await page.goto(`/cari?q=${'a'.repeat(5000)}`);
    expect(long?.status()).toBe(200);
    expect(await page.locator('main').getByRole('searchbox').inputValue()).toHaveLength(200);
    expect((await page.getByRole('heading', { level: 1 }).textContent())!.length).toBeLessThan(250);

    for (const raw of ['/cari?q=%E0%A4%A', '/cari?q=%FF%FE', '/cari?q=%00%01', '/cari?q=a&q=b&rubrik=%ZZ', '/cari?halaman=-5&q=putin', '/cari?q=%F0%9F%98%80']) {
      const status = (await request.get(raw)).status();
      expect([200, 400], `${raw} answered ${status}`).toContain(status);
    }
  });
});

test.describe('feeds', () => {
  test('every page links its feeds, and the Russia–North Korea feed holds the seed article', async ({ page, request }) => {
    await page.goto(RU_NK_TAG);
    const alternates = await page.locator('link[rel="alternate"]').evaluateAll((els) =>
      els.map((el) => ({ type: el.getAttribute('type'), href: el.getAttribute('href') })),
    );
    expect(alternates).toEqual(
      expect.arrayContaining([
        { type: 'application/rss+xml', href: expect.stringMatching(/\/rss\.xml$/) },
        { type: 'application/rss+xml', href: expect.stringMatching(/\/topik\/hubungan-rusia-korea-utara\/rss\.xml$/) },
        { type: 'application/atom+xml', href: expect.stringMatching(/\/atom\.xml$/) },
        { type: 'application/feed+json', href: expect.stringMatching(/\/feed\.json$/) },
      ]),
    );
    const response = await request.get(`${RU_NK_TAG}/rss.xml`);
    expect(response.headers()['content-type']).toContain('application/rss+xml');
    const feed = parseFeed(await response.text());
    expect(feed.items.map((i) => i.title)).toContain(SEED_TITLE);
    expect(feed.items.length).toBeGreaterThanOrEqual(12);
  });

  test('site, section, Atom and JSON feeds parse', async ({ request }) => {
    for (const url of ['/rss.xml', '/rubrik/ekonomi/rss.xml', '/atom.xml']) {
      const feed = parseFeed(await (await request.get(url)).text());
      expect(feed.items.length, url).toBeGreaterThan(0);
    }
    const json = await (await request.get('/feed.json')).json();
    expect(json.items.length).toBeGreaterThan(0);
    expect((await request.get('/topik/tidak-ada/rss.xml')).status()).toBe(404);
  });
});

test.describe('search engines and social networks', () => {
  test('the sitemap lists every article, and robots.txt names both sitemaps', async ({ request }) => {
    const xml = await (await request.get('/sitemap.xml')).text();
    const slugs = publishedSlugs();
    for (const slug of slugs) expect(xml, slug).toContain(`/berita/${slug}</loc>`);
    expect(xml).toContain('/topik/hubungan-rusia-korea-utara</loc>');
    const robots = await (await request.get('/robots.txt')).text();
    expect(robots).toMatch(/Sitemap: http.*\/sitemap\.xml/);
    expect(robots).toMatch(/Sitemap: http.*\/sitemap-news\.xml/);
    expect((await request.get('/sitemap-news.xml')).status()).toBe(200);
  });

  test('the article carries meta tags, Open Graph and JSON-LD', async ({ page, request }) => {
    await page.goto(SEED);
    const meta = (selector: string) => page.locator(selector).first().getAttribute('content');
    expect(await page.title()).toBe(`${SEED_TITLE} | Warta`);
    expect(await meta('meta[name="description"]')).toMatch(/^Sehari setelah bertemu Kim Jong Un/);
    expect(await page.locator('link[rel="canonical"]').getAttribute('href')).toMatch(/^https?:\/\/[^/]+\/berita\/putin-buka-peluang-kirim-senjata-ke-korea-utara$/);
    expect(await meta('meta[property="og:type"]')).toBe('article');
    expect(await meta('meta[property="article:published_time"]')).toBe('2024-06-21T09:15:00+07:00');
    expect(await meta('meta[property="article:modified_time"]')).toBe('2024-06-21T09:15:00+07:00');
    expect(await meta('meta[property="article:section"]')).toBe('Internasional');
    expect(await page.locator('meta[property="article:tag"]').count()).toBe(6);
    expect(await meta('meta[name="twitter:card"]')).toBe('summary_large_image');

    const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
    const data = blocks.flatMap((b) => JSON.parse(b));
    const article = data.find((d) => d['@type'] === 'NewsArticle');
    expect(article).toMatchObject({
      headline: SEED_TITLE,
      datePublished: '2024-06-21T09:15:00+07:00',
      dateModified: '2024-06-21T09:15:00+07:00',
      author: [{ '@type': 'Person', name: 'Kontan.co.id' }],
      publisher: { '@type': 'NewsMediaOrganization', name: 'Warta' },
      articleSection: 'Internasional',
      inLanguage: 'id',
      mainEntityOfPage: { '@type': 'WebPage' },
    });
    expect(article.keywords).toContain('Hubungan Rusia–Korea Utara');
    expect(article.author[0].url).toMatch(/\/penulis\/kontan$/);
    expect(article.image.length).toBeGreaterThan(0);
    expect(data.find((d) => d['@type'] === 'BreadcrumbList').itemListElement).toHaveLength(3);

    const logo = await request.get(new URL(article.publisher.logo.url).pathname);
    expect(logo.headers()['content-type']).toBe('image/png');
  });

  test('tag, section and home pages carry their structured data', async ({ page }) => {
    const types = async (url: string) => {
      await page.goto(url);
      const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
      return blocks.flatMap((b) => JSON.parse(b));
    };
    const tag = await types(RU_NK_TAG);
    const collection = tag.find((d) => d['@type'] === 'CollectionPage');
    expect(collection.mainEntity['@type']).toBe('ItemList');
    expect(collection.mainEntity.itemListElement.length).toBe(10);
    expect(tag.some((d) => d['@type'] === 'BreadcrumbList')).toBe(true);
    expect((await types('/rubrik/ekonomi')).some((d) => d['@type'] === 'BreadcrumbList')).toBe(true);
    const home = await types('/');
    expect(home.find((d) => d['@type'] === 'WebSite').potentialAction['@type']).toBe('SearchAction');
  });

  test('og:image URLs answer with a 1200×630 image', async ({ page, request }) => {
    for (const url of [SEED, RU_NK_TAG, '/', '/rubrik/ekonomi']) {
      await page.goto(url);
      const image = await page.locator('meta[property="og:image"]').first().getAttribute('content');
      expect(image, url).toBeTruthy();
      const response = await request.get(new URL(image!).pathname + new URL(image!).search);
      expect(response.status(), image!).toBe(200);
      expect(response.headers()['content-type']).toBe('image/png');
      const body = await response.body();
      // PNG header: width and height are big-endian at bytes 16–23.
      expect([body.readUInt32BE(16), body.readUInt32BE(20)], image!).toEqual([1200, 630]);
    }
  });
});
