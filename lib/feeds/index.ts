import { Feed } from 'feed';
import { siteConfig } from '../config';
import type { Article, ContentStore, LiveReport } from '../content';
import { t } from '../i18n';
import { routes } from '../routes';
import { absoluteUrl } from '../seo/metadata';

/** Stories per feed: enough for a reader catching up, small enough to fetch often. */
export const FEED_SIZE = 50;

export interface FeedSpec {
  title: string;
  description: string;
  /** The HTML page the feed mirrors. */
  pagePath: string;
  /** This feed's own URL. */
  feedPath: string;
  articles: Article[];
  /** Live reports, placed among the stories by their latest entry. */
  live?: LiveReport[];
}

/**
 * Builds a feed with the `feed` library. RSS's pubDate is the publication time; Atom's and JSON
 * Feed's date is the last modification (their `published` carries the publication time).
 */
export function buildFeed(spec: FeedSpec, content: ContentStore, format: 'rss' | 'atom' | 'json' = 'rss'): Feed {
  const items = spec.articles.slice(0, FEED_SIZE);
  const newest = items[0];
  const feed = new Feed({
    title: spec.title,
    description: spec.description,
    id: absoluteUrl(spec.pagePath),
    link: absoluteUrl(spec.pagePath),
    language: t.htmlLang,
    image: absoluteUrl('/logo.png'),
    favicon: absoluteUrl('/favicon.ico'),
    copyright: t.copyright(new Date().getFullYear()),
    updated: newest ? new Date(newest.updatedAt ?? newest.publishedAt) : new Date(0),
    generator: siteConfig.name,
    feedLinks: {
      rss: absoluteUrl(spec.feedPath),
      atom: absoluteUrl(routes.atom()),
      json: absoluteUrl(routes.jsonFeed()),
    },
  });
  // Live reports go among the stories by their latest update, as a reader following both expects.
  for (const report of spec.live ?? []) {
    const latest = report.entries[0]!;
    const url = absoluteUrl(routes.live(report.slug));
    feed.addItem({
      title: report.title,
      id: url,
      link: url,
      description: report.summary,
      date: new Date(latest.time),
      published: new Date(report.entries.at(-1)!.time),
      category: report.tags.map((slug) => ({ name: content.tag(slug)?.name ?? slug, domain: absoluteUrl(routes.tag(slug)) })),
      author: report.authors.map((slug) => ({ name: content.author(slug)?.name ?? slug, link: absoluteUrl(routes.author(slug)) })),
    });
  }
  for (const article of items) {
    const url = absoluteUrl(routes.article(article.slug));
    feed.addItem({
      title: article.title,
      id: url,
      link: url,
      description: article.summary,
      date: new Date(format === 'rss' ? article.publishedAt : (article.updatedAt ?? article.publishedAt)),
      published: new Date(article.publishedAt),
      category: [
        { name: content.section(article.section)?.name ?? article.section, domain: absoluteUrl(routes.section(article.section)) },
        ...article.tags.map((slug) => ({ name: content.tag(slug)?.name ?? slug, domain: absoluteUrl(routes.tag(slug)) })),
      ],
      author: article.authors.map((slug) => ({ name: content.author(slug)?.name ?? slug, link: absoluteUrl(routes.author(slug)) })),
      image: article.image ? absoluteUrl(article.image.src) : undefined,
    });
  }
  feed.items.sort((a, b) => b.date.getTime() - a.date.getTime());
  feed.items.splice(FEED_SIZE);
  return feed;
}

export function siteFeed(content: ContentStore, format: 'rss' | 'atom' | 'json', live: LiveReport[] = []): Feed {
  const feedPath = { rss: routes.rss(), atom: routes.atom(), json: routes.jsonFeed() }[format];
  return buildFeed(
    { title: siteConfig.name, description: t.siteTagline, pagePath: routes.home(), feedPath, articles: content.articles, live },
    content,
    format,
  );
}

// Feeds are public: browser-based feed readers on other origins may fetch them (CORS).
const XML_HEADERS = { 'Cache-Control': 'public, max-age=300, s-maxage=60, stale-while-revalidate=600', 'Access-Control-Allow-Origin': '*' };

export function rssResponse(feed: Feed): Response {
  return new Response(feed.rss2(), { headers: { ...XML_HEADERS, 'Content-Type': 'application/rss+xml; charset=utf-8' } });
}
export function atomResponse(feed: Feed): Response {
  return new Response(feed.atom1(), { headers: { ...XML_HEADERS, 'Content-Type': 'application/atom+xml; charset=utf-8' } });
}
export function jsonFeedResponse(feed: Feed): Response {
  return new Response(feed.json1(), { headers: { ...XML_HEADERS, 'Content-Type': 'application/feed+json; charset=utf-8' } });
}
