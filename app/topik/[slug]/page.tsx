import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { TagView } from '@/components/TagView';
import { firstPeriodKey, getContent, getLiveReports } from '@/lib/content';
import { t } from '@/lib/i18n';
import { pageOf } from '@/lib/pages';
import { routes } from '@/lib/routes';
import { pageMetadata, tagImage } from '@/lib/seo/metadata';

// Regenerated at most once a minute when requested (ISR), so new and scheduled stories show up without a build.
export const revalidate = 60;

export function generateStaticParams() {
  return getContent().tagsWithCounts().map((tag) => ({ slug: tag.slug }));
}

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const tag = getContent().tag((await params).slug);
  if (!tag) return {};
  return pageMetadata({
    title: tag.name,
    description: tag.description,
    path: routes.tag(tag.slug),
    feed: { url: routes.tagFeed(tag.slug), title: t.rssFeedOf(tag.name) },
    image: tagImage(tag),
  });
}

export default async function TagPage({ params }: Props) {
  const content = getContent();
  const tag = content.tag((await params).slug);
  if (!tag) notFound();
  const page = pageOf(content.storiesByTag(tag.slug), 1)!;
  return <TagView tag={tag} page={page} relatedTags={content.relatedTags(tag.slug, 8)} timelineStart={routes.timelinePeriod(tag.slug, firstPeriodKey(content, tag.slug))} live={getLiveReports().filter((r) => r.tags.includes(tag.slug))} />;
}
