import { type ContentStore, getLiveReports, tagTimeline } from '../lib/content';
import { env } from '../lib/env';
import { listingStories } from '../lib/listings';
import { pageOf, parsePageSegment } from '../lib/pages';
import { ROUTE_TABLE } from '../lib/routes';
import { sitemapChunkCount, sitemapEntries } from '../lib/sitemaps';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const SITEMAP_FILE = /^(0|[1-9][0-9]?)\.xml$/;
/** A timeline period: "2024", "2024-06" or "2024-06-2" (lib/content/timeline.ts). */
const PERIOD = /^[0-9]{4}(?:-[0-9]{2}(?:-[1-9][0-9]*)?)?$/;

/** The route table as segments, by first segment: a path is matched against a handful of shapes. */
const SHAPES = new Map<string, string[][]>();
for (const { path } of ROUTE_TABLE) {
  const segments = path.split('/').slice(1);
  const first = segments[0] ?? '';
  SHAPES.set(first, [...(SHAPES.get(first) ?? []), segments]);
}
const SUBJECT = new Map(ROUTE_TABLE.map((route) => [route.path, route.subject]));

/** Sitemap files per store: counting them walks every listing, so once per content load. */
const sitemapFiles = new WeakMap<ContentStore, number>();

/** Whether one shape's parameters name something that exists. */
function shapeNames(shape: string[], segments: string[], content: ContentStore, isStory: (slug: string) => boolean): boolean {
  if (shape.length !== segments.length) return false;
  // Each parameter is checked for its form here, and for its existence below.
  const params: { slug?: string; page?: number; period?: string; file?: number } = {};
  for (let i = 0; i < shape.length; i++) {
    const want = shape[i]!;
    const got = segments[i]!;
    if (want === '[slug]') {
      if (got.length > 200 || !SLUG.test(got)) return false;
      params.slug = got;
    } else if (want === '[page]') {
      params.page = parsePageSegment(got) ?? undefined;
      if (params.page === undefined) return false;
    } else if (want === '[period]') {
      if (!PERIOD.test(got)) return false;
      params.period = got;
    } else if (want === '[file]') {
      const n = SITEMAP_FILE.exec(got)?.[1];
      if (n === undefined) return false;
      params.file = Number(n);
    } else if (want !== got) {
      return false;
    }
  }
  const { slug, page, period, file } = params;
  const subject = SUBJECT.get(`/${shape.join('/')}`) ?? null;
  if (subject === null) return true;
  if (subject === 'fault') return env().WARTA_FAULT_INJECTION === '1';
  if (subject === 'sitemap') {
    if (!sitemapFiles.has(content)) sitemapFiles.set(content, sitemapChunkCount(sitemapEntries(content, getLiveReports()).length));
    return file !== undefined && file < sitemapFiles.get(content)!;
  }
  if (slug === undefined) return false;
  if (subject === 'article') return isStory(slug);
  if (subject === 'live') return getLiveReports(true).some((r) => r.slug === slug);
  const stories = listingStories(subject, content, slug);
  if (!stories) return false;
  if (period !== undefined) return tagTimeline(content, slug)?.periods.some((p) => p.key === period && p.key !== '') ?? false;
  return page === undefined || pageOf(stories, page) !== null;
}

/**
 * Whether a canonical path (server/canonical-path.ts) names a page of the route table that exists:
 * a story (drafts and scheduled ones too — they answer 404 to readers by themselves), a live report, a tag,
 * section or author, a page number or timeline period within it, a sitemap file. Every other path is
 * answered with the 404 page before Next.js sees it, so random URLs never become cache entries
 * on disk (ISR caches what it renders for a dynamic route). `isStory` says whether a slug is a story
 * file's, drafts and scheduled ones included (lib/content storyExists).
 */
export function pathNamesPage(pathname: string, content: ContentStore, isStory: (slug: string) => boolean): boolean {
  const segments = pathname === '/' ? [''] : pathname.split('/').slice(1);
  for (const shape of SHAPES.get(segments[0]!) ?? []) {
    if (shapeNames(shape, segments, content, isStory)) return true;
  }
  return false;
}
