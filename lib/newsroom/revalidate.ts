import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { ContentStore } from '../content';
import { routes } from '../routes';

/** Body of POST /api/revalidate: one article slug, or several. */
export const revalidateBody = z.union([
  z.strictObject({ slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'slug must be a lower-case slug') }),
  z.strictObject({ slugs: z.array(z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'slugs must be lower-case slugs')).min(1).max(500) }),
]);

/** Constant-time comparison, so the secret cannot be guessed from response times. */
export function secretMatches(given: string | null, expected: string | undefined): boolean {
  if (!expected || !given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The secret from "Authorization: Bearer …" or the x-revalidate-secret header. */
export function secretFrom(headers: Headers): string | null {
  const auth = headers.get('authorization');
  if (auth?.startsWith('Bearer ')) return auth.slice(7).trim();
  return headers.get('x-revalidate-secret');
}

/**
 * Every page that shows an article: the article, its tags (all pages, timeline, feed), its
 * section and authors (all pages, feed), home, the site feeds and sitemaps.
 * Returns [path, type] pairs for revalidatePath ("page" for dynamic routes' every instance).
 */
export function pathsShowing(slugs: string[], content: ContentStore): string[] {
  const paths = new Set<string>([routes.home(), routes.tags(), routes.rss(), routes.atom(), routes.jsonFeed(), routes.sitemap(), routes.newsSitemap()]);
  for (const slug of slugs) {
    paths.add(routes.article(slug));
    const article = content.article(slug);
    if (!article) continue;
    for (const tag of article.tags) {
      paths.add(routes.tag(tag));
      paths.add(routes.timeline(tag));
      paths.add(routes.tagFeed(tag));
      const pages = Math.ceil(content.storiesByTag(tag).length / 10) + 1;
      for (let p = 2; p <= pages; p++) paths.add(routes.tag(tag, p));
    }
    paths.add(routes.section(article.section));
    paths.add(routes.sectionFeed(article.section));
    for (const author of article.authors) paths.add(routes.author(author));
  }
  return [...paths];
}
