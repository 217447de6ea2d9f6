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
  /** The page's own share card (articles, tags); otherwise the site's (app/opengraph-image.tsx). */
  image?: { path: string; alt: string };
}

/**
 * Title, description, absolute canonical, feeds, Open Graph and Twitter tags for one page.
 * Page metadata replaces the layout's keys wholesale, so every page builds the full set here.
 */
export function pageMetadata(input: PageMetaInput): Metadata {
  const url = absoluteUrl(input.path);
  const rss = input.feed ? [...siteFeeds['application/rss+xml'], input.feed] : siteFeeds['application/rss+xml'];
  // Named here, not left to Next.js: page metadata that sets openGraph replaces the image a
  // segment's opengraph-image file would give, so every page names its card itself.
  const { path: imagePath, alt } = input.image ?? { path: routes.siteImage(), alt: siteConfig.name };
  // 1200×630: SHARE_CARD_SIZE (lib/og/share-card.tsx, not imported: it would bring next/og into every page).
  const image = { url: imagePath, width: 1200, height: 630, alt };
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
      images: [image],
      ...input.openGraph,
    } as Metadata['openGraph'],
    twitter: { card: 'summary_large_image', title: input.title, description: input.description, images: [image] },
    robots: input.robots,
  };
}

/** A tag's pages (first, numbered, timeline) share the tag's card (app/topik/[slug]/opengraph-image.tsx). */
export const tagImage = (tag: { slug: string; name: string }) => ({ path: routes.tagImage(tag.slug), alt: tag.name });

export function articleMetadata(article: Article, content: ContentStore): Metadata {
  const section = content.section(article.section);
  return pageMetadata({
    title: article.title,
    description: article.summary,
    path: routes.article(article.slug),
    image: { path: routes.articleImage(article.slug), alt: article.title },
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
