import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { storeFrom } from '../test/support/test-store';
import { pathNamesPage } from './known-paths';
import { ROUTE_TABLE } from '../lib/routes';

const content = storeFrom((f, a) => {
  for (let i = 0; i < 12; i++) f.write(`content/articles/kabar-${i}.md`, a({ title: `"Kabar ${i}"`, tags: '[rusia]' }));
});

describe('paths that name a page', () => {
  const names = (p: string) => pathNamesPage(p, content, (slug) => content.exists(slug));

  it.each(['/', '/cari', '/topik', '/rss.xml', '/robots.txt', '/favicon.ico', '/api/terbaca', '/berita/kabar-1', '/berita/kabar-1/ringan', '/berita/kabar-1/opengraph-image', '/topik/rusia', '/topik/rusia/halaman/2', '/topik/rusia/linimasa', '/topik/rusia/rss.xml', '/topik/rusia/opengraph-image', '/rubrik/internasional', '/rubrik/internasional/halaman/2', '/rubrik/internasional/rss.xml', '/penulis/redaksi', '/penulis/redaksi/halaman/2', '/sitemaps/0.xml'])(
    '%s does',
    (p) => expect(names(p)).toBe(true),
  );

  it.each(['/berita/tidak-ada', '/berita/kabar-1/lain', '/berita/kabar-1/opengraph-image-x', `/berita/${'a'.repeat(3000)}`, '/berita/x%00y', '/berita', '/topik/tidak-ada', '/topik/rusia/halaman/3', '/topik/rusia/halaman/1', '/topik/rusia/halaman/02', '/topik/vietnam/halaman/2', '/rubrik/nasional/halaman/2', '/rubrik/internasional/linimasa', '/penulis/redaksi/rss.xml', '/penulis/siapa', '/sitemaps/abc.xml', '/sitemaps/1.xml', '/sitemaps/123.xml', '/tidak/ada', '/api', '/api/lain', '/halaman-tidak-ditemukan', '/rss.xml/x'])(
    '%s does not',
    (p) => expect(names(p)).toBe(false),
  );
});

describe('the periods of a long timeline', () => {
  // 2023: 30 stories (one page for the year); 2024: 120 in January (two parts), 10 in March.
  const long = storeFrom((f, a) => {
    const at = (month: string, day: number) => `"${month}-${String(day).padStart(2, '0')}T10:00:00+07:00"`;
    for (let i = 0; i < 30; i++) f.write(`content/articles/lama-${i}.md`, a({ title: `"Lama ${i}"`, publishedAt: at('2023-05', (i % 28) + 1), tags: '[rusia]' }));
    for (let i = 0; i < 120; i++) f.write(`content/articles/januari-${i}.md`, a({ title: `"Januari ${i}"`, publishedAt: at('2024-01', (i % 28) + 1), tags: '[rusia]' }));
    for (let i = 0; i < 10; i++) f.write(`content/articles/maret-${i}.md`, a({ title: `"Maret ${i}"`, publishedAt: at('2024-03', i + 1), tags: '[rusia]' }));
  });
  const names = (p: string) => pathNamesPage(p, long, (slug) => long.exists(slug));

  it.each(['/topik/rusia/linimasa', '/topik/rusia/linimasa/2023', '/topik/rusia/linimasa/2024-01', '/topik/rusia/linimasa/2024-01-2', '/topik/rusia/linimasa/2024-03'])('%s exists', (p) => expect(names(p)).toBe(true));

  it.each(['/topik/rusia/linimasa/2024', '/topik/rusia/linimasa/2023-05', '/topik/rusia/linimasa/2024-01-3', '/topik/rusia/linimasa/2024-01-1', '/topik/rusia/linimasa/2024-02', '/topik/rusia/linimasa/1999', '/topik/rusia/linimasa/', '/topik/vietnam/linimasa/2023', '/topik/rusia/linimasa/2024-1'])('%s does not', (p) => expect(names(p)).toBe(false));

  it('a story that fits one page has no period pages', () => expect(pathNamesPage('/topik/rusia/linimasa/2024', content, () => false)).toBe(false));
});

/** The URL paths the app/ folder defines, as Next.js derives them from its files. */
function appRoutes(dir = 'app', prefix = ''): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) found.push(...appRoutes(path.join(dir, entry.name), `${prefix}/${entry.name}`));
    else if (/^(page|route)\.tsx?$/.test(entry.name)) found.push(prefix || '/');
    else if (/^opengraph-image\.tsx?$/.test(entry.name)) found.push(`${prefix}/opengraph-image`);
    else if (/^robots\.ts$/.test(entry.name)) found.push(`${prefix}/robots.txt`);
    else if (entry.name === 'favicon.ico') found.push(`${prefix}/favicon.ico`);
  }
  return found;
}

it('the route table lists exactly the routes of app/', () => {
  expect(ROUTE_TABLE.map((r) => r.path).sort()).toEqual(appRoutes().sort());
});
