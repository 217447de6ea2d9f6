import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { TagView } from '@/components/TagView';
import { firstPeriodKey, getContent, getLiveReports } from '@/lib/content';
import { listingMetadata, listingPage } from '@/lib/listings';
import { routes } from '@/lib/routes';

// Regenerated at most once a minute when requested (ISR), so new and scheduled stories show up without a build.
export const revalidate = 60;

export function generateStaticParams() {
  return getContent().tagsWithCounts().map((tag) => ({ slug: tag.slug }));
}

type Props = { params: Promise<{ slug: string; page?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, page } = await params;
  return listingMetadata('tag', getContent(), slug, page);
}

/** A tag's stories, newest first: page 1 here, page n in halaman/[page] (the same page). */
export default async function TagPage({ params }: Props) {
  const { slug, page } = await params;
  const content = getContent();
  const found = listingPage('tag', content, slug, page);
  if (!found) notFound();
  return (
    <TagView
      tag={found.subject}
      page={found.page}
      relatedTags={content.relatedTags(slug, 8)}
      timelineStart={routes.timelinePeriod(slug, firstPeriodKey(content, slug))}
      live={getLiveReports().filter((r) => r.tags.includes(slug))}
    />
  );
}
