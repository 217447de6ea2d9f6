import { Readable } from 'node:stream';
import { SitemapIndexStream, SitemapStream, streamToPromise, type SitemapItemLoose } from 'sitemap';
import { siteConfig } from '../config';
import type { Article, ContentStore, LiveReport } from '../content';
import { t } from '../i18n';
import { routes } from '../routes';
import { absoluteUrl } from '../seo/metadata';

/** The sitemap protocol's limit of URLs per file; past it /sitemap.xml becomes an index. */
export const MAX_URLS_PER_SITEMAP = 50_000;
/** Google News sitemaps list the stories of the last two days only. */
export const NEWS_WINDOW_MS = 48 * 60 * 60 * 1000;

export interface SitemapEntry {
  path: string;
  lastmod: string;
}

const lastModified = (article: Article) => article.updatedAt ?? article.publishedAt;

/** Newest change among stories, or undefined for an empty list. Runs over every story of every
 * listing (a million at 100,000 stories): only corrected stories have a date to parse. */
function newest(articles: Article[]): string | undefined {
  let best: Article | undefined;
  let bestMs = Number.NEGATIVE_INFINITY;
  for (const a of articles) {
    const ms = a.updatedAt ? Date.parse(a.updatedAt) : a.publishedMs;
    if (ms > bestMs) {
      best = a;
      bestMs = ms;
    }
  }
  return best && lastModified(best);
}

/** Every public page worth crawling — home, articles, tags (and timelines), sections, authors — with lastmod. */
export function sitemapEntries(content: ContentStore, live: LiveReport[] = []): SitemapEntry[] {
  const entries: SitemapEntry[] = [];
  const add = (path: string, lastmod: string | undefined) => {
    if (lastmod) entries.push({ path, lastmod });
  };
  add(routes.home(), newest(content.articles));
  add(routes.tags(), newest(content.articles));
  for (const section of content.sections) add(routes.section(section.slug), newest(content.storiesBySection(section.slug)));
  for (const tag of content.tagsWithCounts()) {
    const stories = content.storiesByTag(tag.slug);
    add(routes.tag(tag.slug), newest(stories));
    add(routes.timeline(tag.slug), newest(stories));
  }
  const authors = new Set(content.articles.flatMap((a) => a.authors));
  for (const author of authors) add(routes.author(author), newest(content.storiesByAuthor(author)));
  for (const report of live) add(routes.live(report.slug), report.entries[0]?.time);
  for (const article of content.articles) add(routes.article(article.slug), lastModified(article));
  return entries;
}

export function sitemapChunkCount(entryCount: number, perFile = MAX_URLS_PER_SITEMAP): number {
  return Math.max(1, Math.ceil(entryCount / perFile));
}

const EMPTY_URLSET = (news: boolean) =>
  '<?xml version="1.0" encoding="UTF-8"?>' +
  `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"${news ? ' xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"' : ''}></urlset>`;

async function urlset(items: SitemapItemLoose[], news = false): Promise<string> {
  // The library refuses an empty stream, but an empty news sitemap (a quiet two days) is valid.
  if (items.length === 0) return EMPTY_URLSET(news);
  const stream = new SitemapStream({ hostname: siteConfig.url, xmlns: { news, xhtml: false, image: false, video: false } });
  return (await streamToPromise(Readable.from(items).pipe(stream))).toString();
}

export function renderUrlset(entries: SitemapEntry[]): Promise<string> {
  return urlset(entries.map((e) => ({ url: absoluteUrl(e.path), lastmod: e.lastmod })));
}

/** /sitemap.xml: one urlset while it fits, otherwise an index of /sitemaps/N.xml files. */
export async function renderSitemap(entries: SitemapEntry[], perFile = MAX_URLS_PER_SITEMAP): Promise<string> {
  if (entries.length <= perFile) return renderUrlset(entries);
  const stream = new SitemapIndexStream();
  const chunks = sitemapChunkCount(entries.length, perFile);
  const items = Array.from({ length: chunks }, (_, n) => ({
    url: absoluteUrl(routes.sitemapChunk(n)),
    lastmod: newestOf(entries.slice(n * perFile, (n + 1) * perFile)),
  }));
  return (await streamToPromise(Readable.from(items).pipe(stream))).toString();
}

function newestOf(entries: SitemapEntry[]): string {
  return entries.reduce((a, e) => (Date.parse(e.lastmod) > Date.parse(a) ? e.lastmod : a), entries[0]!.lastmod);
}

/** One file of the index: null when `n` is not one of the chunks. */
export function sitemapChunk(entries: SitemapEntry[], n: number, perFile = MAX_URLS_PER_SITEMAP): SitemapEntry[] | null {
  if (!Number.isInteger(n) || n < 0 || n >= sitemapChunkCount(entries.length, perFile) || entries.length <= perFile) return null;
  return entries.slice(n * perFile, (n + 1) * perFile);
}

/** Google News sitemap: stories published within 48 hours before `now`. */
export function renderNewsSitemap(content: ContentStore, now: number): Promise<string> {
  const recent = content.articles.filter((a) => a.publishedMs <= now && now - a.publishedMs <= NEWS_WINDOW_MS);
  return urlset(
    recent.map((article) => ({
      url: absoluteUrl(routes.article(article.slug)),
      lastmod: lastModified(article),
      news: {
        publication: { name: siteConfig.name, language: t.htmlLang },
        publication_date: article.publishedAt,
        title: article.title,
        keywords: article.tags.map((slug) => content.tag(slug)?.name ?? slug).join(', '),
      },
    })),
    true,
  );
}

export function xmlResponse(xml: string, maxAge = 300): Response {
  return new Response(xml, {
    headers: {
      'Content-Type': 'application/xml; charset=utf-8',
      'Cache-Control': `public, max-age=${maxAge}, s-maxage=60, stale-while-revalidate=600`,
    },
  });
}
