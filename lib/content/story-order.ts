import { bisect, byNewest } from './store';
import type { Article, Tag } from './types';

/**
 * The running story an article is read in: the first of its tags, in the order the editor listed
 * them, that is marked `story: true`. The editor thus decides (the first tag is the story the
 * article is mainly about), and the answer never shifts as other stories grow.
 */
export function runningStoryOf(article: Article, tagOf: (slug: string) => Tag | undefined): Tag | undefined {
  for (const slug of article.tags) {
    const tag = tagOf(slug);
    if (tag?.story) return tag;
  }
  return undefined;
}

export interface StoryPlace {
  /** 1 for the oldest story. */
  position: number;
  total: number;
  /** The story published just before, and just after, in this running story. */
  previous?: Article;
  next?: Article;
}

/**
 * Where `article` stands in a running story, given the story's published articles newest first
 * (the store's per-tag list, sorted by byNewest). Found by binary search on that order, so an
 * article page costs O(log n) even for a story of tens of thousands; undefined when it is not in
 * the list (a draft seen in preview, or a story it is not tagged with).
 */
export function storyPlace(newestFirst: readonly Article[], article: Article): StoryPlace | undefined {
  const lo = bisect(newestFirst.length, (i) => byNewest(newestFirst[i]!, article) < 0);
  if (newestFirst[lo]?.slug !== article.slug) return undefined;
  const total = newestFirst.length;
  return { position: total - lo, total, previous: newestFirst[lo + 1], next: lo > 0 ? newestFirst[lo - 1] : undefined };
}
