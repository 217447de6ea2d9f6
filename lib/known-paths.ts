import type { Article, ContentStore } from './content';
import { pageOf, parsePageSegment } from './pages';

const SLUG = '([a-z0-9]+(?:-[a-z0-9]+)*)';
const ARTICLE = new RegExp(`^/berita/${SLUG}(?:/(?:ringan|opengraph-image[^/]*))?/?$`);
const SITEMAP_CHUNK = /^\/sitemaps\/([0-9]{1,2})\.xml$/;

/** Each listing route: the pages it has besides page n, and its stories (undefined: no such tag, section or author). */
const LISTINGS: Record<string, { pattern: RegExp; stories: (content: ContentStore, slug: string) => Article[] | undefined }> = {
  topik: {
    pattern: listing('topik', 'linimasa|rss\\.xml|opengraph-image[^/]*'),
    stories: (content, slug) => (content.tag(slug) ? content.storiesByTag(slug) : undefined),
  },
  rubrik: {
    pattern: listing('rubrik', 'rss\\.xml'),
    stories: (content, slug) => (content.section(slug) ? content.storiesBySection(slug) : undefined),
  },
  penulis: {
    pattern: listing('penulis'),
    stories: (content, slug) => (content.author(slug) ? content.storiesByAuthor(slug) : undefined),
  },
};

/** /{kind}/{slug}, /{kind}/{slug}/halaman/{n} and /{kind}/{slug}/{one of `pages`}; group 2 is n. */
function listing(kind: string, pages?: string): RegExp {
  return new RegExp(`^/${kind}/${SLUG}(?:/(?:halaman/([^/]+)${pages ? `|${pages}` : ''}))?/?$`);
}

/**
 * Whether a URL under one of the dynamic routes can name a page: a story that exists (drafts and
 * scheduled ones too — they answer 404 to readers by themselves), a tag, section or author that
 * exists, a page number within its listing. Anything else is answered with the 404 page before
 * Next.js sees it, so random URLs never become cache entries on disk (ISR caches what it renders).
 * Paths outside the dynamic routes are left to Next.js (undefined).
 */
export function dynamicPathExists(pathname: string, content: ContentStore, preview: ContentStore): boolean | undefined {
  if (pathname.startsWith('/berita/')) {
    const slug = ARTICLE.exec(pathname)?.[1];
    return slug !== undefined && preview.article(slug) !== undefined;
  }
  const kind = /^\/(topik|rubrik|penulis)\//.exec(pathname)?.[1];
  if (kind) {
    const route = LISTINGS[kind]!;
    const [, slug, page] = route.pattern.exec(pathname) ?? [];
    const stories = slug === undefined ? undefined : route.stories(content, slug);
    if (!stories) return false;
    if (page === undefined) return true;
    const number = parsePageSegment(page);
    return number !== null && pageOf(stories, number) !== null;
  }
  if (pathname.startsWith('/sitemaps/')) return SITEMAP_CHUNK.test(pathname);
  return undefined;
}
