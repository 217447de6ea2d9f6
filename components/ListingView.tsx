import type { ReactNode } from 'react';
import type { Article, Page } from '@/lib/content';
import { breadcrumbList } from '@/lib/seo/jsonld';
import { Breadcrumb, type Crumb } from './Breadcrumb';
import { JsonLd } from './JsonLd';
import { PageHeader } from './PageHeader';
import { Pagination } from './Pagination';
import { StoryList } from './StoryCard';

/** Section and author pages: a header, then a paginated list of stories, newest first. */
export function ListingView({
  crumbs,
  kicker,
  title,
  intro,
  page,
  hrefFor,
}: {
  crumbs: Crumb[];
  kicker: string;
  title: string;
  intro: ReactNode;
  page: Page<Article>;
  hrefFor: (page: number) => string;
}) {
  return (
    <>
      <JsonLd data={breadcrumbList([...crumbs.map((c) => ({ name: c.name, path: c.href })), { name: title, path: hrefFor(1) }])} />
      <Breadcrumb items={crumbs} />
      <div className="mt-4">
        <PageHeader kicker={kicker} title={title}>
          {intro}
        </PageHeader>
      </div>
      <div className="mt-6 max-w-3xl">
        <StoryList articles={page.items} headingLevel={2} />
        <Pagination page={page.page} totalPages={page.totalPages} hrefFor={hrefFor} />
      </div>
    </>
  );
}
