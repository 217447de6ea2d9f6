import type { Metadata } from 'next';
import { Breadcrumb } from '@/components/Breadcrumb';
import { PageHeader } from '@/components/PageHeader';
import { TagList } from '@/components/TagList';
import { getContent } from '@/lib/content';
import { t } from '@/lib/i18n';
import { routes } from '@/lib/routes';
import { pageMetadata } from '@/lib/seo/metadata';

// Regenerated at most once a minute when requested (ISR), so new and scheduled stories show up without a build.
export const revalidate = 60;

export const metadata: Metadata = pageMetadata({ title: t.allTopics, description: t.allTopics, path: routes.tags() });

export default function TagIndexPage() {
  const tags = getContent().tagsWithCounts();
  return (
    <>
      <Breadcrumb items={[{ name: t.home, href: routes.home() }]} />
      <div className="mt-4">
        <PageHeader title={t.allTopics}>
          <p>{t.storyCount(getContent().articles.length)}</p>
        </PageHeader>
      </div>
      <div className="mt-6">
        <TagList tags={tags} label={t.allTopics} />
      </div>
    </>
  );
}
