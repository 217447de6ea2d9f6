import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { storeFrom } from './content/test-store';
import { pathNamesPage } from './known-paths';
import { ROUTE_TABLE } from './routes';

const content = storeFrom((f, a) => {
  for (let i = 0; i < 12; i++) f.write(`content/articles/kabar-${i}.md`, a({ title: `"Kabar ${i}"`, tags: '[rusia]' }));
});

describe('paths that name a page', () => {
  const names = (p: string) => pathNamesPage(p, content, content);

  it.each(['/', '/cari', '/topik', '/rss.xml', '/robots.txt', '/favicon.ico', '/api/terbaca', '/berita/kabar-1', '/berita/kabar-1/ringan', '/berita/kabar-1/opengraph-image', '/topik/rusia', '/topik/rusia/halaman/2', '/topik/rusia/linimasa', '/topik/rusia/rss.xml', '/topik/rusia/opengraph-image', '/rubrik/internasional', '/rubrik/internasional/halaman/2', '/rubrik/internasional/rss.xml', '/penulis/redaksi', '/penulis/redaksi/halaman/2', '/sitemaps/0.xml'])(
    '%s does',
    (p) => expect(names(p)).toBe(true),
  );

  it.each(['/berita/tidak-ada', '/berita/kabar-1/lain', '/berita/kabar-1/opengraph-image-x', '/berita/' + 'a'.repeat(3000), '/berita/x%00y', '/berita', '/topik/tidak-ada', '/topik/rusia/halaman/3', '/topik/rusia/halaman/1', '/topik/rusia/halaman/02', '/topik/vietnam/halaman/2', '/rubrik/nasional/halaman/2', '/rubrik/internasional/linimasa', '/penulis/redaksi/rss.xml', '/penulis/siapa', '/sitemaps/abc.xml', '/sitemaps/1.xml', '/sitemaps/123.xml', '/tidak/ada', '/api', '/api/lain', '/halaman-tidak-ditemukan', '/rss.xml/x'])(
    '%s does not',
    (p) => expect(names(p)).toBe(false),
  );
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
