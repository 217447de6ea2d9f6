import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Breadcrumb } from '@/components/Breadcrumb';
import { PageHeader } from '@/components/PageHeader';
import { TagExplainer } from '@/components/TagExplainer';
import { Timeline } from '@/components/Timeline';
import { timelineCrumbs, TimelineIndex } from '@/components/TimelinePeriods';
import { getContent, tagTimeline } from '@/lib/content';
import { t } from '@/lib/i18n';
import { routes } from '@/lib/routes';
import { pageMetadata, tagImage } from '@/lib/seo/metadata';

// Regenerated at most once a minute when requested (ISR), so new and scheduled stories show up without a build.
export const revalidate = 60;

// A timeline is drawn on its first request, then cached like any ISR page: the build prerenders
// stories and the first page of each tag, and stays short for archives of 100,000 stories.
export function generateStaticParams(): { slug: string }[] {
  return [];
}

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const tag = getContent().tag((await params).slug);
  if (!tag) return {};
  return pageMetadata({
    title: `${t.timeline}: ${tag.name}`,
    description: t.timelineIntro(tag.name),
    path: routes.timeline(tag.slug),
    feed: { url: routes.tagFeed(tag.slug), title: t.rssFeedOf(tag.name) },
    image: tagImage(tag),
  });
}

/** A running story from its start: the whole story when it fits one page, else the index of its periods. */
export default async function TimelinePage({ params }: Props) {
  const content = getContent();
  const tag = content.tag((await params).slug);
  const timeline = tag && tagTimeline(content, tag.slug);
  if (!tag || !timeline) notFound();
  const single = timeline.periods.length === 1 && timeline.periods[0]!.key === '';
  return (
    <div className="max-w-3xl">
      <Breadcrumb items={timelineCrumbs(tag, false)} />
      <div className="mt-4">
        <PageHeader kicker={t.timeline} title={tag.name}>
          <p>{t.timelineIntro(tag.name)}</p>
          <p className="mt-3 text-base font-semibold text-ink">{t.storyCount(timeline.total)}</p>
          <p className="mt-3 text-base">
            <a href={routes.tag(tag.slug)} className="font-semibold text-link underline underline-offset-2">
              ‹ {t.backToLatest}
            </a>
          </p>
        </PageHeader>
      </div>
      {tag.explainer && <TagExplainer explainer={tag.explainer} />}
      {single ? <Timeline months={timeline.periods[0]!.months} /> : <TimelineIndex slug={tag.slug} timeline={timeline} />}
    </div>
  );
}
