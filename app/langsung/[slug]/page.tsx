import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { LiveReport } from '@/components/LiveReport';
import { ShareLinks } from '@/components/ShareLinks';
import { StoryTrail } from '@/components/StoryTrail';
import { TagList } from '@/components/TagList';
import { siteConfig } from '@/lib/config';
import { getLiveReports } from '@/lib/content';
import { t } from '@/lib/i18n';
import { contentForRequest } from '@/lib/newsroom/preview';
import { routes } from '@/lib/routes';
import { liveBlogPosting } from '@/lib/seo/jsonld';
import { pageMetadata } from '@/lib/seo/metadata';

// New entries show within a minute (ISR), and at once after POST /api/revalidate names the report.
export const revalidate = 60;

export function generateStaticParams(): { slug: string }[] {
  return getLiveReports().map((report) => ({ slug: report.slug }));
}

type Props = { params: Promise<{ slug: string }> };

async function reportFor(params: Props['params']) {
  const { content, preview } = await contentForRequest();
  const slug = (await params).slug;
  return { content, report: getLiveReports(preview).find((r) => r.slug === slug) };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { report } = await reportFor(params);
  if (!report) return {};
  return pageMetadata({
    title: report.title,
    description: report.summary,
    path: routes.live(report.slug),
    openGraph: { type: 'article', publishedTime: report.entries.at(-1)?.time, modifiedTime: report.entries[0]?.time },
  });
}

/** A live report ("Live Update"): entries newest first, each with its permalink. */
export default async function LivePage({ params }: Props) {
  const { content, report } = await reportFor(params);
  if (!report) notFound();
  const section = content.section(report.section)!;
  const url = `${siteConfig.url}${routes.live(report.slug)}`;
  return (
    <article className="mx-auto max-w-3xl">
      <StoryTrail story={liveBlogPosting(report, content)} section={section} title={report.title} path={routes.live(report.slug)} />
      <LiveReport report={report} authors={report.authors.map((slug) => content.author(slug)!)} url={url} />
      <footer className="mt-10 space-y-8">
        <section aria-labelledby="tags-heading" className="no-print">
          <h2 id="tags-heading" className="mb-3 text-sm font-bold tracking-wider text-ink-muted uppercase">
            {t.tags}
          </h2>
          <TagList tags={report.tags.map((slug) => content.tag(slug)!)} label={t.tags} />
        </section>
        <ShareLinks url={url} title={report.title} />
      </footer>
    </article>
  );
}
