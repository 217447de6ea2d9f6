import type { Metadata } from 'next';
import type { Article, Author, ContentStore, Page, Section, Tag } from './content';
import { t } from './i18n';
import { pageOf, parsePageSegment } from './pages';
import { routes } from './routes';
import { pageMetadata, tagImage } from './seo/metadata';

/**
 * The three listings — a tag's, a section's and an author's stories, newest first, page by page —
 * described once. Their six routes (page 1 and page n of each) and the request guards ask here
 * what a slug names, which stories it lists, and how its pages are titled.
 */
interface Named {
  slug: string;
  name: string;
}

interface ListingSpec<S extends Named> {
  find: (content: ContentStore, slug: string) => S | undefined;
  stories: (content: ContentStore, slug: string) => Article[];
  path: (slug: string, page: number) => string;
  describe: (subject: S) => string;
  feed?: (subject: S) => { url: string; title: string };
  image?: (subject: S) => { path: string; alt: string };
}

const tag: ListingSpec<Tag> = {
  find: (content, slug) => content.tag(slug),
  stories: (content, slug) => content.storiesByTag(slug),
  path: routes.tag,
  describe: (subject) => subject.description,
  feed: (subject) => ({ url: routes.tagFeed(subject.slug), title: t.rssFeedOf(subject.name) }),
  image: tagImage,
};
const section: ListingSpec<Section> = {
  find: (content, slug) => content.section(slug),
  stories: (content, slug) => content.storiesBySection(slug),
  path: routes.section,
  describe: (subject) => subject.description,
  feed: (subject) => ({ url: routes.sectionFeed(subject.slug), title: t.rssFeedOf(subject.name) }),
};
const author: ListingSpec<Author> = {
  find: (content, slug) => content.author(slug),
  stories: (content, slug) => content.storiesByAuthor(slug),
  path: routes.author,
  describe: (subject) => subject.bio,
};
const KINDS = { tag, section, author };

export type ListingKind = keyof typeof KINDS;
type Subject<K extends ListingKind> = { tag: Tag; section: Section; author: Author }[K];

/** A listing's stories (undefined when the slug names no tag, section or author). */
export function listingStories(kind: ListingKind, content: ContentStore, slug: string): Article[] | undefined {
  return KINDS[kind].find(content, slug) ? KINDS[kind].stories(content, slug) : undefined;
}

/**
 * One page of a listing: `segment` is the URL's page number ("2"…), or undefined for page 1.
 * null when the slug names nothing or the page does not exist ("1", "02", past the last).
 */
export function listingPage<K extends ListingKind>(kind: K, content: ContentStore, slug: string, segment?: string): { subject: Subject<K>; page: Page<Article> } | null {
  const subject = KINDS[kind].find(content, slug) as Subject<K> | undefined;
  const number = segment === undefined ? 1 : parsePageSegment(segment);
  const page = subject && number ? pageOf(KINDS[kind].stories(content, slug), number) : null;
  return subject && page ? { subject, page } : null;
}

/** Title ("Rusia", "Rusia — Halaman 2 dari 9"), description, canonical path, feed and share image of a listing's page. */
export function listingMetadata(kind: ListingKind, content: ContentStore, slug: string, segment?: string): Metadata {
  const found = listingPage(kind, content, slug, segment);
  if (!found) return {};
  // The subject was found by this kind's own spec.
  const spec = KINDS[kind] as unknown as ListingSpec<Named>;
  const subject: Named = found.subject;
  const { page, totalPages } = found.page;
  return pageMetadata({
    title: page === 1 ? subject.name : `${subject.name} — ${t.pageOf(page, totalPages)}`,
    description: spec.describe(found.subject),
    path: spec.path(subject.slug, page),
    feed: spec.feed?.(found.subject),
    image: spec.image?.(found.subject),
  });
}
