import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Breadcrumb } from '@/components/Breadcrumb';
import { PageHeader } from '@/components/PageHeader';
import { Timeline } from '@/components/Timeline';
import { periodName, timelineCrumbs, TimelinePeriodNav } from '@/components/TimelinePeriods';
import { getContent, tagTimeline } from '@/lib/content';
import { t } from '@/lib/i18n';
import { routes } from '@/lib/routes';
import { pageMetadata } from '@/lib/seo/metadata';

// Regenerated at most once a minute when requested (ISR), like the timeline's index.
export const revalidate = 60;

// Drawn on first request: a long story has one page per year or month.
export function generateStaticParams(): { slug: string; period: string }[] {
  return [];
}

type Props = { params: Promise<{ slug: string; period: string }> };

async function periodOf(params: Props['params']) {
  const { slug, period } = await params;
  const content = getContent();
  const tag = content.tag(slug);
  const timeline = tag && tagTimeline(content, slug);
  const index = timeline ? timeline.periods.findIndex((p) => p.key === period && p.key !== '') : -1;
  return tag && timeline && index >= 0 ? { tag, timeline, index, period: timeline.periods[index]! } : undefined;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = await periodOf(params);
  if (!found) return {};
  const name = periodName(found.period);
  return pageMetadata({
    title: `${t.timeline}: ${found.tag.name}, ${name}`,
    description: t.timelineIntro(found.tag.name),
    path: routes.timelinePeriod(found.tag.slug, found.period.key),
    feed: { url: routes.tagFeed(found.tag.slug), title: t.rssFeedOf(found.tag.name) },
  });
}

/** One period (a year, a month, or part of a month) of a long running story, oldest first. */
export default async function TimelinePeriodPage({ params }: Props) {
  const found = await periodOf(params);
  if (!found) notFound();
  const { tag, timeline, index, period } = found;
  return (
    <div className="max-w-3xl">
      <Breadcrumb items={timelineCrumbs(tag, true)} />
      <div className="mt-4">
        <PageHeader kicker={`${t.timeline} · ${periodName(period)}`} title={tag.name}>
          <p className="text-base font-semibold text-ink">{t.storyCount(period.count)}</p>
        </PageHeader>
      </div>
      <Timeline months={period.months} />
      <TimelinePeriodNav slug={tag.slug} timeline={timeline} index={index} />
    </div>
  );
}
