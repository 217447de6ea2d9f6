import { describe, expect, it } from 'vitest';
import { storeFrom } from '../../test/support/test-store';
import { parseRevalidationRequest, pathsShowing } from './revalidation';

describe('POST /api/revalidate body', () => {
  it('accepts {"slugs": [...]} and the single-slug shorthand', () => {
    expect(parseRevalidationRequest('{"slugs":["a-b","c"]}')).toEqual({ ok: true, value: { slugs: ['a-b', 'c'] } });
    expect(parseRevalidationRequest('{"slug":"a-b"}')).toEqual({ ok: true, value: { slugs: ['a-b'] } });
  });

  it.each([
    ['not json', /body is not JSON/],
    ['[]', /body: /],
    ['{}', /"slugs": /],
    ['{"slugs":[]}', /at least one/],
    ['{"slugs":["../etc/passwd"]}', /"slugs\.0": must be an article slug/],
    ['{"slugs":["a"],"paths":["/"]}', /body: .*paths/i],
    [`{"slugs":${JSON.stringify(Array.from({ length: 101 }, (_, i) => `s${i}`))}}`, /at most 100/],
  ])('rejects %s with the reason', (body, reason) => {
    const result = parseRevalidationRequest(body);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });
});

describe('pages that show a story', () => {
  const before = storeFrom((f, a) => {
    f.write('content/articles/kabar.md', a({ title: '"Kabar"', tags: '[rusia]', section: 'internasional' }));
  });
  const after = storeFrom((f, a) => {
    // The editor moved the story to another tag and section.
    f.write('content/articles/kabar.md', a({ title: '"Kabar"', tags: '[vietnam]', section: 'nasional' }));
    f.write('content/articles/baru.md', a({ title: '"Baru"', tags: '[korea-utara]' }));
  });

  it('covers the story, its lite edition, home, feeds, sitemaps and its tags and sections before and after', () => {
    const { paths, unknown } = pathsShowing(['kabar'], before, after);
    expect(unknown).toEqual([]);
    for (const p of ['/berita/kabar', '/berita/kabar/ringan', '/', '/rss.xml', '/sitemap.xml', '/sitemap-news.xml', '/topik/rusia', '/topik/vietnam', '/topik/rusia/linimasa', '/topik/vietnam/rss.xml', '/rubrik/internasional', '/rubrik/nasional', '/penulis/redaksi']) {
      expect(paths).toContain(p);
    }
    expect(paths).not.toContain('/topik/korea-utara');
  });

  it('knows a new story and reports slugs that exist nowhere', () => {
    const { paths, unknown } = pathsShowing(['baru', 'tidak-ada'], before, after);
    expect(paths).toContain('/topik/korea-utara');
    expect(unknown).toEqual(['tidak-ada']);
  });
});
