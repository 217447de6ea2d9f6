import type { Article, LiveReport, Page, Tag, TagWithCount } from '@/lib/content';
import { LiveReportList } from './LiveReport';
import { t } from '@/lib/i18n';
import { routes } from '@/lib/routes';
import { breadcrumbList, collectionPage } from '@/lib/seo/jsonld';
import { siteConfig } from '@/lib/config';
import { Breadcrumb } from './Breadcrumb';
import { JsonLd } from './JsonLd';
import { PageHeader } from './PageHeader';
import { Pagination } from './Pagination';
import { StoryList } from './StoryCard';
import { TagExplainer } from './TagExplainer';
import { TagList } from './TagList';

/** A tag's page: intro, count, newest stories first, pagination, the link to where its timeline starts, and related tags. */
export function TagView({ tag, page, relatedTags, timelineStart, live }: { tag: Tag; page: Page<Article>; relatedTags: TagWithCount[]; timelineStart: string; live: LiveReport[] }) {
  return (
    <>
      <JsonLd
        data={[
          collectionPage(tag, routes.tag(tag.slug, page.page), page.items, (page.page - 1) * siteConfig.pageSize + 1),
          breadcrumbList([
            { name: t.home, path: routes.home() },
            { name: t.topics, path: routes.tags() },
            { name: tag.name, path: routes.tag(tag.slug) },
          ]),
        ]}
      />
      <Breadcrumb items={[{ name: t.home, href: routes.home() }, { name: t.topics, href: routes.tags() }]} />
      <div className="mt-4">
        <PageHeader kicker={t.topics} title={tag.name}>
          <p>{tag.description}</p>
          <p className="mt-3 text-base font-semibold text-ink">
            <span>{t.storyCount(page.total)}</span>
            {page.totalPages > 1 && <span className="font-normal text-ink-muted">
                {' · '}
                <span>{t.pageOf(page.page, page.totalPages)}</span>
              </span>}
          </p>
          <p className="mt-3 text-base">
            <a href={timelineStart} className="font-semibold text-link underline underline-offset-2">
              {t.timelineLink} ›
            </a>
          </p>
        </PageHeader>
      </div>
      {/* The explainer belongs to the story, not to a page of its list: page 1 only. */}
      {tag.explainer && page.page === 1 && <TagExplainer explainer={tag.explainer} />}
      <div className="mt-6 grid gap-10 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <div>
          {page.page === 1 && <LiveReportList reports={live} headingId="liputan-langsung" className="mb-8" />}
          <StoryList articles={page.items} headingLevel={2} />
          <Pagination page={page.page} totalPages={page.totalPages} hrefFor={(p) => routes.tag(tag.slug, p)} />
        </div>
        {relatedTags.length > 0 && (
          <aside aria-labelledby="related-tags">
            <h2 id="related-tags" className="mb-3 text-sm font-bold tracking-wider uppercase">
              {t.relatedTopics}
            </h2>
            <TagList tags={relatedTags.map(({ slug, name }) => ({ slug, name }))} label={t.relatedTopics} />
          </aside>
        )}
      </div>
    </>
  );
}
