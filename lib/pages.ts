import { siteConfig } from './config';
import { env } from './env';
import { getContent, paginate, type Article, type Page } from './content';

// Route helpers: page numbers of the paginated listings (tags, sections, authors) and which
// stories are prerendered at build.

/** Parses "2" → 2; anything else ("1", "02", "abc") is not a canonical page URL. */
export function parsePageSegment(segment: string): number | null {
  if (!/^[1-9][0-9]*$/.test(segment)) return null;
  const page = Number(segment);
  return page >= 2 ? page : null;
}

export function pageOf(stories: Article[], page: number): Page<Article> | null {
  return paginate(stories, page, siteConfig.pageSize);
}

/**
 * How many of the newest stories are prerendered at build (WARTA_PRERENDER_ARTICLES, default
 * 1,000). Older stories, and pages 2…n of every listing, render on first request and are then
 * cached and revalidated like the rest (ISR), so build time stays flat as the archive grows.
 */
export function prerenderedArticleParams(): { slug: string }[] {
  return getContent()
    .latest(env().WARTA_PRERENDER_ARTICLES)
    .map((article) => ({ slug: article.slug }));
}
