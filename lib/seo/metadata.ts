import type { Metadata } from 'next';
import { siteConfig } from '../config';
import type { Article, ContentStore } from '../content';
import { t } from '../i18n';
import { routes } from '../routes';

export const absoluteUrl = (path: string) => `${siteConfig.url}${path}`;

/** Site-wide feeds, advertised on every page with <link rel="alternate">. */
export const siteFeeds = {
  'application/rss+xml': [{ url: routes.rss(), title: `${siteConfig.name} — RSS` }],
  'application/atom+xml': [{ url: routes.atom(), title: `${siteConfig.name} — Atom` }],
  'application/feed+json': [{ url: routes.jsonFeed(), title: `${siteConfig.name} — JSON Feed` }],
};

interface PageMetaInput {
  title: string;
  description: string;
  path: string;
  /** An extra RSS feed for this page (tag or section). */
  feed?: { url: string; title: string };
  openGraph?: NonNullable<Metadata['openGraph']>;
  robots?: Metadata['robots'];
}

/** The site's share card (app/opengraph-image.tsx); articles and tags have their own. */
const defaultImage = { url: '/opengraph-image', width: 1200, height: 630, alt: siteConfig.name };

/**
 * Title, description, absolute canonical, feeds, Open Graph and Twitter tags for one page.
 * Page metadata replaces the layout's keys wholesale, so every page builds the full set here.
 */
export function pageMetadata(input: PageMetaInput): Metadata {
  const url = absoluteUrl(input.path);
  const rss = input.feed ? [...siteFeeds['application/rss+xml'], input.feed] : siteFeeds['application/rss+xml'];
  return {
    title: input.title,
    description: input.description,
    alternates: { canonical: url, types: { ...siteFeeds, 'application/rss+xml': rss } },
    openGraph: {
      siteName: siteConfig.name,
      locale: t.intlLocale.replace('-', '_'),
      url,
      title: input.title,
      description: input.description,
      type: 'website',
      images: [defaultImage],
      ...input.openGraph,
    } as Metadata['openGraph'],
    twitter: { card: 'summary_large_image', title: input.title, description: input.description, images: [defaultImage] },
    robots: input.robots,
  };
}

export function articleMetadata(article: Article, content: ContentStore): Metadata {
  const section = content.section(article.section);
  return pageMetadata({
    title: article.title,
    description: article.summary,
    path: routes.article(article.slug),
    openGraph: {
      type: 'article',
      publishedTime: article.publishedAt,
      modifiedTime: article.updatedAt ?? article.publishedAt,
      section: section?.name,
      tags: article.tags.map((slug) => content.tag(slug)?.name ?? slug),
      authors: article.authors.map((slug) => absoluteUrl(routes.author(slug))),
    },
  });
}
