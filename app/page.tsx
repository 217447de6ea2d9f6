import type { Metadata } from 'next';
import { headingClass } from '@/components/headings';
import { JsonLd } from '@/components/JsonLd';
import { LiveReportList } from '@/components/LiveReport';
import { MostRead } from '@/components/MostRead';
import { StoryCard, StoryList } from '@/components/StoryCard';
import { TagList } from '@/components/TagList';
import { siteConfig } from '@/lib/config';
import { getLiveReports } from '@/lib/content';
import { contentForRequest } from '@/lib/newsroom/preview';
import { t } from '@/lib/i18n';
import { routes } from '@/lib/routes';
import { mostRead } from '@/lib/popular';
import { webSite } from '@/lib/seo/jsonld';
import { pageMetadata } from '@/lib/seo/metadata';

// Regenerated at most once a minute when requested (ISR), so new and scheduled stories show up without a build.
export const revalidate = 60;

export const metadata: Metadata = {
  ...pageMetadata({ title: siteConfig.name, description: t.siteTagline, path: routes.home() }),
  title: { absolute: `${siteConfig.name} — ${t.siteTagline}` },
};

export default async function HomePage() {
  const { content, preview } = await contentForRequest();
  const live = getLiveReports(preview);
  const running = live.filter((r) => r.status === 'berlangsung');
  const [lead, ...rest] = content.latest(13);
  const secondary = rest.slice(0, 4);
  const latest = rest.slice(4);
  const shown = new Set([lead, ...rest].map((a) => a?.slug));
  const popular = await mostRead();
  return (
    <>
      <JsonLd data={webSite()} />
      <h1 className="sr-only">
        {siteConfig.name} — {t.siteTagline}
      </h1>
      {/* A running live report leads the page; ended ones are listed beside the latest stories. */}
      <LiveReportList reports={running} headingId="liputan-berlangsung" className="mb-6 border-y-2 border-accent py-3" />
      <div className="grid gap-8 lg:grid-cols-[minmax(0,1.7fr)_minmax(0,1fr)]">
        <div>
          {lead && (
            <section aria-labelledby="lead-heading">
              <h2 id="lead-heading" className="sr-only">
                {t.leadStory}
              </h2>
              <StoryCard article={lead} variant="lead" />
            </section>
          )}
          <ul className="mt-8 grid gap-x-8 gap-y-6 border-t border-rule pt-6 sm:grid-cols-2">
            {secondary.map((article) => (
              <li key={article.slug}>
                <StoryCard article={article} />
              </li>
            ))}
          </ul>
        </div>
        <section aria-labelledby="latest-heading" className="lg:border-l lg:border-rule lg:pl-8">
          <h2 id="latest-heading" className={headingClass}>
            {t.latest}
          </h2>
          <StoryList articles={latest} variant="compact" />
          <LiveReportList reports={live.filter((r) => r.status === 'selesai').slice(0, 2)} headingId="liputan-langsung" className="mt-10" />
          <MostRead articles={popular} className="mt-10" />
        </section>
      </div>

      <div className="mt-12 grid gap-10 md:grid-cols-2 xl:grid-cols-3">
        {content.sections.map((section) => {
          const stories = content.storiesBySection(section.slug).filter((a) => !shown.has(a.slug)).slice(0, 3);
          if (stories.length === 0) return null;
          return (
            <section key={section.slug} aria-labelledby={`section-${section.slug}`}>
              <h2 id={`section-${section.slug}`} className={headingClass}>
                <a href={routes.section(section.slug)} className="hover:underline">
                  {section.name}
                </a>
              </h2>
              <StoryList articles={stories} />
              <p className="mt-3 text-sm font-semibold">
                <a href={routes.section(section.slug)} className="text-link underline underline-offset-2">
                  {t.moreFrom(section.name)} ›
                </a>
              </p>
            </section>
          );
        })}
      </div>

      <section aria-labelledby="popular-tags" className="mt-12">
        <h2 id="popular-tags" className={headingClass}>
          {t.popularTopics}
        </h2>
        <TagList tags={content.popularTags(12)} label={t.popularTopics} />
      </section>
    </>
  );
}
