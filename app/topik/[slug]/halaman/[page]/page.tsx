import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { TagView } from '@/components/TagView';
import { firstPeriodKey, getContent, getLiveReports } from '@/lib/content';
import { t } from '@/lib/i18n';
import { pageOf, parsePageSegment } from '@/lib/pages';
import { routes } from '@/lib/routes';
import { pageMetadata, tagImage } from '@/lib/seo/metadata';

// Regenerated at most once a minute when requested (ISR), so new and scheduled stories show up without a build.
export const revalidate = 60;

/** Pages 2…n render on first request and are then cached like the rest (see lib/pages.ts). */
export function generateStaticParams(): { slug: string; page: string }[] {
  return [];
}

type Props = { params: Promise<{ slug: string; page: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, page } = await params;
  const tag = getContent().tag(slug);
  const number = parsePageSegment(page);
  const stories = tag && number ? pageOf(getContent().storiesByTag(slug), number) : null;
  if (!tag || !number || !stories) return {};
  return pageMetadata({
    title: `${tag.name} — ${t.pageOf(number, stories.totalPages)}`,
    description: tag.description,
    path: routes.tag(tag.slug, number),
    feed: { url: routes.tagFeed(tag.slug), title: t.rssFeedOf(tag.name) },
    image: tagImage(tag),
  });
}

export default async function TagPageN({ params }: Props) {
  const { slug, page } = await params;
  const content = getContent();
  const tag = content.tag(slug);
  const number = parsePageSegment(page);
  if (!tag || !number) notFound();
  const stories = pageOf(content.storiesByTag(tag.slug), number);
  if (!stories) notFound();
  return <TagView tag={tag} page={stories} relatedTags={content.relatedTags(tag.slug, 8)} timelineStart={routes.timelinePeriod(tag.slug, firstPeriodKey(content, tag.slug))} live={getLiveReports().filter((r) => r.tags.includes(tag.slug))} />;
}
