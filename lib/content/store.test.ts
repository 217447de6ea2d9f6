import { describe, expect, it } from 'vitest';
import { monthKey } from '../i18n/format';
import { textBody } from './load';
import { ContentStore, paginate, type StoreOptions } from './store';
import { tagTimeline } from './timeline';
import type { Article, RawContent } from './types';

const JAKARTA = 'Asia/Jakarta';

function story(slug: string, publishedAt: string, tags: string[], extra: Partial<Article> = {}): Article {
  return {
    slug,
    file: `content/articles/${slug}.md`,
    title: slug,
    summary: '',
    publishedAt,
    publishedMs: Date.parse(publishedAt),
    section: 'internasional',
    tags,
    authors: ['redaksi'],
    draft: false,
    corrections: [],
    readAlso: [],
    body: textBody(''),
    bodyLineOffset: 0,
    ...extra,
  };
}

function store(articles: Article[], options: StoreOptions = {}): ContentStore {
  const raw: RawContent = {
    articles,
    tags: ['a', 'b', 'c', 'd'].map((slug) => ({ slug, name: slug.toUpperCase(), description: '' })),
    sections: [
      { slug: 'nasional', name: 'Nasional', description: '', order: 2 },
      { slug: 'internasional', name: 'Internasional', description: '', order: 1 },
    ],
    authors: [{ slug: 'redaksi', name: 'Redaksi', bio: '' }],
  };
  return new ContentStore(raw, (iso) => monthKey(iso, JAKARTA), options);
}

describe('tag grouping and ordering', () => {
  const s = store([
    story('lama', '2023-09-13T10:00:00+07:00', ['a', 'b']),
    story('baru', '2024-06-20T14:05:00+07:00', ['a']),
    story('tengah', '2024-01-17T10:00:00+07:00', ['a', 'c']),
    story('lain', '2024-02-01T10:00:00+07:00', ['b']),
    story('draf', '2025-01-01T10:00:00+07:00', ['a'], { draft: true }),
  ]);

  it('lists a tag’s stories newest first, without drafts', () => {
    expect(s.storiesByTag('a').map((a) => a.slug)).toEqual(['baru', 'tengah', 'lama']);
    expect(s.article('draf')).toBeUndefined();
    expect(s.latest(10).map((a) => a.slug)).not.toContain('draf');
  });

  it('orders by instant, not by the written offset', () => {
    // 23:30 in Jakarta on the 19th is earlier than 01:00 UTC on the 20th (08:00 WIB).
    const t = store([story('utc', '2024-06-20T01:00:00Z', ['a']), story('wib', '2024-06-19T23:30:00+07:00', ['a'])]);
    expect(t.storiesByTag('a').map((a) => a.slug)).toEqual(['utc', 'wib']);
  });

  it('counts stories per tag and ranks popular and related tags', () => {
    expect(s.tagsWithCounts().map((t) => [t.slug, t.count])).toEqual([
      ['a', 3],
      ['b', 2],
      ['c', 1],
      ['d', 0],
    ]);
    expect(s.popularTags(2).map((t) => t.slug)).toEqual(['a', 'b']);
    expect(s.relatedTags('a', 5).map((t) => [t.slug, t.count])).toEqual([
      ['b', 1],
      ['c', 1],
    ]);
  });

  it('builds the timeline oldest first, grouped by Jakarta month', () => {
    // 31 Jan 20:00 UTC is already 1 February in Jakarta.
    const t = store([
      story('jan', '2024-01-10T10:00:00+07:00', ['a']),
      story('feb-utc', '2024-01-31T20:00:00Z', ['a']),
      story('feb', '2024-02-15T10:00:00+07:00', ['a']),
    ]);
    expect(tagTimeline(t, 'a')!.periods[0]!.months.map((m) => [m.key, m.articles.map((a) => a.slug)])).toEqual([
      ['2024-01', ['jan']],
      ['2024-02', ['feb-utc', 'feb']],
    ]);
  });

  it('sorts sections by their order', () => {
    expect(s.sections.map((x) => x.slug)).toEqual(['internasional', 'nasional']);
  });
});

describe('pagination', () => {
  const items = Array.from({ length: 23 }, (_, i) => i);

  it('splits into pages with stable sizes', () => {
    expect(paginate(items, 1, 10)).toEqual({ items: items.slice(0, 10), page: 1, totalPages: 3, total: 23 });
    expect(paginate(items, 3, 10)?.items).toEqual([20, 21, 22]);
  });

  it('returns null past the last page or for a non-page', () => {
    expect(paginate(items, 4, 10)).toBeNull();
    expect(paginate(items, 0, 10)).toBeNull();
    expect(paginate(items, 1.5, 10)).toBeNull();
  });

  it('has one (empty) first page when there is nothing', () => {
    expect(paginate([], 1, 10)).toEqual({ items: [], page: 1, totalPages: 1, total: 0 });
    expect(paginate([], 2, 10)).toBeNull();
  });
});

describe('related stories', () => {
  const base = story('pokok', '2024-06-20T14:05:00+07:00', ['a', 'b', 'c']);
  const s = store([
    base,
    story('satu-tag-baru', '2024-06-21T10:00:00+07:00', ['a']),
    story('dua-tag-lama', '2023-01-01T10:00:00+07:00', ['a', 'b']),
    story('tiga-tag', '2022-01-01T10:00:00+07:00', ['a', 'b', 'c']),
    story('satu-tag-lama', '2024-01-01T10:00:00+07:00', ['c']),
    story('tanpa-tag-sama', '2024-06-22T10:00:00+07:00', ['d']),
    story('rubrik-lain', '2024-06-23T10:00:00+07:00', ['d'], { section: 'nasional' }),
  ]);

  it('ranks by shared tags first, then recency, never itself', () => {
    expect(s.related(base, 4).map((a) => a.slug)).toEqual(['tiga-tag', 'dua-tag-lama', 'satu-tag-baru', 'satu-tag-lama']);
  });

  it('fills a short list with recent stories of the same section', () => {
    expect(s.related(base, 6).map((a) => a.slug)).toEqual([
      'tiga-tag',
      'dua-tag-lama',
      'satu-tag-baru',
      'satu-tag-lama',
      'tanpa-tag-sama',
    ]);
  });
});

describe('related stories on random archives', () => {
  // The ranking as first written: count every shared tag, sort everything.
  const reference = (s: ContentStore, article: Article, limit: number) => {
    const shared = new Map<Article, number>();
    for (const tag of article.tags) for (const other of s.storiesByTag(tag)) if (other !== article) shared.set(other, (shared.get(other) ?? 0) + 1);
    const ranked = [...shared.entries()].sort(([a, x], [b, y]) => y - x || b.publishedMs - a.publishedMs || a.slug.localeCompare(b.slug)).map(([a]) => a);
    for (const other of s.storiesBySection(article.section)) {
      if (ranked.length >= limit) break;
      if (other !== article && !shared.has(other)) ranked.push(other);
    }
    return ranked.slice(0, limit).map((a) => a.slug);
  };

  // Even tags, and one big tag with thin ones (an archive's "Ekonomi" beside a week's running story).
  // A tag on more than 1 story in 256 is scanned as a bit set (at most 7 per article), the rest
  // counted story by story: these mix both kinds on the same stories.
  for (const [profile, odds] of [
    ['even tags', [0.35, 0.35, 0.35, 0.35]],
    ['one big tag', [0.9, 0.3, 0.1, 0.03, 0.01, 0.004, 0.003, 0.002]],
    ['nine big tags', [0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3]],
  ] as const) {
    it(`gives exactly the ranking of counting and sorting every story, scheduled stories and drafts left out (${profile})`, () => {
      let seed = 17;
      const next = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
      const tags = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'].slice(0, odds.length);
      const articles = Array.from({ length: 1500 }, (_, i) =>
        story(`s-${i}`, new Date(Date.UTC(2024, 0, 1) + Math.floor(next() * 800) * 3_600_000).toISOString(),
          tags.filter((_, t) => next() < odds[t]!), { draft: next() < 0.05, section: next() < 0.5 ? 'nasional' : 'internasional' }),
      );
      const now = Date.UTC(2024, 0, 30);
      const s = store(articles, { now: () => now });
      let checked = 0;
      for (const article of s.articles) {
        for (const limit of [1, 4, 9]) {
          expect(s.related(article, limit).map((a) => a.slug), `${article.slug} ${limit}`).toEqual(reference(s, article, limit));
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(100);
      // About a second alone; far more on a machine shared with other builds.
    }, 60_000);
  }
});

describe('related stories on a big and a thin tag', () => {
  // 'besar' is on (nearly) every story: scanned as a bit set; 'tipis' on a few: counted one by one.
  const archive = (count: number, tagsOf: (i: number) => string[]) =>
    store(Array.from({ length: count }, (_, i) => story(`s-${String(i).padStart(3, '0')}`, new Date(Date.UTC(2024, 0, 1, i)).toISOString(), tagsOf(i))));

  it('counts a story on both once, with both tags, ahead of newer stories sharing one', () => {
    const s = archive(600, (i) => (i === 0 || i === 599 ? ['besar', 'tipis'] : ['besar']));
    expect(s.related(s.article('s-000')!, 3).map((a) => a.slug)).toEqual(['s-599', 's-598', 's-597']);
    expect(s.related(s.article('s-599')!, 3).map((a) => a.slug)).toEqual(['s-000', 's-598', 's-597']);
  });

  it('lets newer stories on the big tag displace older ones on the thin tag sharing as many', () => {
    // The thin tag's stories are 33 to 35 places from the newest: in the bit sets' second word.
    const s = archive(1200, (i) => (i === 600 ? ['besar', 'tipis'] : i >= 1164 && i <= 1166 ? ['tipis'] : ['besar']));
    expect(s.related(s.article('s-600')!, 3).map((a) => a.slug)).toEqual(['s-1199', 's-1198', 's-1197']);
  });

  it('counts stories sharing several thin tags', () => {
    const s = archive(1200, (i) => (i <= 1 ? ['besar', 'tipis', 'kecil'] : ['besar']));
    expect(s.related(s.article('s-000')!, 2).map((a) => a.slug)).toEqual(['s-001', 's-1199']);
  });

  it('counts up to all eight big tags of a story (seven bit sets, the eighth as a list)', () => {
    const eight = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
    // The newest three share five tags; older ones all eight.
    const s = archive(300, (i) => (i >= 297 ? eight.slice(0, 5) : eight));
    expect(s.related(s.article('s-000')!, 4).map((a) => a.slug)).toEqual(['s-296', 's-295', 's-294', 's-293']);
  });
});

describe('scheduled stories and drafts', () => {
  const articles = [
    story('terbit', '2024-06-20T14:05:00+07:00', ['a']),
    story('terjadwal', '2024-06-20T18:00:00+07:00', ['a', 'b'], { section: 'nasional' }),
    story('draf', '2024-06-19T10:00:00+07:00', ['a'], { draft: true }),
  ];
  let now = Date.parse('2024-06-20T17:59:00+07:00');
  const s = store(articles, { now: () => now });

  it('hides a story scheduled in the future from every query', () => {
    now = Date.parse('2024-06-20T17:59:00+07:00');
    expect(s.article('terjadwal')).toBeUndefined();
    expect(s.articles.map((a) => a.slug)).toEqual(['terbit']);
    expect(s.storiesByTag('a').map((a) => a.slug)).toEqual(['terbit']);
    expect(s.storiesByTag('b')).toEqual([]);
    expect(s.storiesBySection('nasional')).toEqual([]);
    expect(s.storiesByAuthor('redaksi').map((a) => a.slug)).toEqual(['terbit']);
    expect(s.tagsWithCounts().find((t) => t.slug === 'b')?.count).toBe(0);
    expect(s.related(s.article('terbit')!, 4)).toEqual([]);
    expect(s.relatedTags('a', 5)).toEqual([]);
    expect(tagTimeline(s, 'a')!.periods.flatMap((p) => p.months.flatMap((m) => m.articles.map((a) => a.slug)))).toEqual(['terbit']);
  });

  it('shows it from its publication time on, with no rebuild', () => {
    now = Date.parse('2024-06-20T18:00:00+07:00');
    expect(s.article('terjadwal')?.slug).toBe('terjadwal');
    expect(s.articles.map((a) => a.slug)).toEqual(['terjadwal', 'terbit']);
    expect(s.storiesByTag('b').map((a) => a.slug)).toEqual(['terjadwal']);
    expect(s.relatedTags('a', 5).map((t) => [t.slug, t.count])).toEqual([['b', 1]]);
  });

  it('never shows drafts publicly, but the preview store shows drafts and scheduled stories', () => {
    expect(s.article('draf')).toBeUndefined();
    const preview = store(articles, { preview: true, now: () => Date.parse('2020-01-01T00:00:00Z') });
    expect(preview.articles.map((a) => a.slug)).toEqual(['terjadwal', 'terbit', 'draf']);
    expect(preview.article('draf')?.slug).toBe('draf');
  });

  it('knows every story file’s slug, scheduled stories and drafts included, and no other', () => {
    now = Date.parse('2024-06-20T17:59:00+07:00');
    expect(['terbit', 'terjadwal', 'draf', 'tidak-ada'].map((slug) => s.exists(slug))).toEqual([true, true, true, false]);
  });
});
