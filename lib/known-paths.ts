import { siteConfig } from './config';
import type { ContentStore } from './content';

const SLUG = '([a-z0-9]+(?:-[a-z0-9]+)*)';
const ARTICLE = new RegExp(`^/berita/${SLUG}(?:/(?:ringan|opengraph-image[^/]*))?/?$`);
const LISTING = new RegExp(`^/(topik|rubrik|penulis)/${SLUG}(?:/(halaman/([0-9]+)|linimasa|rss\\.xml|opengraph-image[^/]*))?/?$`);
const SITEMAP_CHUNK = /^\/sitemaps\/([0-9]{1,2})\.xml$/;

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
  if (/^\/(topik|rubrik|penulis)\/./.test(pathname)) {
    const match = LISTING.exec(pathname);
    if (!match) return false;
    const [, kind, slug, rest, page] = match as unknown as [string, 'topik' | 'rubrik' | 'penulis', string, string | undefined, string | undefined];
    const stories =
      kind === 'topik' ? (content.tag(slug) ? content.storiesByTag(slug) : undefined)
      : kind === 'rubrik' ? (content.section(slug) ? content.storiesBySection(slug) : undefined)
      : content.author(slug) ? content.storiesByAuthor(slug) : undefined;
    if (!stories) return false;
    if (kind !== 'topik' && rest && /^(linimasa|opengraph-image)/.test(rest)) return false;
    if (kind === 'penulis' && rest === 'rss.xml') return false;
    if (page === undefined) return true;
    const number = Number(page);
    return /^[1-9][0-9]*$/.test(page) && number >= 2 && number <= Math.ceil(stories.length / siteConfig.pageSize);
  }
  if (pathname.startsWith('/sitemaps/')) return SITEMAP_CHUNK.test(pathname);
  return undefined;
}
