import { describe, expect, it } from 'vitest';
import { storeFrom } from './content/test-store';
import { dynamicPathExists } from './known-paths';

const content = storeFrom((f, a) => {
  for (let i = 0; i < 12; i++) f.write(`content/articles/kabar-${i}.md`, a({ title: `"Kabar ${i}"`, tags: '[rusia]' }));
});

describe('URLs under dynamic routes that can name a page', () => {
  const exists = (path: string) => dynamicPathExists(path, content, content);

  it.each(['/berita/kabar-1', '/berita/kabar-1/ringan', '/berita/kabar-1/opengraph-image', '/topik/rusia', '/topik/rusia/halaman/2', '/topik/rusia/linimasa', '/topik/rusia/rss.xml', '/rubrik/internasional', '/rubrik/internasional/halaman/2', '/rubrik/internasional/rss.xml', '/penulis/redaksi', '/penulis/redaksi/halaman/2', '/sitemaps/0.xml'])(
    '%s exists',
    (path) => expect(exists(path)).toBe(true),
  );

  it.each(['/berita/tidak-ada', '/berita/kabar-1/lain', '/berita/' + 'a'.repeat(3000), '/berita/x%00y', '/topik/tidak-ada', '/topik/rusia/halaman/3', '/topik/rusia/halaman/1', '/topik/rusia/halaman/02', '/topik/vietnam/halaman/2', '/rubrik/nasional/halaman/2', '/rubrik/internasional/linimasa', '/penulis/redaksi/rss.xml', '/penulis/siapa', '/sitemaps/abc.xml', '/sitemaps/123.xml'])(
    '%s does not',
    (path) => expect(exists(path)).toBe(false),
  );

  it('leaves other paths to Next.js', () => {
    expect(exists('/')).toBeUndefined();
    expect(exists('/cari')).toBeUndefined();
    expect(exists('/tidak/ada')).toBeUndefined();
  });
});
