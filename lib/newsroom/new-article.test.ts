import { describe, expect, it } from 'vitest';
import { makeFixture } from '../../test/support/fixtures';
import { loadContent } from '../content/load';
import { jakartaTimestamp, newArticle } from './new-article';

describe('new article', () => {
  it('stamps the Jakarta time, whatever the server zone', () => {
    expect(jakartaTimestamp(new Date('2024-06-20T07:05:30Z'))).toBe('2024-06-20T14:05:00+07:00');
    expect(jakartaTimestamp(new Date('2024-12-31T18:30:00Z'))).toBe('2025-01-01T01:30:00+07:00');
  });

  it('writes a file that passes validation, as a draft, with a slug from the title', () => {
    const f = makeFixture();
    const { slug, text } = newArticle('Putin Tiba di Pyongyang: Babak Baru?', new Date('2024-06-19T00:00:00Z'), {
      section: 'internasional',
      tag: 'rusia',
      author: 'redaksi',
    });
    expect(slug).toBe('putin-tiba-di-pyongyang-babak-baru');
    f.write(`content/articles/${slug}.md`, text);
    const { content, problems } = loadContent({ contentDir: f.contentDir, publicDir: f.publicDir, rootDir: f.root });
    expect(problems).toEqual([]);
    const article = content.articles.find((a) => a.slug === slug)!;
    expect(article).toMatchObject({ title: 'Putin Tiba di Pyongyang: Babak Baru?', draft: true, publishedAt: '2024-06-19T07:00:00+07:00' });
  });

  it('refuses a title without letters or digits', () => {
    expect(() => newArticle('!!!', new Date(), { section: 's', tag: 't', author: 'a' })).toThrow(/Cannot make a slug/);
  });
});
