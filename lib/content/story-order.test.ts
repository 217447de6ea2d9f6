import { describe, expect, it } from 'vitest';
import { byNewest } from './store';
import { runningStoryOf, storyPlace } from './story-order';
import { storeFrom } from '../../test/support/test-store';
import type { Article, Tag } from './types';

/** Just what ordering looks at: slug, time and tags. */
function story(slug: string, iso: string, tags: string[] = ['rusia']): Article {
  return { slug, publishedAt: iso, publishedMs: Date.parse(iso), tags } as Article;
}

const oldest = story('a-oldest', '2023-07-27T16:45:00+07:00');
const sameTimeA = story('b-same', '2024-06-19T20:30:00+07:00');
const sameTimeB = story('c-same', '2024-06-19T20:30:00+07:00');
const newest = story('d-newest', '2025-09-03T21:05:00+07:00');
const list = [oldest, sameTimeA, sameTimeB, newest].sort(byNewest);

describe('storyPlace', () => {
  it('counts from the oldest story and links to the stories either side', () => {
    // Stories of the same minute keep the timeline's order (the newest-first list reversed).
    expect(storyPlace(list, oldest)).toEqual({ position: 1, total: 4, previous: undefined, next: sameTimeB });
    expect(storyPlace(list, sameTimeB)).toEqual({ position: 2, total: 4, previous: oldest, next: sameTimeA });
    expect(storyPlace(list, sameTimeA)).toEqual({ position: 3, total: 4, previous: sameTimeB, next: newest });
    expect(storyPlace(list, newest)).toEqual({ position: 4, total: 4, previous: sameTimeA, next: undefined });
  });

  it('is undefined for an article not in the story, and for an empty story', () => {
    expect(storyPlace(list, story('x', '2024-01-01T00:00:00+07:00'))).toBeUndefined();
    expect(storyPlace([], oldest)).toBeUndefined();
  });

  it('finds every story of a long list by binary search', () => {
    const start = Date.parse('2020-01-01T00:00:00Z');
    const many = Array.from({ length: 100_000 }, (_, i) => story(`s-${String(i).padStart(6, '0')}`, new Date(start + Math.floor(i / 3) * 60_000).toISOString()));
    const sorted = [...many].sort(byNewest);
    for (const i of [0, 1, 2, 49_999, 99_998, 99_999]) {
      const place = storyPlace(sorted, many[i]!)!;
      expect(sorted[sorted.length - place.position]).toBe(many[i]);
      expect(place.total).toBe(100_000);
    }
  });
});

describe('runningStoryOf', () => {
  const tags = new Map<string, Tag>([
    ['rusia', { slug: 'rusia', name: 'Rusia', description: '' }],
    ['perang', { slug: 'perang', name: 'Perang', description: '', story: true }],
    ['hubungan', { slug: 'hubungan', name: 'Hubungan', description: '', story: true }],
  ]);
  const tagOf = (slug: string) => tags.get(slug);

  it('is the first running story among the article\'s tags, in the order listed', () => {
    expect(runningStoryOf(story('x', '2024-01-01T00:00:00+07:00', ['rusia', 'hubungan', 'perang']), tagOf)?.slug).toBe('hubungan');
    expect(runningStoryOf(story('x', '2024-01-01T00:00:00+07:00', ['perang', 'hubungan']), tagOf)?.slug).toBe('perang');
  });

  it('is undefined when no tag is a running story', () => {
    expect(runningStoryOf(story('x', '2024-01-01T00:00:00+07:00', ['rusia', 'tidak-ada']), tagOf)).toBeUndefined();
  });
});

describe('on the content store', () => {
  it('counts only published stories of the running story, and drafts and scheduled ones are never linked', () => {
    const content = storeFrom((f, a) => {
      f.write('content/tags/rusia.yml', 'name: Rusia\ndescription: Berita tentang Rusia.\nstory: true\n');
      f.write('content/articles/kedua.md', a({ title: '"Kedua"', publishedAt: '"2024-06-21T09:00:00+07:00"' }));
      f.write('content/articles/draf.md', a({ title: '"Draf"', publishedAt: '"2024-06-22T09:00:00+07:00"', draft: 'true' }));
      f.write('content/articles/terjadwal.md', a({ title: '"Terjadwal"', publishedAt: '"2099-01-01T09:00:00+07:00"' }));
    });
    const second = content.article('kedua')!;
    const story = runningStoryOf(second, (slug) => content.tag(slug))!;
    expect(story.slug).toBe('rusia');
    const place = storyPlace(content.storiesByTag(story.slug), second)!;
    expect(place).toMatchObject({ position: 2, total: 2, next: undefined });
    expect(place.previous?.slug).toBe('pertama');
  });
});
