import { parseSitemap, parseSitemapIndex } from 'sitemap';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { storeFrom } from '../../test/support/test-store';
import { renderNewsSitemap, renderSitemap, sitemapChunk, sitemapEntries, type SitemapEntry } from './index';

const content = storeFrom((f, a) => {
  f.write('content/articles/kemarin.md', a({ title: '"Kemarin"', publishedAt: '"2024-06-19T09:00:00+07:00"', updatedAt: '"2024-06-20T09:00:00+07:00"' }));
  f.write('content/articles/lama.md', a({ title: '"Lama"', publishedAt: '"2024-06-01T09:00:00+07:00"', tags: '[vietnam]' }));
});

const parse = (xml: string) => parseSitemap(Readable.from([xml]));

describe('sitemap', () => {
  it('lists every article, tag, timeline, section and author page with lastmod', async () => {
    const entries = sitemapEntries(content);
    const paths = entries.map((e) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/',
        '/topik',
        '/rubrik/internasional',
        '/topik/rusia',
        '/topik/rusia/linimasa',
        '/penulis/redaksi',
        '/berita/pertama',
        '/berita/kemarin',
        '/berita/lama',
      ]),
    );
    expect(entries.find((e) => e.path === '/berita/kemarin')?.lastmod).toBe('2024-06-20T09:00:00+07:00');
    // A tag's lastmod is its newest change.
    expect(entries.find((e) => e.path === '/topik/rusia')?.lastmod).toBe('2024-06-20T14:05:00+07:00');
    const urls = await parse(await renderSitemap(entries));
    expect(urls.map((u) => u.url)).toContain('http://localhost:3000/berita/kemarin');
    expect(urls.every((u) => u.lastmod)).toBe(true);
  });

  it('turns into an index of files past the per-file limit', async () => {
    const many: SitemapEntry[] = Array.from({ length: 5 }, (_, i) => ({ path: `/berita/b${i}`, lastmod: `2024-06-0${i + 1}T00:00:00+07:00` }));
    const index = await parseSitemapIndex(Readable.from([await renderSitemap(many, 2)]));
    expect(index.map((i) => i.url)).toEqual([
      'http://localhost:3000/sitemaps/0.xml',
      'http://localhost:3000/sitemaps/1.xml',
      'http://localhost:3000/sitemaps/2.xml',
    ]);
    expect(sitemapChunk(many, 2, 2)?.map((e) => e.path)).toEqual(['/berita/b4']);
    expect(sitemapChunk(many, 3, 2)).toBeNull();
    expect(sitemapChunk(many.slice(0, 2), 0, 2)).toBeNull();
  });

  it('Google News sitemap holds only stories of the last 48 hours', async () => {
    const now = Date.parse('2024-06-21T09:00:00+07:00');
    const xml = await renderNewsSitemap(content, now);
    expect(xml).toContain('xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"');
    const urls = await parse(xml);
    expect(urls.map((u) => u.url).sort()).toEqual(['http://localhost:3000/berita/kemarin', 'http://localhost:3000/berita/pertama']);
    expect(urls[0]?.news?.publication).toEqual({ name: 'Warta', language: 'id' });
    expect(await parse(await renderNewsSitemap(content, Date.parse('2030-01-01T00:00:00Z')))).toEqual([]);
  });
});
