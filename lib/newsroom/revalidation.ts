import { z } from 'zod';
import type { ContentStore, LiveReport } from '../content';
import { PAGED_ROUTES, routes } from '../routes';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const requestSchema = z
  .object({
    slugs: z
      .array(z.string().max(200).regex(SLUG, 'must be an article slug: lower-case letters, digits and single hyphens'))
      .min(1, 'name at least one article')
      .max(100, 'at most 100 articles per request'),
  })
  .strict();

export type RevalidationRequest = z.infer<typeof requestSchema>;

/**
 * Reads the body of POST /api/revalidate: JSON `{"slugs": ["…"]}` (or `{"slug": "…"}`).
 * Returns the request or the reason it is malformed, phrased for whoever wrote the webhook.
 */
export function parseRevalidationRequest(body: string): { ok: true; value: RevalidationRequest } | { ok: false; reason: string } {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { ok: false, reason: 'body is not JSON; send {"slugs": ["article-slug"]} with Content-Type: application/json' };
  }
  if (json && typeof json === 'object' && !Array.isArray(json) && 'slug' in json && !('slugs' in json)) {
    const { slug, ...rest } = json as Record<string, unknown>;
    json = { ...rest, slugs: [slug] };
  }
  const parsed = requestSchema.safeParse(json);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0]!;
  const where = issue.path.length > 0 ? `"${issue.path.join('.')}"` : 'body';
  return { ok: false, reason: `${where}: ${issue.message}; send {"slugs": ["article-slug"]}` };
}

/** Route patterns whose pages 2…n (and a long timeline's periods) shift when any story is added or removed. */
export const PAGED_ROUTE_PATTERNS = PAGED_ROUTES;

/**
 * Every URL that shows one of `slugs`, before or after the content changed: the story itself and
 * its lite edition, the home page, its tags (page, timeline, feed), its section and authors, the
 * site feeds and sitemaps. Stories deleted or moved are covered by looking at both versions.
 */
export function pathsShowing(slugs: string[], before: ContentStore, after: ContentStore): { paths: string[]; unknown: string[] } {
  const paths = new Set<string>([
    routes.home(),
    routes.tags(),
    routes.rss(),
    routes.atom(),
    routes.jsonFeed(),
    routes.sitemap(),
    routes.newsSitemap(),
  ]);
  const unknown: string[] = [];
  for (const slug of slugs) {
    const versions = [before.candidates.find((a) => a.slug === slug), after.candidates.find((a) => a.slug === slug)].filter((a) => a !== undefined);
    if (versions.length === 0) {
      unknown.push(slug);
      continue;
    }
    paths.add(routes.article(slug));
    paths.add(routes.articleLite(slug));
    for (const article of versions) {
      for (const tag of article.tags) {
        paths.add(routes.tag(tag));
        paths.add(routes.timeline(tag));
        paths.add(routes.tagFeed(tag));
      }
      paths.add(routes.section(article.section));
      paths.add(routes.sectionFeed(article.section));
      for (const author of article.authors) paths.add(routes.author(author));
    }
  }
  return { paths: [...paths], unknown };
}

/** The pages that show the named live reports: each report, the home page and its tags' pages. */
export function pathsShowingLive(slugs: string[], live: LiveReport[]): { paths: string[]; found: string[] } {
  const paths = new Set<string>();
  const found: string[] = [];
  for (const report of live.filter((r) => slugs.includes(r.slug))) {
    found.push(report.slug);
    paths.add(routes.live(report.slug));
    paths.add(routes.home());
    for (const tag of report.tags) paths.add(routes.tag(tag));
  }
  return { paths: [...paths], found };
}
