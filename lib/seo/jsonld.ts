import { siteConfig } from '../config';
import type { Article, ContentStore, LiveReport, Taxon } from '../content';
import { t } from '../i18n';
import { routes } from '../routes';
import { absoluteUrl } from './metadata';

/** schema.org objects for <script type="application/ld+json">; built from content only. */
type Thing = Record<string, unknown>;

export const LOGO = { path: '/logo.png', width: 600, height: 60 };

export function publisher(): Thing {
  return {
    '@type': 'NewsMediaOrganization',
    name: siteConfig.name,
    url: absoluteUrl('/'),
    logo: { '@type': 'ImageObject', url: absoluteUrl(LOGO.path), width: LOGO.width, height: LOGO.height },
  };
}

export function newsArticle(article: Article, content: ContentStore): Thing {
  const url = absoluteUrl(routes.article(article.slug));
  const images = [absoluteUrl(routes.articleImage(article.slug))];
  if (article.image) images.unshift(absoluteUrl(article.image.src));
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title,
    description: article.summary,
    datePublished: article.publishedAt,
    dateModified: article.updatedAt ?? article.publishedAt,
    author: article.authors.map((slug) => ({
      '@type': 'Person',
      name: content.author(slug)?.name ?? slug,
      url: absoluteUrl(routes.author(slug)),
    })),
    publisher: publisher(),
    image: images,
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    url,
    articleSection: content.section(article.section)?.name,
    keywords: article.tags.map((slug) => content.tag(slug)?.name ?? slug),
    inLanguage: t.htmlLang,
    wordCount: content.readingTime(article).words,
    ...(article.corrections.length > 0 && {
      correction: article.corrections.map((c) => ({ '@type': 'CorrectionComment', text: c.text, datePublished: c.date })),
    }),
  };
}

/** A live report (schema.org LiveBlogPosting), one liveBlogUpdate per entry, newest first. */
export function liveBlogPosting(report: LiveReport, content: ContentStore): Thing {
  const url = absoluteUrl(routes.live(report.slug));
  const newest = report.entries[0];
  const oldest = report.entries.at(-1);
  return {
    '@context': 'https://schema.org',
    '@type': 'LiveBlogPosting',
    headline: report.title,
    description: report.summary,
    url,
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    datePublished: oldest?.time ?? report.coverageStart,
    dateModified: newest?.time ?? report.coverageStart,
    coverageStartTime: report.coverageStart,
    ...(report.coverageEnd && { coverageEndTime: report.coverageEnd }),
    author: report.authors.map((slug) => ({ '@type': 'Person', name: content.author(slug)?.name ?? slug, url: absoluteUrl(routes.author(slug)) })),
    publisher: publisher(),
    inLanguage: t.htmlLang,
    articleSection: content.section(report.section)?.name,
    keywords: report.tags.map((slug) => content.tag(slug)?.name ?? slug),
    liveBlogUpdate: report.entries.map((entry) => ({
      '@type': 'BlogPosting',
      headline: entry.keyEvent ?? entry.text.slice(0, 110),
      datePublished: entry.time,
      articleBody: entry.text,
      url: `${url}#${entry.id}`,
    })),
  };
}

export function breadcrumbList(items: { name: string; path: string }[]): Thing {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: items.map((item, i) => ({
      '@type': 'ListItem',
      position: i + 1,
      name: item.name,
      item: absoluteUrl(item.path),
    })),
  };
}

export function collectionPage(tag: Taxon, path: string, stories: Article[], firstPosition: number): Thing {
  return {
    '@context': 'https://schema.org',
    '@type': 'CollectionPage',
    name: tag.name,
    description: tag.description,
    url: absoluteUrl(path),
    inLanguage: t.htmlLang,
    isPartOf: { '@type': 'WebSite', name: siteConfig.name, url: absoluteUrl('/') },
    mainEntity: {
      '@type': 'ItemList',
      itemListOrder: 'https://schema.org/ItemListOrderDescending',
      numberOfItems: stories.length,
      itemListElement: stories.map((article, i) => ({
        '@type': 'ListItem',
        position: firstPosition + i,
        url: absoluteUrl(routes.article(article.slug)),
        name: article.title,
      })),
    },
  };
}

export function webSite(): Thing {
  return {
    '@context': 'https://schema.org',
    '@type': 'WebSite',
    name: siteConfig.name,
    url: absoluteUrl('/'),
    inLanguage: t.htmlLang,
    publisher: publisher(),
    potentialAction: {
      '@type': 'SearchAction',
      target: { '@type': 'EntryPoint', urlTemplate: `${absoluteUrl(routes.search())}?q={search_term_string}` },
      'query-input': 'required name=search_term_string',
    },
  };
}
